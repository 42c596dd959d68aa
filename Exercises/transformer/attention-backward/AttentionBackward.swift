import Foundation
import PracticeNumerics

// Uses your attentionForward and AttentionCache from transformer/attention (compiled with this file).

/// The gradients of q, k and v from dout (Tq, dv), through out = W·v, W = softmax(S), S = q·kᵀ·scale.
func attentionBackward(dout: Tensor, cache: AttentionCache) -> (dq: Tensor, dk: Tensor, dv: Tensor) {
  // TODO: dv = Wᵀ·dout; dW = dout·vᵀ; the softmax backward of each row, dS = W ⊙ (dW − rowsum(dW ⊙ W));
  // then through S = q·kᵀ·scale: dq = dS·k·scale, dk = dSᵀ·q·scale.
  (Tensor(zeros: cache.q.shape), Tensor(zeros: cache.k.shape), Tensor(zeros: cache.v.shape))
}
