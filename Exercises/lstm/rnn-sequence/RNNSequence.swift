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
  // TODO: one rnnStepForward per time step, each starting from the previous step's hidden state.
  let h = x.map { _ in Tensor(zeros: h0.shape) }
  return (h, RNNCache(steps: []))
}

/// Backpropagation through time from the upstream gradient of every hidden state (T matrices of
/// (N, H)).
func rnnBackward(dh: [Tensor], cache: RNNCache) -> (dx: [Tensor], dh0: Tensor, dWx: Tensor, dWh: Tensor, db: Tensor) {
  // TODO: walk the steps backwards. The gradient reaching h[t] is dh[t] plus what step t + 1 sent
  // back; the weights are shared by every step, so their gradients add up.
  let first = cache.steps.first
  let zero = Tensor(zeros: [1, 1])
  return (
    dh.map { _ in first.map { Tensor(zeros: $0.x.shape) } ?? zero },
    first.map { Tensor(zeros: $0.prevH.shape) } ?? zero,
    first.map { Tensor(zeros: $0.wx.shape) } ?? zero, first.map { Tensor(zeros: $0.wh.shape) } ?? zero,
    first.map { Tensor(zeros: [$0.wh.columns]) } ?? zero
  )
}
