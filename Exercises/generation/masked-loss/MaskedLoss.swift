import Foundation
import PracticeNumerics

/// The mean cross-entropy (nats) of `targets` under the rows of `logits` (T, V), counting only the
/// positions where `mask` is true — as nanoGPT's `ignore_index = -1` — and its gradient with respect
/// to the logits: (softmax − one-hot)/count at counted positions, zero elsewhere. With no position
/// counted, the loss and the gradient are 0.
func maskedLoss(logits: Tensor, targets: [Int], mask: [Bool]) -> (loss: Double, dLogits: Tensor) {
  // TODO
  (0, Tensor(zeros: logits.shape))
}
