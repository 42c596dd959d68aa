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
    report("bits-per-char", bits)
    report("excess-bits", bits - optimum)
    return bits - optimum
  }()
}

let checks = CheckSuite {
  Check(
    "bronze", "within 0.10 bits/char of the exact optimum on text from an unseen chain", points: 8,
    hint: "Your train-char-lstm model already gets close; the corpus is new, the method is not.", timeLimit: 600
  ) {
    try expectFinite(CapstoneCorpus.excess, "excess")
    try expect(
      CapstoneCorpus.excess <= 0.10, "excess \(CapstoneCorpus.excess) bits/char over \(CapstoneCorpus.optimum)")
  }
  Check(
    "silver", "within 0.05 bits/char", points: 6, dependsOn: ["bronze"],
    hint: "Longer training helps most: the schedule stretches with the step count."
  ) {
    try expect(CapstoneCorpus.excess <= 0.05, "excess \(CapstoneCorpus.excess) bits/char")
  }
  Check(
    "gold", "within 0.02 bits/char", points: 6, dependsOn: ["silver"],
    hint: "2000 steps of the LSTM of train-char-lstm reached an excess of 0.008 on the standard corpus."
  ) {
    try expect(CapstoneCorpus.excess <= 0.02, "excess \(CapstoneCorpus.excess) bits/char")
  }
}
