import Foundation
import PracticeNumerics

/// What the backward pass needs from the forward pass.
struct RNNStepCache {
  var x: Tensor
  var prevH: Tensor
  var wx: Tensor
  var wh: Tensor
  var nextH: Tensor
}

/// nextH = tanh(x·Wx + prevH·Wh + b), for x (N, D), prevH (N, H), Wx (D, H), Wh (H, H), b (H).
func rnnStepForward(x: Tensor, prevH: Tensor, wx: Tensor, wh: Tensor, b: Tensor) -> (nextH: Tensor, cache: RNNStepCache)
{
  let nextH = (x.matmul(wx) + prevH.matmul(wh) + b).tanh()
  return (nextH, RNNStepCache(x: x, prevH: prevH, wx: wx, wh: wh, nextH: nextH))
}

/// The gradients of one step from dNextH (N, H).
func rnnStepBackward(dNextH: Tensor, cache: RNNStepCache) -> (
  dx: Tensor, dPrevH: Tensor, dWx: Tensor, dWh: Tensor, db: Tensor
) {
  let da = dNextH * cache.nextH.map { 1 - $0 * $0 }
  return (
    da.matmul(cache.wx, transposeOther: true), da.matmul(cache.wh, transposeOther: true),
    cache.x.matmul(da, transposeSelf: true), cache.prevH.matmul(da, transposeSelf: true), da.sum(axis: 0)
  )
}
