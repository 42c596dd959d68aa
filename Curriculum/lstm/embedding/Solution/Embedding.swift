import Foundation
import PracticeNumerics

/// For each sequence of ids, the (T, D) matrix of its rows of W (V, D).
func embeddingForward(ids: [[Int]], w: Tensor) -> [Tensor] {
  ids.map { w.rows(at: $0) }
}

/// dW (V, D) from the upstream gradients (one (T, D) matrix per sequence); repeated ids add up.
func embeddingBackward(dout: [Tensor], ids: [[Int]], vocabulary: Int) -> Tensor {
  var dw = Tensor(zeros: [vocabulary, dout.first?.columns ?? 0])
  for (gradient, sequence) in zip(dout, ids) { dw.addRows(gradient, at: sequence) }
  return dw
}
