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
  // TODO: scores = q·kᵀ/√d; masked scores become −∞ *before* the softmax; softmax along each row
  // (over the keys); out = weights·v.
  let scale = 1 / Double(q.columns).squareRoot()
  let weights = Tensor(zeros: [q.rows, k.rows])
  return (Tensor(zeros: [q.rows, v.columns]), AttentionCache(q: q, k: k, v: v, weights: weights, scale: scale))
}
