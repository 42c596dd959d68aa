import PracticeChecks

// Expected values: by hand for "abab"; on Corpus W with Python at authoring time
// (Curriculum/authoring/synth.py's sample_words for the texts, collections.Counter for the counts),
// independent of the reference solution.
let corpus = WordCorpus.standard
let training = corpus.sampleText(characters: 100_000, seed: 11)
let validation = corpus.sampleText(characters: 10_000, seed: 12)

let checks = CheckSuite {
  Check(
    "small", "on \"abab\": p(b|a) = 1 without smoothing, 3/29 and 1/29 with α = 1", points: 2,
    hint: "Pairs of \"abab\": ab, ba, ab. N(a, b) = 2, N(a) = 2; with α = 1 divide by N(a) + 27."
  ) {
    let plain = BigramModel(training: "abab", smoothing: 0)
    try expectClose(plain.probability(of: "b", after: "a"), 1, absolute: 1e-12, "p(b|a), α = 0")
    try expectClose(plain.probability(of: "a", after: "b"), 1, absolute: 1e-12, "p(a|b), α = 0")
    let smoothed = BigramModel(training: "abab", smoothing: 1)
    try expectClose(smoothed.probability(of: "b", after: "a"), 3.0 / 29, absolute: 1e-12, "p(b|a), α = 1")
    try expectClose(smoothed.probability(of: "z", after: "a"), 1.0 / 29, absolute: 1e-12, "p(z|a), α = 1")
  }
  Check("distributions", "each p(· | a) sums to 1 over the 27 symbols", points: 2, dependsOn: ["small"]) {
    let model = BigramModel(training: training, smoothing: 1)
    for previous in BigramModel.alphabet {
      let total = BigramModel.alphabet.reduce(0) { $0 + model.probability(of: $1, after: previous) }
      try expectClose(total, 1, absolute: 1e-9, "Σ p(· | \"\(previous)\")")
    }
  }
  Check(
    "training-loss", "α = 1 on its own 100,000 training characters: 2.7779 bits/char", points: 2,
    dependsOn: ["distributions"], hint: "Average −log₂ p over the n − 1 consecutive pairs; log base 2."
  ) {
    // Python: 2.777925035137173
    let model = BigramModel(training: training, smoothing: 1)
    try expectClose(model.bitsPerCharacter(on: training), 2.777925035137173, absolute: 1e-9, "bits/char (training)") {
      abs($0 - 2.777925035137173 * 0.6931471805599453) < 1e-6 ? "that is nats: use log2" : nil
    }
  }
  Check(
    "validation-loss", "on 10,000 validation characters: 2.7807 (α = 1) and 2.7727 (α = 0)", points: 2,
    dependsOn: ["training-loss"]
  ) {
    // Python: α = 1 → 2.7807261299562107; α = 0 → 2.7727007602313747 (every validation pair was seen).
    let smoothed = BigramModel(training: training, smoothing: 1).bitsPerCharacter(on: validation)
    try expectClose(smoothed, 2.7807261299562107, absolute: 1e-9, "bits/char (validation, α = 1)")
    let plain = BigramModel(training: training, smoothing: 0).bitsPerCharacter(on: validation)
    try expectClose(plain, 2.7727007602313747, absolute: 1e-9, "bits/char (validation, α = 0)")
    report("bits-per-char", smoothed, unit: "bits/char", optimum: corpus.entropyRate)
  }
  Check(
    "versus-rate", "the bigram model is far above Corpus W's entropy rate (0.397 bits/char)", points: 2,
    dependsOn: ["validation-loss"]
  ) {
    let loss = BigramModel(training: training, smoothing: 1).bitsPerCharacter(on: validation)
    try expect(loss > corpus.entropyRate + 2, "a bigram model cannot be within 2 bits of the rate: \(loss)")
    report("excess-bits-per-char", loss - corpus.entropyRate, unit: "bits/char")
  }
}
