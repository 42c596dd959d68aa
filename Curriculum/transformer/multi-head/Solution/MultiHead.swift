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
  let c = x.columns
  let size = c / heads
  let qkv = x.matmul(wqkv)
  var caches: [AttentionCache] = []
  var outputs: [Tensor] = []
  for h in 0..<heads {
    let columns = (h * size)..<((h + 1) * size)
    let (out, cache) = attentionForward(
      q: qkv.columns(columns), k: qkv.columns(columns.shifted(by: c)), v: qkv.columns(columns.shifted(by: 2 * c)),
      causal: causal)
    outputs.append(out)
    caches.append(cache)
  }
  let joined = Tensor.concatenatingColumns(outputs)
  return (joined.matmul(wo), MultiHeadCache(x: x, wqkv: wqkv, wo: wo, heads: caches, joined: joined))
}

/// dx, dWqkv, dWo from dout (T, C).
func multiHeadAttentionBackward(dout: Tensor, cache: MultiHeadCache) -> (dx: Tensor, dWqkv: Tensor, dWo: Tensor) {
  let dWo = cache.joined.matmul(dout, transposeSelf: true)
  let dJoined = dout.matmul(cache.wo, transposeOther: true)
  let size = dJoined.columns / cache.heads.count
  var dq: [Tensor] = []
  var dk: [Tensor] = []
  var dv: [Tensor] = []
  for (h, head) in cache.heads.enumerated() {
    let grads = attentionBackward(dout: dJoined.columns((h * size)..<((h + 1) * size)), cache: head)
    dq.append(grads.dq)
    dk.append(grads.dk)
    dv.append(grads.dv)
  }
  let dQKV = Tensor.concatenatingColumns(dq + dk + dv)
  return (dQKV.matmul(cache.wqkv, transposeOther: true), cache.x.matmul(dQKV, transposeSelf: true), dWo)
}

extension Range where Bound == Int {
  func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
