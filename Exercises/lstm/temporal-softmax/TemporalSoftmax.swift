import Foundation
import PracticeNumerics

/// What the affine backward pass needs.
struct TemporalAffineCache {
  var x: [Tensor]
  var w: Tensor
}

/// The same affine layer at every time step: out[t] = x[t]·W + b, x[t] (N, H), W (H, V), b (V).
func temporalAffineForward(x: [Tensor], w: Tensor, b: Tensor) -> (out: [Tensor], cache: TemporalAffineCache) {
  // TODO
  (x.map { Tensor(zeros: [$0.rows, w.columns]) }, TemporalAffineCache(x: x, w: w))
}

/// dx per step; dW and db summed over the steps (the layer is shared).
func temporalAffineBackward(dout: [Tensor], cache: TemporalAffineCache) -> (dx: [Tensor], dw: Tensor, db: Tensor) {
  // TODO
  (cache.x.map { Tensor(zeros: $0.shape) }, Tensor(zeros: cache.w.shape), Tensor(zeros: [cache.w.columns]))
}

/// Softmax cross-entropy at every scored position (mask[n][t] true), summed over time and averaged
/// over the N sequences, in nats; and its gradient with respect to the scores.
func temporalSoftmaxLoss(scores: [Tensor], targets: [[Int]], mask: [[Bool]]) -> (loss: Double, dScores: [Tensor]) {
  // TODO: subtract each row's maximum before exp (the logits can be large); positions whose mask is
  // false contribute nothing, to the loss or to the gradient.
  (0, scores.map { Tensor(zeros: $0.shape) })
}
