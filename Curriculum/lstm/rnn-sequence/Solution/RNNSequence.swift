import Foundation
import PracticeNumerics

// Uses your rnnStepForward and rnnStepBackward from lstm/rnn-step (compiled with this file).

/// What the backward pass needs: the cache of every step, in time order.
struct RNNCache {
  var steps: [RNNStepCache]
}

/// Runs the RNN over a time-major sequence x (T matrices of (N, D)) from h0 (N, H); returns the
/// hidden state of every step (T matrices of (N, H)).
func rnnForward(x: [Tensor], h0: Tensor, wx: Tensor, wh: Tensor, b: Tensor) -> (h: [Tensor], cache: RNNCache) {
  var h: [Tensor] = []
  var steps: [RNNStepCache] = []
  var previous = h0
  for xt in x {
    let (next, cache) = rnnStepForward(x: xt, prevH: previous, wx: wx, wh: wh, b: b)
    h.append(next)
    steps.append(cache)
    previous = next
  }
  return (h, RNNCache(steps: steps))
}

/// Backpropagation through time from the upstream gradient of every hidden state (T matrices of
/// (N, H)).
func rnnBackward(dh: [Tensor], cache: RNNCache) -> (dx: [Tensor], dh0: Tensor, dWx: Tensor, dWh: Tensor, db: Tensor) {
  let first = cache.steps[0]
  var dx = [Tensor](repeating: Tensor(zeros: first.x.shape), count: dh.count)
  var dWx = Tensor(zeros: first.wx.shape)
  var dWh = Tensor(zeros: first.wh.shape)
  var db = Tensor(zeros: [first.wh.columns])
  var carried = Tensor(zeros: first.prevH.shape)
  for t in dh.indices.reversed() {
    let step = rnnStepBackward(dNextH: dh[t] + carried, cache: cache.steps[t])
    dx[t] = step.dx
    carried = step.dPrevH
    dWx += step.dWx
    dWh += step.dWh
    db += step.db
  }
  return (dx, carried, dWx, dWh, db)
}
