import Foundation
import PracticeNumerics

/// For each sequence of ids, the (T, D) matrix of its rows of W (V, D).
func embeddingForward(ids: [[Int]], w: Tensor) -> [Tensor] {
  // TODO
  return ids.map { Tensor(zeros: [$0.count, w.columns]) }
}

/// dW (V, D) from the upstream gradients (one (T, D) matrix per sequence); repeated ids add up.
func embeddingBackward(dout: [Tensor], ids: [[Int]], vocabulary: Int) -> Tensor {
  // TODO
  return Tensor(zeros: [vocabulary, dout.first?.columns ?? 0])
}
