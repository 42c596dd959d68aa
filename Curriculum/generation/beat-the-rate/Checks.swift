import Foundation
import PracticeChecks

// The corpus is a Corpus W made from a lexicon seed no lesson uses (`CapstoneCorpus.lexiconSeed`;
// the standard corpus is seed 7), with its own training (seed 31, 10⁶ characters) and validation
// (seed 32, 10⁵ characters) texts. The score is the model's bits per character on the validation
// windows of the training checks (1024 windows of 64 inputs, positions 16…63), computed here from
// the model's logits, minus the exact optimum on exactly those characters
// (`WordCorpus.optimalBits`, which reproduces the numpy forward filter's 0.39686457130708347 on the
// standard corpus to 1e-12 in PracticeNumericsTests). Tiers from CONTENT.md 4.10: bronze ≤ 0.10,
// silver ≤ 0.05, gold ≤ 0.02 bits/char of excess.

/// The tiers' bars on the excess (CONTENT.md 4.10, above), best first.
let capstoneTiers: [(name: String, bar: Double)] = [("gold", 0.02), ("silver", 0.05), ("bronze", 0.10)]
func tierBar(_ name: String) -> Double { capstoneTiers.first { $0.name == name }?.bar ?? 0 }

/// The tier an excess reaches, and what the next one needs, for the table.
func tierNote(_ excess: Double) -> String {
  guard let reached = capstoneTiers.firstIndex(where: { excess <= $0.bar }) else {
    return "tier: none yet (bronze needs an excess ≤ \(tierBar("bronze")))"
  }
  let next = reached > 0 ? "; \(capstoneTiers[reached - 1].name) needs ≤ \(capstoneTiers[reached - 1].bar)" : ""
  return "tier: \(capstoneTiers[reached].name)\(next)"
}

enum CapstoneCorpus {
  static let lexiconSeed: UInt64 = 424_242
  static let corpus = WordCorpus(seed: lexiconSeed)
  static let alphabet = Array(" abcdefghijklmnopqrstuvwxyz")
  static let validationText = corpus.sampleText(characters: 100_000, seed: 32)
  static let optimum = corpus.optimalBits(text: validationText, windows: 1024)

  static func ids(_ text: String) -> [Int] { text.map { alphabet.firstIndex(of: $0) ?? 0 } }

  /// The excess of the learner's model, trained once per run (on first use).
  static let excess: Double = {
    let model = capstoneModel(text: ids(corpus.sampleText(characters: 1_000_000, seed: 31)))
    let text = ids(validationText)
    var total = 0.0
    for batchStart in stride(from: 0, to: 1024, by: 128) {
      let windows = (batchStart..<batchStart + 128).map { Array(text[$0 * 64..<$0 * 64 + 65]) }
      let scores = model.logits(windows.map { Array($0.dropLast()) })
      for t in 16..<64 {
        for row in 0..<128 {
          let logits = scores[t].row(row).data
          let top = logits.max() ?? 0
          total += (top + log(logits.reduce(0) { $0 + exp($1 - top) }) - logits[windows[row][t + 1]]) / log(2)
        }
      }
    }
    let bits = total / Double(1024 * 48)
    report("bits-per-char", bits, unit: "bits/char", optimum: optimum)
    report("excess-bits", bits - optimum, unit: "bits/char", bar: .atMost(tierBar("bronze")))
    return bits - optimum
  }()
}

let checks = CheckSuite {
  Check(
    "bronze", "within \(tierBar("bronze")) bits/char of the exact optimum on text from an unseen chain", points: 8,
    hint: "Your train-char-lstm model already gets close; the corpus is new, the method is not.", timeLimit: 600
  ) {
    try expectFinite(CapstoneCorpus.excess, "excess")
    show(note: tierNote(CapstoneCorpus.excess))
    try expect(
      CapstoneCorpus.excess <= tierBar("bronze"),
      "excess \(CapstoneCorpus.excess) bits/char over \(CapstoneCorpus.optimum)")
  }
  Check(
    "silver", "within \(tierBar("silver")) bits/char", points: 6, dependsOn: ["bronze"],
    hint: "Longer training helps most: the schedule stretches with the step count."
  ) {
    report("excess-bits", CapstoneCorpus.excess, unit: "bits/char", bar: .atMost(tierBar("silver")))
    try expect(CapstoneCorpus.excess <= tierBar("silver"), "excess \(CapstoneCorpus.excess) bits/char")
  }
  Check(
    "gold", "within \(tierBar("gold")) bits/char", points: 6, dependsOn: ["silver"],
    hint: "2000 steps of the LSTM of train-char-lstm reached an excess of 0.008 on the standard corpus."
  ) {
    report("excess-bits", CapstoneCorpus.excess, unit: "bits/char", bar: .atMost(tierBar("gold")))
    try expect(CapstoneCorpus.excess <= tierBar("gold"), "excess \(CapstoneCorpus.excess) bits/char")
  }
}
