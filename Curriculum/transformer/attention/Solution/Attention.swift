import Foundation
import PracticeNumerics

/// What the backward pass needs.
struct AttentionCache {
  var q: Tensor
  var k: Tensor
  var v: Tensor
  /// The attention weights (Tq, Tk): row i is query i's distribution over the keys.
  var weights: Tensor
  /// 1/√d.
  var scale: Double
}

/// Scaled dot-product attention for one sequence: softmax(q·kᵀ/√d)·v, with q (Tq, d), k (Tk, d),
/// v (Tk, dv). Query i may attend to key j only if `allowed[i][j]` (when given) and, when `causal`,
/// j ≤ i. A query with no key allowed gets zero weights and a zero output (never NaN).
func attentionForward(q: Tensor, k: Tensor, v: Tensor, causal: Bool, allowed: [[Bool]]? = nil) -> (
  out: Tensor, cache: AttentionCache
) {
  let scale = 1 / Double(q.columns).squareRoot()
  var weights = q.matmul(k, transposeOther: true) * scale
  for i in 0..<weights.rows {
    var top = -Double.infinity
    for j in 0..<weights.columns {
      let open = (!causal || j <= i) && (allowed?[i][j] ?? true)
      if open { top = max(top, weights[i, j]) } else { weights[i, j] = -.infinity }
    }
    guard top > -.infinity else {
      for j in 0..<weights.columns { weights[i, j] = 0 }
      continue
    }
    var total = 0.0
    for j in 0..<weights.columns {
      weights[i, j] = exp(weights[i, j] - top)
      total += weights[i, j]
    }
    for j in 0..<weights.columns { weights[i, j] /= total }
  }
  return (weights.matmul(v), AttentionCache(q: q, k: k, v: v, weights: weights, scale: scale))
}
