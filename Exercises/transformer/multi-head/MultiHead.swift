import Foundation
import PracticeNumerics

// Uses your attentionForward and attentionBackward from transformer/attention and
// transformer/attention-backward (compiled with this file).

/// What the backward pass needs.
struct MultiHeadCache {
  var x: Tensor
  var wqkv: Tensor
  var wo: Tensor
  var heads: [AttentionCache]
  /// The heads' outputs side by side (T, C), before the output projection.
  var joined: Tensor
}

/// Multi-head self-attention for one sequence x (T, C), without biases (as the course's GPT):
/// qkv = x·Wqkv (C, 3C) holds q, k, v in column blocks [0, C), [C, 2C), [2C, 3C); head h uses
/// columns [h·s, (h + 1)·s) of each, s = C / heads (nanoGPT's layout); the heads' outputs, side by
/// side in head order, are projected by Wo (C, C).
func multiHeadAttentionForward(x: Tensor, wqkv: Tensor, wo: Tensor, heads: Int, causal: Bool) -> (
  out: Tensor, cache: MultiHeadCache
) {
  // TODO: qkv = x·Wqkv; for each head, attentionForward on its columns of q, k and v; join the
  // outputs with Tensor.concatenatingColumns; project with Wo.
  let joined = Tensor(zeros: x.shape)
  return (joined, MultiHeadCache(x: x, wqkv: wqkv, wo: wo, heads: [], joined: joined))
}

/// dx, dWqkv, dWo from dout (T, C).
func multiHeadAttentionBackward(dout: Tensor, cache: MultiHeadCache) -> (dx: Tensor, dWqkv: Tensor, dWo: Tensor) {
  // TODO: back through Wo; split the gradient by head; attentionBackward per head; put dq, dk, dv
  // back into the layout of qkv (all dq blocks, then all dk, then all dv); back through x·Wqkv.
  (Tensor(zeros: cache.x.shape), Tensor(zeros: cache.wqkv.shape), Tensor(zeros: cache.wo.shape))
}
