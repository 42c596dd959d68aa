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
  // TODO
  let nextH = Tensor(zeros: prevH.shape)
  return (nextH, RNNStepCache(x: x, prevH: prevH, wx: wx, wh: wh, nextH: nextH))
}

/// The gradients of one step from dNextH (N, H).
func rnnStepBackward(dNextH: Tensor, cache: RNNStepCache) -> (
  dx: Tensor, dPrevH: Tensor, dWx: Tensor, dWh: Tensor, db: Tensor
) {
  // TODO: da = dNextH ⊙ (1 − nextH²), then the two linear layers.
  return (
    Tensor(zeros: cache.x.shape), Tensor(zeros: cache.prevH.shape), Tensor(zeros: cache.wx.shape),
    Tensor(zeros: cache.wh.shape), Tensor(zeros: [cache.wh.columns])
  )
}
