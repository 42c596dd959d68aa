import Foundation
import PracticeChecks

// Values: numpy at authoring time (Curriculum/generation/authoring/reference_values.py, "sampler
// draws"), matching CONTENT.md 4.4: the ten coins of SplitMix64(42) drawn through the full softmax of
// z = [2, 1, 0.5, 0, −1] give [1, 0, 0, 0, 0, 2, 0, 2, 0, 1]; at T = 0.5 [0, 0, 0, 0, 0, 1, 0, 0, 0,
// 0]; with top-k 2 [1, 0, 0, 0, 0, 1, 0, 1, 0, 0]; with top-p 0.9 [1, 0, 0, 0, 0, 2, 0, 2, 0, 1]. The
// coin 0.98 separates full (4) from top-p (3), as does SplitMix64(5)'s seventh coin (full [0, 1, 0,
// 0, 0, 0, 4, 0, 0, 1], top-p [0, 1, 0, 0, 0, 0, 3, 0, 0, 1]); T = 0.5 then top-p 0.9 draws ten 0s
// (top-p before the temperature would draw a 1 at the sixth coin). Same script. The statistical
// check allows 4σ per token over 10⁵ draws.

let samplerLogits: [Double] = [2, 1, 0.5, 0, -1]
let samplerCoins = [
  0.7415648787718233, 0.1599103928769201, 0.27860113025513866, 0.34419071652363753, 0.03803016854024621,
  0.8682280765465323, 0.21840519371218436, 0.8006318767135033, 0.3399310389170206, 0.6184820663561348,
]

let checks = CheckSuite {
  Check(
    "inverse-cdf", "sampleIndex with the ten SplitMix64(42) coins, and the coin 0.98", points: 4,
    hint: "Add up the probabilities in index order; return the first index where the sum exceeds u."
  ) {
    let p = [0.5630212318141845, 0.20712393612745927, 0.1256270176216652, 0.07619663787579924, 0.028031176560891775]
    try expectEqual(samplerCoins.map { sampleIndex(p, coin: $0) }, [1, 0, 0, 0, 0, 2, 0, 2, 0, 1], "draws")
    try expectEqual(sampleIndex(p, coin: 0.98), 4, "u = 0.98")
    try expectEqual(sampleIndex(p, coin: 0), 0, "u = 0")
    try expectEqual(sampleIndex([0.5, 0.49999999999, 0], coin: 0.99999999999999), 1, "total just under 1, trailing 0")
  }
  Check(
    "sampler", "Sampler(seed: 42) draws the expected tokens: full, T = 0.5, top-k 2, top-p 0.9", points: 5,
    dependsOn: ["inverse-cdf"],
    hint: "One generator per Sampler, one uniform() per draw; top-k on the logits, then temperature, then top-p."
  ) {
    let cases: [(String, Sampler, [Int])] = [
      ("full softmax", Sampler(temperature: 1, seed: 42), [1, 0, 0, 0, 0, 2, 0, 2, 0, 1]),
      ("T = 0.5", Sampler(temperature: 0.5, seed: 42), [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]),
      ("top-k 2", Sampler(temperature: 1, topK: 2, seed: 42), [1, 0, 0, 0, 0, 1, 0, 1, 0, 0]),
      ("top-p 0.9", Sampler(temperature: 1, topP: 0.9, seed: 42), [1, 0, 0, 0, 0, 2, 0, 2, 0, 1]),
      // Seed 5's seventh coin lands in the tail that top-p removes.
      ("full softmax, seed 5", Sampler(temperature: 1, seed: 5), [0, 1, 0, 0, 0, 0, 4, 0, 0, 1]),
      ("top-p 0.9, seed 5", Sampler(temperature: 1, topP: 0.9, seed: 5), [0, 1, 0, 0, 0, 0, 3, 0, 0, 1]),
      // Top-p applies to the tempered distribution: before the temperature it would give a 1 at draw 5.
      ("T = 0.5 then top-p 0.9", Sampler(temperature: 0.5, topP: 0.9, seed: 42), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ]
    for (name, start, expected) in cases {
      var sampler = start
      try expectEqual((0..<10).map { _ in sampler.next(logits: samplerLogits) }, expected, name)
    }
  }
  Check(
    "greedy", "temperature 0 always picks the argmax and draws no coin", points: 1, dependsOn: ["sampler"],
    hint: "Greedy needs no randomness: leave the generator untouched."
  ) {
    var sampler = Sampler(temperature: 0, seed: 42)
    try expectEqual((0..<5).map { _ in sampler.next(logits: [0, 1, 3, 2]) }, [2, 2, 2, 2, 2], "greedy draws")
    var reference = SplitMix64(seed: 42)
    try expectEqual(sampler.generator.next(), reference.next(), "the generator after greedy draws (untouched)")
  }
  Check(
    "frequencies", "10⁵ draws match the softmax within 4σ for every token", points: 2, dependsOn: ["sampler"],
    hint: "The frequencies follow the probabilities only if each draw uses a fresh coin from the same generator."
  ) {
    var sampler = Sampler(temperature: 1, seed: 7)
    var counts = [Int](repeating: 0, count: 5)
    let n = 100_000
    for _ in 0..<n { counts[sampler.next(logits: samplerLogits)] += 1 }
    let p = [0.5630212318141845, 0.20712393612745927, 0.1256270176216652, 0.07619663787579924, 0.028031176560891775]
    for (token, probability) in p.enumerated() {
      let sigma = (Double(n) * probability * (1 - probability)).squareRoot()
      try expect(
        abs(Double(counts[token]) - Double(n) * probability) <= 4 * sigma,
        "token \(token): \(counts[token]) draws, expected \(Double(n) * probability) ± \(4 * sigma)")
    }
  }
}
