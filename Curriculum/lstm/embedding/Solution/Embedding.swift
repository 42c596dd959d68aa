import Foundation
import PracticeNumerics

// Sequences in this module are time-major: one (N, ·) matrix per time step, so a recurrent network
// can take step t as one matrix. `ids` is N sequences of T token ids (ids[n][t]).

/// One (N, D) matrix per time step t: row n is row ids[n][t] of W (V, D).
func embeddingForward(ids: [[Int]], w: Tensor) -> [Tensor] {
  let steps = ids.first?.count ?? 0
  return (0..<steps).map { t in w.rows(at: ids.map { $0[t] }) }
}

/// dW (V, D) from the upstream gradients (one (N, D) matrix per time step); repeated ids add up.
func embeddingBackward(dout: [Tensor], ids: [[Int]], vocabulary: Int) -> Tensor {
  var dw = Tensor(zeros: [vocabulary, dout.first?.columns ?? 0])
  for (t, gradient) in dout.enumerated() { dw.addRows(gradient, at: ids.map { $0[t] }) }
  return dw
}
