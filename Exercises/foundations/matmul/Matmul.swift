/// C = A·B for A of shape (m, k) and B of shape (k, n), as arrays of rows.
func matmul(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
  // TODO: check the inner dimensions, then Cᵢⱼ = Σₗ Aᵢₗ·Bₗⱼ.
  return []
}

/// Aᵀ: rows become columns.
func transpose(_ a: [[Double]]) -> [[Double]] {
  // TODO
  return []
}
