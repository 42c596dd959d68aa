import Foundation
import PracticeNumerics

// Sequences in this module are time-major: one (N, ·) matrix per time step, so a recurrent network
// can take step t as one matrix. `ids` is N sequences of T token ids (ids[n][t]).

/// One (N, D) matrix per time step t: row n is row ids[n][t] of W (V, D).
func embeddingForward(ids: [[Int]], w: Tensor) -> [Tensor] {
  let steps = ids.first?.count ?? 0
  // TODO
  return (0..<steps).map { _ in Tensor(zeros: [ids.count, w.columns]) }
}

/// dW (V, D) from the upstream gradients (one (N, D) matrix per time step); repeated ids add up.
func embeddingBackward(dout: [Tensor], ids: [[Int]], vocabulary: Int) -> Tensor {
  // TODO
  return Tensor(zeros: [vocabulary, dout.first?.columns ?? 0])
}
