import Foundation
import PracticeNumerics

/// What the affine backward pass needs.
struct TemporalAffineCache {
  var x: [Tensor]
  var w: Tensor
}

/// The same affine layer at every time step: out[t] = x[t]·W + b, x[t] (N, H), W (H, V), b (V).
func temporalAffineForward(x: [Tensor], w: Tensor, b: Tensor) -> (out: [Tensor], cache: TemporalAffineCache) {
  (x.map { $0.matmul(w) + b }, TemporalAffineCache(x: x, w: w))
}

/// dx per step; dW and db summed over the steps (the layer is shared).
func temporalAffineBackward(dout: [Tensor], cache: TemporalAffineCache) -> (dx: [Tensor], dw: Tensor, db: Tensor) {
  var dw = Tensor(zeros: cache.w.shape)
  var db = Tensor(zeros: [cache.w.columns])
  var dx: [Tensor] = []
  for (gradient, x) in zip(dout, cache.x) {
    dx.append(gradient.matmul(cache.w, transposeOther: true))
    dw += x.matmul(gradient, transposeSelf: true)
    db += gradient.sum(axis: 0)
  }
  return (dx, dw, db)
}

/// Softmax cross-entropy at every scored position (mask[n][t] true), summed over time and averaged
/// over the N sequences, in nats; and its gradient with respect to the scores.
func temporalSoftmaxLoss(scores: [Tensor], targets: [[Int]], mask: [[Bool]]) -> (loss: Double, dScores: [Tensor]) {
  let n = Double(targets.count)
  var loss = 0.0
  var dScores: [Tensor] = []
  for (t, step) in scores.enumerated() {
    var gradient = Tensor(zeros: step.shape)
    for row in 0..<step.rows where mask[row][t] {
      let logits = step.row(row).data
      let top = logits.max() ?? 0
      let total = logits.reduce(0) { $0 + exp($1 - top) }
      let target = targets[row][t]
      loss -= logits[target] - top - log(total)
      for v in logits.indices {
        gradient[row, v] = (exp(logits[v] - top) / total - (v == target ? 1 : 0)) / n
      }
    }
    dScores.append(gradient)
  }
  return (loss / n, dScores)
}
