/// C = A·B for A of shape (m, k) and B of shape (k, n), as arrays of rows.
func matmul(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
  let inner = a.first?.count ?? 0
  precondition(
    inner == b.count, "matmul: (\(a.count), \(inner)) × (\(b.count), \(b.first?.count ?? 0)): inner dimensions differ")
  let columns = b.first?.count ?? 0
  var c = [[Double]](repeating: [Double](repeating: 0, count: columns), count: a.count)
  for i in 0..<a.count {
    for l in 0..<inner {
      let scale = a[i][l]
      for j in 0..<columns { c[i][j] += scale * b[l][j] }
    }
  }
  return c
}

/// Aᵀ: rows become columns.
func transpose(_ a: [[Double]]) -> [[Double]] {
  guard let width = a.first?.count else { return [] }
  return (0..<width).map { j in a.map { $0[j] } }
}
