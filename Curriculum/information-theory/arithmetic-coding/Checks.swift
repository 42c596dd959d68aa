import Foundation
import PracticeChecks
import PracticeNumerics

// Expected values: by hand where noted (the lesson's interval table); the bounds are the theory's
// (output ≤ information + 32 bits; within 0.01 bit/symbol of it on 10⁵ symbols), and the information
// content Σ −log₂ p is computed here from the model, independently of the reference solution.
func information(_ symbols: [Int], _ model: (ArraySlice<Int>) -> [Double]) -> Double {
  symbols.indices.reduce(0) { $0 - log2(model(symbols[..<$1])[symbols[$1]]) }
}

let abc: (ArraySlice<Int>) -> [Double] = { _ in [0.5, 0.25, 0.25] }
let corpus = MarkovCorpus.standard
/// Corpus M's true model: P(next | the last two symbols), starting from context 0.
let corpusModel: (ArraySlice<Int>) -> [Double] = { history in
  var context = 0
  for symbol in history.suffix(2) { context = (context * 8 + symbol) % 64 }
  return corpus.transitions[context]
}
let validation = corpus.sample(count: 100_000, seed: 202)

let checks = CheckSuite {
  Check(
    "abac", "\"abac\" under (½, ¼, ¼) has probability 1/64, codes in at most two bytes, and decodes", points: 3,
    hint: "Narrow [low, high] for each symbol, then emit bits while the interval is inside one half (lesson)."
  ) {
    // By hand: the interval ends as [0.296875, 0.3125), width 1/64: 6 bits of information.
    let message = [0, 1, 0, 2]
    let bytes = arithmeticEncode(message, model: abc)
    // The coder of the lesson emits 8 bits (6 of information + 2 to finish); allow a second byte.
    try expect(!bytes.isEmpty && bytes.count <= 2, "\(bytes.count) bytes for 6 bits of information")
    try expectEqual(arithmeticDecode(bytes, count: 4, model: abc), message, "decode(encode(abac))")
  }
  Check(
    "round-trip", "random messages under random fixed models decode to themselves", points: 3,
    dependsOn: ["abac"],
    hint: "The decoder must make exactly the encoder's moves, including subtracting ¼ in the middle case."
  ) {
    try forAll(
      seeds: 1...40,
      { rng -> ([Double], [Int]) in
        let p = rng.probabilityVector(2 + rng.below(8), floor: 0.01)
        return (p, (0..<(1 + rng.below(300))).map { _ in rng.categorical(p) })
      }
    ) { model, message in
      let bytes = arithmeticEncode(message, model: { _ in model })
      try expectEqual(arithmeticDecode(bytes, count: message.count, model: { _ in model }), message, "round trip")
    }
  }
  Check("adaptive", "a model that learns as it goes (counts so far) round-trips too", points: 2, dependsOn: ["abac"]) {
    // The model depends on the history: p(i) ∝ 1 + (times i occurred so far).
    let adaptive: (ArraySlice<Int>) -> [Double] = { history in
      var counts = [Double](repeating: 1, count: 5)
      for symbol in history { counts[symbol] += 1 }
      let total = counts.reduce(0, +)
      return counts.map { $0 / total }
    }
    var generator = SeededGenerator(seed: 9)
    let message = (0..<2000).map { _ in generator.categorical([0.6, 0.2, 0.1, 0.07, 0.03]) }
    let bytes = arithmeticEncode(message, model: adaptive)
    try expectEqual(arithmeticDecode(bytes, count: message.count, model: adaptive), message, "round trip")
    try expect(Double(bytes.count * 8) <= information(message, adaptive) + 32, "output exceeds information + 32 bits")
  }
  Check(
    "corpus-m-round-trip", "10⁵ symbols of Corpus M with its true model decode exactly", points: 3,
    dependsOn: ["round-trip"]
  ) {
    let bytes = arithmeticEncode(validation, model: corpusModel)
    try expect(
      arithmeticDecode(bytes, count: validation.count, model: corpusModel) == validation, "the decoded symbols differ")
  }
  Check(
    "corpus-m-compression", "Corpus M compresses to within 0.01 bit/symbol of its information content", points: 3,
    dependsOn: ["corpus-m-round-trip"],
    hint: "Losses come from coarse frequencies or from dropping pending bits; keep 32-bit precision."
  ) {
    let bits = Double(arithmeticEncode(validation, model: corpusModel).count * 8)
    let ideal = information(validation, corpusModel)
    try expect(bits <= ideal + 32 + 7, "\(bits) bits against \(ideal) bits of information (+32 allowed, +7 padding)")
    let perSymbol = bits / Double(validation.count)
    try expectClose(perSymbol, ideal / Double(validation.count), absolute: 0.01, "bits per symbol")
    report("bits-per-symbol", perSymbol, unit: "bits/symbol", optimum: ideal / Double(validation.count))
  }
  Check("edges", "an empty message, and a certain symbol that costs (almost) nothing", points: 2) {
    try expectEqual(arithmeticDecode(arithmeticEncode([], model: abc), count: 0, model: abc), [], "empty message")
    // By hand: p = 1 carries 0 bits; only the final bits (≤ 32) are paid.
    let certain = [Int](repeating: 0, count: 1000)
    let bytes = arithmeticEncode(certain, model: { _ in [1] })
    try expect(bytes.count <= 4, "\(bytes.count) bytes for 1000 certain symbols")
    try expectEqual(arithmeticDecode(bytes, count: 1000, model: { _ in [1] }), certain, "round trip")
  }
}
