import PracticeChecks
import PracticeNumerics

// Expected values: by hand where noted; otherwise float64 numpy at authoring time with
// Curriculum/authoring/synth.py (independent of the reference solution). Tolerance 1e-9.
let weather: [[Double]] = [[0.9, 0.1], [0.2, 0.8]]

func randomChain(_ generator: inout SeededGenerator) -> [[Double]] {
  let size = 2 + generator.below(5)
  return (0..<size).map { _ in generator.probabilityVector(size, floor: 0.01) }
}

let checks = CheckSuite {
  Check(
    "weather-stationary", "the weather chain spends 2/3 of its days sunny", points: 2,
    hint: "π = πP: πⱼ = Σᵢ πᵢ·P[i][j]. Here the flows balance: π₀·0.1 = π₁·0.2."
  ) {
    // By hand: π₀·0.1 = π₁·0.2 and π₀ + π₁ = 1 give π = (2/3, 1/3).
    try expectAllClose(
      stationaryDistribution(weather), [2.0 / 3, 1.0 / 3], absolute: 1e-9, "stationaryDistribution(weather)")
  }
  Check(
    "periodic", "a chain that alternates still has π = (½, ½)", points: 2,
    hint: "Power iteration oscillates on [[0,1],[1,0]]; solve the linear equations (Pᵀ − I)π = 0, Σπ = 1 instead.",
    timeLimit: 5
  ) {
    // By hand: each state is visited every other step.
    try expectAllClose(
      stationaryDistribution([[0, 1], [1, 0]]), [0.5, 0.5], absolute: 1e-9, "stationaryDistribution(flip)")
  }
  Check(
    "stationary-property", "on random chains π is a distribution and πP = π", points: 2,
    dependsOn: ["weather-stationary"]
  ) {
    try forAll(seeds: 1...30, randomChain) { chain in
      let pi = stationaryDistribution(chain)
      try expectProbabilityVector(pi, tolerance: 1e-9, "π")
      let next = (0..<chain.count).map { j in (0..<chain.count).reduce(0) { $0 + pi[$1] * chain[$1][j] } }
      try expectAllClose(next, pi, absolute: 1e-9, "πP against π")
    }
  }
  Check(
    "weather-rate", "the weather chain's entropy rate is about 0.5533 bits per day", points: 2,
    dependsOn: ["weather-stationary"],
    hint: "Weight each row's entropy by how often the chain is in that state: Σᵢ πᵢ·H(P[i])."
  ) {
    // numpy: 2/3·H(0.9, 0.1) + 1/3·H(0.2, 0.8) = 0.5533064273553082; H(π) = 0.9182958340544896.
    try expectClose(entropyRate(weather), 0.5533064273553082, absolute: 1e-9, "entropyRate(weather)") {
      abs($0 - 0.9182958340544896) < 1e-9 ? "this is H(π), the entropy of one day alone, not the rate" : nil
    }
  }
  Check("deterministic", "a chain with no choices has rate 0; a one-state chain too", points: 1) {
    // By hand: every row is certain, so every H(P[i]) = 0.
    try expectClose(entropyRate([[0, 1], [1, 0]]), 0, absolute: 1e-12, "entropyRate(flip)")
    try expectAllClose(stationaryDistribution([[1]]), [1], absolute: 1e-12, "stationaryDistribution([[1]])")
    try expectClose(entropyRate([[1]]), 0, absolute: 1e-12, "entropyRate([[1]])")
  }
  Check(
    "corpus-m", "Corpus M (order 2, 8 symbols) has an entropy rate of about 2.0951 bits", points: 3,
    dependsOn: ["weather-rate"],
    hint: "Contexts are states: from context c, emitting y leads to (c·8 + y) mod 64 with probability P[c][y]."
  ) {
    // synth.markov_entropies(make_markov(8, 2, 1, 3.0), 8, 2) with numpy: 2.0951438278653156.
    let corpus = MarkovCorpus.standard
    let rate = entropyRate(order: 2, alphabetSize: 8, transitions: corpus.transitions)
    try expectClose(rate, 2.0951438278653156, absolute: 1e-9, "entropyRate(order: 2, Corpus M)")
  }
}
