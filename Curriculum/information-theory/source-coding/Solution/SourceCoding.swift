import Foundation

/// Given: H(p) in bits, 0·log 0 = 0.
func entropy(_ p: [Double]) -> Double {
  -p.filter { $0 > 0 }.reduce(0) { $0 + $1 * log2($1) }
}

/// Given (from the Markov exercise): the stationary distribution of a chain, by power iteration
/// (fine for aperiodic chains such as Corpus W's).
func stationaryDistribution(_ transitions: [[Double]]) -> [Double] {
  var pi = [Double](repeating: 1 / Double(transitions.count), count: transitions.count)
  for _ in 0..<100_000 {
    var next = [Double](repeating: 0, count: pi.count)
    for (a, row) in transitions.enumerated() { for (b, p) in row.enumerated() { next[b] += pi[a] * p } }
    let change = zip(next, pi).map { abs($0 - $1) }.max() ?? 0
    pi = next
    if change < 1e-15 { break }
  }
  return pi
}

/// Shannon code lengths ⌈−log₂ pᵢ⌉; nil for a symbol of probability 0 (it gets no codeword).
func shannonCodeLengths(_ p: [Double]) -> [Int?] {
  p.map { $0 > 0 ? Int((-log2($0)).rounded(.up)) : nil }
}

/// E[L] = Σ pᵢ·lᵢ over the symbols that have a codeword.
func expectedLength(_ p: [Double], _ lengths: [Int?]) -> Double {
  zip(p, lengths).reduce(0) { $0 + $1.0 * Double($1.1 ?? 0) }
}

/// The entropy rate of a word Markov chain written as characters, each word followed by a space.
func wordChainRates(words: [String], transitions: [[Double]]) -> (
  bitsPerWord: Double, charactersPerWord: Double, bitsPerCharacter: Double
) {
  let pi = stationaryDistribution(transitions)
  let bits = zip(pi, transitions).reduce(0) { $0 + $1.0 * entropy($1.1) }
  let characters = zip(pi, words).reduce(0) { $0 + $1.0 * Double($1.1.count + 1) }
  return (bits, characters, bits / characters)
}
