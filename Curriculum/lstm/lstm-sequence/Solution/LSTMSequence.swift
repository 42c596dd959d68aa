import Foundation
import PracticeNumerics

// Uses your lstmStepForward and lstmStepBackward from lstm/lstm-step (compiled with this file).

/// What the backward pass needs: the cache of every step, in time order.
struct LSTMCache {
  var steps: [LSTMStepCache]
}

/// Runs the LSTM over a time-major sequence x (T matrices of (N, D)) from h0 (N, H) and a zero cell
/// state; returns the hidden state of every step (T matrices of (N, H)).
func lstmForward(x: [Tensor], h0: Tensor, wx: Tensor, wh: Tensor, b: Tensor) -> (h: [Tensor], cache: LSTMCache) {
  var h: [Tensor] = []
  var steps: [LSTMStepCache] = []
  var previousH = h0
  var previousC = Tensor(zeros: h0.shape)
  for xt in x {
    let (nextH, nextC, cache) = lstmStepForward(x: xt, prevH: previousH, prevC: previousC, wx: wx, wh: wh, b: b)
    h.append(nextH)
    steps.append(cache)
    previousH = nextH
    previousC = nextC
  }
  return (h, LSTMCache(steps: steps))
}

/// Backpropagation through time from the upstream gradient of every hidden state. The cell state
/// has no upstream gradient of its own (only h is an output), but it carries one back through time.
func lstmBackward(dh: [Tensor], cache: LSTMCache) -> (
  dx: [Tensor], dh0: Tensor, dWx: Tensor, dWh: Tensor, db: Tensor
) {
  let first = cache.steps[0]
  var dx = [Tensor](repeating: Tensor(zeros: first.x.shape), count: dh.count)
  var dWx = Tensor(zeros: first.wx.shape)
  var dWh = Tensor(zeros: first.wh.shape)
  var db = Tensor(zeros: [first.wh.columns])
  var carriedH = Tensor(zeros: first.prevH.shape)
  var carriedC = Tensor(zeros: first.prevC.shape)
  for t in dh.indices.reversed() {
    let step = lstmStepBackward(dNextH: dh[t] + carriedH, dNextC: carriedC, cache: cache.steps[t])
    dx[t] = step.dx
    carriedH = step.dPrevH
    carriedC = step.dPrevC
    dWx += step.dWx
    dWh += step.dWh
    db += step.db
  }
  return (dx, carriedH, dWx, dWh, db)
}
