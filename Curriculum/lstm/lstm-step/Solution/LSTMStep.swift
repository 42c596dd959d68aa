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

func sigmoid(_ x: Tensor) -> Tensor { x.map { 1 / (1 + exp(-$0)) } }

/// One LSTM step; the gates are the H-column blocks of a = x·Wx + prevH·Wh + b, in the order i, f, o, g.
func lstmStepForward(
  x: Tensor, prevH: Tensor, prevC: Tensor, wx: Tensor, wh: Tensor, b: Tensor
) -> (nextH: Tensor, nextC: Tensor, cache: LSTMStepCache) {
  let h = prevH.columns
  let a = x.matmul(wx) + prevH.matmul(wh) + b
  let i = sigmoid(a.columns(0..<h))
  let f = sigmoid(a.columns(h..<(2 * h)))
  let o = sigmoid(a.columns((2 * h)..<(3 * h)))
  let g = a.columns((3 * h)..<(4 * h)).tanh()
  let nextC = f * prevC + i * g
  let nextH = o * nextC.tanh()
  return (
    nextH, nextC, LSTMStepCache(x: x, prevH: prevH, prevC: prevC, wx: wx, wh: wh, i: i, f: f, o: o, g: g, nextC: nextC)
  )
}

/// The gradients of one step from the gradients of both outputs.
func lstmStepBackward(dNextH: Tensor, dNextC: Tensor, cache: LSTMStepCache) -> (
  dx: Tensor, dPrevH: Tensor, dPrevC: Tensor, dWx: Tensor, dWh: Tensor, db: Tensor
) {
  let tanhC = cache.nextC.tanh()
  let dC = dNextC + dNextH * cache.o * tanhC.map { 1 - $0 * $0 }
  let da = Tensor.concatenatingColumns([
    dC * cache.g * cache.i.map { $0 * (1 - $0) },
    dC * cache.prevC * cache.f.map { $0 * (1 - $0) },
    dNextH * tanhC * cache.o.map { $0 * (1 - $0) },
    dC * cache.i * cache.g.map { 1 - $0 * $0 },
  ])
  return (
    da.matmul(cache.wx, transposeOther: true), da.matmul(cache.wh, transposeOther: true), dC * cache.f,
    cache.x.matmul(da, transposeSelf: true), cache.prevH.matmul(da, transposeSelf: true), da.sum(axis: 0)
  )
}
