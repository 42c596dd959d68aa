import Foundation
import PracticeNumerics

/// What the backward pass needs from the forward pass.
struct LSTMStepCache {
  var x: Tensor
  var prevH: Tensor
  var prevC: Tensor
  var wx: Tensor
  var wh: Tensor
  var i: Tensor
  var f: Tensor
  var o: Tensor
  var g: Tensor
  var nextC: Tensor
}

/// One LSTM step; the gates are the H-column blocks of a = x·Wx + prevH·Wh + b, in the order i, f, o, g.
func lstmStepForward(
  x: Tensor, prevH: Tensor, prevC: Tensor, wx: Tensor, wh: Tensor, b: Tensor
) -> (nextH: Tensor, nextC: Tensor, cache: LSTMStepCache) {
  // TODO: a, then i = σ(block 0), f = σ(block 1), o = σ(block 2), g = tanh(block 3).
  let zero = Tensor(zeros: prevH.shape)
  let cache = LSTMStepCache(
    x: x, prevH: prevH, prevC: prevC, wx: wx, wh: wh, i: zero, f: zero, o: zero, g: zero, nextC: zero)
  return (zero, zero, cache)
}

/// The gradients of one step from the gradients of both outputs.
func lstmStepBackward(dNextH: Tensor, dNextC: Tensor, cache: LSTMStepCache) -> (
  dx: Tensor, dPrevH: Tensor, dPrevC: Tensor, dWx: Tensor, dWh: Tensor, db: Tensor
) {
  // TODO: see the lesson; join the four gate gradients with Tensor.concatenatingColumns.
  return (
    Tensor(zeros: cache.x.shape), Tensor(zeros: cache.prevH.shape), Tensor(zeros: cache.prevC.shape),
    Tensor(zeros: cache.wx.shape), Tensor(zeros: cache.wh.shape), Tensor(zeros: [cache.wx.columns])
  )
}
