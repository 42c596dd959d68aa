import Foundation
import PracticeChecks
import PracticeNumerics

// Expected values: by hand where noted; Corpus W's rates with float64 numpy at authoring time from
// Curriculum/authoring/synth.py (make_words, word_stationary), independent of the reference solution.
let checks = CheckSuite {
  Check(
    "shannon-lengths", "Shannon lengths for (.25, .25, .2, .15, .15) are 2, 2, 3, 3, 3", points: 2,
    hint: "lᵢ = ⌈−log₂ pᵢ⌉: round the surprisal up (rounded(.up)), and give p = 0 no codeword (nil)."
  ) {
    // By hand: −log₂ 0.25 = 2 exactly; −log₂ 0.2 = 2.32; −log₂ 0.15 = 2.74.
    try expectEqual(shannonCodeLengths([0.25, 0.25, 0.2, 0.15, 0.15]), [2, 2, 3, 3, 3], "lengths")
    try expectEqual(shannonCodeLengths([0.5, 0.25, 0.25]), [1, 2, 2], "powers of two")
    try expectEqual(shannonCodeLengths([0.5, 0, 0.5]), [1, nil, 1], "a zero probability")
    try expectEqual(shannonCodeLengths([1]), [0], "one certain symbol")
    // By hand: E[L] = 0.5·2 + 0.2·3 + 0.3·3 = 2.5.
    try expectClose(
      expectedLength([0.25, 0.25, 0.2, 0.15, 0.15], [2, 2, 3, 3, 3]), 2.5, absolute: 1e-12, "E[L]")
  }
  Check(
    "bound", "on random distributions: Kraft sum ≤ 1 and H ≤ E[L] < H + 1", points: 1,
    dependsOn: ["shannon-lengths"]
  ) {
    try forAll(seeds: 1...50, { rng in rng.probabilityVector(2 + rng.below(10), floor: 0.001) }) { p in
      let lengths = shannonCodeLengths(p)
      let kraft = lengths.reduce(0.0) { $0 + ($1.map { pow(2, -Double($0)) } ?? 0) }
      try expect(kraft <= 1 + 1e-12, "Kraft sum \(kraft) exceeds 1")
      let average = expectedLength(p, lengths)
      let h = entropy(p)
      try expect(average >= h - 1e-12 && average < h + 1, "E[L] = \(average) is outside [H, H + 1) with H = \(h)")
    }
  }
  Check(
    "corpus-w", "Corpus W: 2.1178 bits per word, 5.3295 characters per word, 0.3974 bits per character",
    points: 3,
    hint: "Weight by the stationary distribution of the word chain; count the space after each word."
  ) {
    // numpy (synth.py): H_w = 2.117833040229911, L̄ = 5.329462116068994, rate 0.39738213615298623.
    let corpus = WordCorpus.standard
    let rates = wordChainRates(words: corpus.words, transitions: corpus.transitions)
    try expectClose(rates.bitsPerWord, 2.117833040229911, absolute: 1e-9, "bits per word")
    try expectClose(rates.charactersPerWord, 5.329462116068994, absolute: 1e-9, "characters per word") {
      abs($0 - (5.329462116068994 - 1)) < 1e-9 ? "the space after each word is a character too" : nil
    }
    try expectClose(rates.bitsPerCharacter, 0.39738213615298623, absolute: 1e-9, "bits per character")
    report("corpus-w-bits-per-char", rates.bitsPerCharacter, unit: "bits/char")
  }
}
