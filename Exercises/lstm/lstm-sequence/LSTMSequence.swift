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
  // TODO: one lstmStepForward per step, carrying both h and c; c starts at zero.
  (x.map { _ in Tensor(zeros: h0.shape) }, LSTMCache(steps: []))
}

/// Backpropagation through time from the upstream gradient of every hidden state. The cell state
/// has no upstream gradient of its own (only h is an output), but it carries one back through time.
func lstmBackward(dh: [Tensor], cache: LSTMCache) -> (
  dx: [Tensor], dh0: Tensor, dWx: Tensor, dWh: Tensor, db: Tensor
) {
  // TODO: walk the steps backwards, carrying dPrevH and dPrevC into the step before.
  let first = cache.steps.first
  let zero = Tensor(zeros: [1, 1])
  return (
    dh.map { _ in first.map { Tensor(zeros: $0.x.shape) } ?? zero },
    first.map { Tensor(zeros: $0.prevH.shape) } ?? zero,
    first.map { Tensor(zeros: $0.wx.shape) } ?? zero, first.map { Tensor(zeros: $0.wh.shape) } ?? zero,
    first.map { Tensor(zeros: [$0.wh.columns]) } ?? zero
  )
}
