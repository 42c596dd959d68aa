import Foundation
import PracticeNumerics

// Uses your attentionForward and AttentionCache from transformer/attention (compiled with this file).

/// The gradients of q, k and v from dout (Tq, dv), through out = W·v, W = softmax(S), S = q·kᵀ·scale.
func attentionBackward(dout: Tensor, cache: AttentionCache) -> (dq: Tensor, dk: Tensor, dv: Tensor) {
  let weights = cache.weights
  let dv = weights.matmul(dout, transposeSelf: true)
  let dWeights = dout.matmul(cache.v, transposeOther: true)
  // Softmax backward, row by row: dS = W ⊙ (dW − Σⱼ dW ⊙ W). Masked entries have W = 0, so dS = 0.
  var dScores = dWeights
  for i in 0..<weights.rows {
    var dot = 0.0
    for j in 0..<weights.columns { dot += dWeights[i, j] * weights[i, j] }
    for j in 0..<weights.columns { dScores[i, j] = weights[i, j] * (dWeights[i, j] - dot) * cache.scale }
  }
  return (dScores.matmul(cache.k), dScores.matmul(cache.q, transposeSelf: true), dv)
}
