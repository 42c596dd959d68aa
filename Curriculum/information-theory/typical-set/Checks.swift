import PracticeChecks
import PracticeNumerics

// Expected values: Python at authoring time with Curriculum/authoring/synth.py's SplitMix64 and
// categorical([0.9, 0.1]) (independent of the reference solution); scipy.stats.binom for the
// exact typical-set probabilities quoted; by hand where noted.
let coin = [0.9, 0.1]

func flips(_ count: Int, _ generator: inout SplitMix64) -> [Int] {
  (0..<count).map { _ in generator.categorical(coin) }
}

let checks = CheckSuite {
  Check(
    "small", "the surprisal of [0, 0, 1] under (¾, ¼) is about 0.943 bits per symbol", points: 1,
    hint: "Average −log₂ p[x] over the symbols: the probabilities of the symbols that occurred, not of all."
  ) {
    // By hand: (2·0.415037… + 2) / 3 = 0.9433583328525627 (Python: -(2*log2(.75)+log2(.25))/3).
    try expectClose(empiricalSurprisal([0, 0, 1], p: [0.75, 0.25]), 0.9433583328525627, absolute: 1e-12)
    try expectClose(empiricalSurprisal([0, 1, 1, 0], p: [0.5, 0.5]), 1, absolute: 1e-12, "fair coin")
  }
  Check(
    "aep", "10⁵ flips of a 0.1-coin have surprisal close to H₂(0.1) ≈ 0.469", points: 2, dependsOn: ["small"]
  ) {
    // Python (synth.SplitMix64(1), 10⁵ × categorical([0.9, 0.1])): 0.4705171575905675 (10048 ones);
    // H₂(0.1) = 0.46899559358928117.
    var generator = SplitMix64(seed: 1)
    let surprisal = empiricalSurprisal(flips(100_000, &generator), p: coin)
    try expectClose(surprisal, 0.4705171575905675, absolute: 1e-9, "surprisal of 10⁵ flips")
    try expectClose(surprisal, 0.46899559358928117, absolute: 0.01, "against H₂(0.1)")
    report("surprisal-bits", surprisal, unit: "bits/flip")
  }
  Check(
    "typical-fraction", "987 of 1000 sequences of 2000 flips are 0.05-typical", points: 2, dependsOn: ["aep"],
    hint: "Typical means |surprisal − H(p)| ≤ ε, with H(p) the entropy of the distribution, not of the sample."
  ) {
    // Python: 987 of 1000 sequences from synth.SplitMix64(2) (consecutive draws) are typical; the
    // exact probability at n = 2000 is 0.9811718446058638 (scipy binomial sum).
    var generator = SplitMix64(seed: 2)
    let typical = (0..<1000).filter { _ in isTypical(flips(2000, &generator), p: coin, epsilon: 0.05) }.count
    try expectEqual(typical, 987, "typical sequences")
  }
  Check(
    "edges", "the most likely sequence is not typical; an impossible symbol is infinitely surprising", points: 1,
    dependsOn: ["small"]
  ) {
    // By hand: all zeros has surprisal −log₂ 0.9 = 0.152 bits, 0.317 from H; p = 0 gives +∞.
    try expect(!isTypical([Int](repeating: 0, count: 1000), p: coin, epsilon: 0.05), "all zeros counted as typical")
    try expect(empiricalSurprisal([0, 1], p: [1, 0]) == .infinity, "a probability-0 symbol must give +∞")
  }
}
