import Foundation
import PracticeNumerics

/// The mean cross-entropy (nats) of `targets` under the rows of `logits` (T, V), counting only the
/// positions where `mask` is true — as nanoGPT's `ignore_index = -1` — and its gradient with respect
/// to the logits: (softmax − one-hot)/count at counted positions, zero elsewhere. With no position
/// counted, the loss and the gradient are 0.
func maskedLoss(logits: Tensor, targets: [Int], mask: [Bool]) -> (loss: Double, dLogits: Tensor) {
  let counted = Double(mask.filter { $0 }.count)
  var dLogits = Tensor(zeros: logits.shape)
  guard counted > 0 else { return (0, dLogits) }
  var loss = 0.0
  for row in 0..<logits.rows where mask[row] {
    let values = logits.row(row).data
    let top = values.max() ?? 0
    let total = values.reduce(0) { $0 + exp($1 - top) }
    loss += top + log(total) - values[targets[row]]
    for v in values.indices {
      dLogits[row, v] = (exp(values[v] - top) / total - (v == targets[row] ? 1 : 0)) / counted
    }
  }
  return (loss / counted, dLogits)
}
