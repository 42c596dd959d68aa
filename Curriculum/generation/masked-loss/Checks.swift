import Foundation
import PracticeChecks

// Expected losses are cross-entropies computed here, row by row, from the same logits (a stable
// log-sum-exp); CONTENT.md 4.9's unit test: with one position counted the loss is that position's
// cross-entropy and the gradient is zero elsewhere. The gradient is checked against central
// differences (h = 1e-4; with 1e-5 rounding in the loss gives 2e-7 on entries of 1e-4) at 1e-7. The
// chat example and its reply mask come from the library's ChatCorpus (checked against
// Curriculum/authoring/synth.py in PracticeNumericsTests).

func rowCrossEntropy(_ logits: Tensor, _ row: Int, _ target: Int) -> Double {
  let values = logits.row(row).data
  let top = values.max() ?? 0
  return top + log(values.reduce(0) { $0 + exp($1 - top) }) - values[target]
}

let maskedLogits = Tensor(randomUniformShape: [8, 29], in: -3...3, seed: 1)
let maskedTargets = [3, 28, 0, 7, 27, 12, 5, 1]

let checks = CheckSuite {
  Check(
    "one-position", "with one position counted, the loss is its cross-entropy and the gradient is zero elsewhere",
    points: 2,
    hint: "Skip uncounted positions entirely: no loss, and leave their gradient rows at zero."
  ) {
    let mask = (0..<8).map { $0 == 3 }
    let (loss, dLogits) = maskedLoss(logits: maskedLogits, targets: maskedTargets, mask: mask)
    try expectClose(loss, rowCrossEntropy(maskedLogits, 3, 7), relative: 1e-12, "loss")
    for row in 0..<8 where row != 3 {
      try expect(dLogits.row(row).data.allSatisfy { $0 == 0 }, "dLogits row \(row) is not counted but not zero")
    }
  }
  Check(
    "mean", "the loss is the mean over the counted positions; none counted gives 0", points: 2,
    dependsOn: ["one-position"],
    hint: "Divide by the number of counted positions, not by T."
  ) {
    let mask = [false, true, true, false, true, false, false, true]
    let expected = [1, 2, 4, 7].map { rowCrossEntropy(maskedLogits, $0, maskedTargets[$0]) }.reduce(0, +) / 4
    try expectClose(
      maskedLoss(logits: maskedLogits, targets: maskedTargets, mask: mask).loss, expected, relative: 1e-12, "loss",
      diagnose: { got in abs(got - expected * 4 / 8) < 1e-9 ? "divided by T; divide by the counted positions" : nil })
    let none = maskedLoss(logits: maskedLogits, targets: maskedTargets, mask: [Bool](repeating: false, count: 8))
    try expectClose(none.loss, 0, absolute: 0, "no position counted")
    try expectFinite(none.dLogits.data, "dLogits with no position counted")
  }
  Check(
    "gradient", "dLogits matches finite differences (< 1e-7)", points: 1, dependsOn: ["mean"],
    hint: "(softmax − one-hot) divided by the number of counted positions."
  ) {
    let mask = [true, false, true, true, false, true, false, true]
    let dLogits = maskedLoss(logits: maskedLogits, targets: maskedTargets, mask: mask).dLogits
    try expectGradient(
      dLogits.data,
      of: { maskedLoss(logits: Tensor(shape: [8, 29], data: $0), targets: maskedTargets, mask: mask).loss },
      at: maskedLogits.data, h: 1e-4, threshold: 1e-7, "dLogits")
  }
  Check(
    "reply", "on a chat example, only the reply is scored: after '>' up to and including the newline", points: 1,
    dependsOn: ["mean"],
    hint: "The targets are the example shifted by one; ChatCorpus.replyMask(targets) says which count."
  ) {
    let example = ChatCorpus.encode(ChatCorpus(task: .replyToLastWord).examples(count: 1, seed: 22)[0])
    let inputs = Array(example.dropLast())
    let targets = Array(example.dropFirst())
    let mask = ChatCorpus.replyMask(targets)
    let logits = Tensor(randomUniformShape: [inputs.count, 29], in: -2...2, seed: 3)
    let counted = targets.indices.filter { mask[$0] }
    let expected = counted.map { rowCrossEntropy(logits, $0, targets[$0]) }.reduce(0, +) / Double(counted.count)
    try expectClose(maskedLoss(logits: logits, targets: targets, mask: mask).loss, expected, relative: 1e-12, "loss")
  }
}
