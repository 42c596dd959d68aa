import Foundation

/// Given: H(p) in bits, 0·log 0 = 0.
func entropy(_ p: [Double]) -> Double {
  -p.filter { $0 > 0 }.reduce(0) { $0 + $1 * log2($1) }
}

/// Given (from the previous exercise): the stationary distribution over the V^k contexts of a
/// k-th order source (context index: oldest symbol most significant), by power iteration.
func contextStationary(alphabetSize: Int, transitions: [[Double]]) -> [Double] {
  let contexts = transitions.count
  var pi = [Double](repeating: 1 / Double(contexts), count: contexts)
  for _ in 0..<100_000 {
    var next = [Double](repeating: 0, count: contexts)
    for context in 0..<contexts {
      for symbol in 0..<alphabetSize {
        next[(context * alphabetSize + symbol) % contexts] += pi[context] * transitions[context][symbol]
      }
    }
    let change = zip(next, pi).map { abs($0 - $1) }.max() ?? 0
    pi = next
    if change < 1e-15 { break }
  }
  return pi
}

/// The exact ladder h₀…h_k: hⱼ = H(X_t | the previous j symbols), in bits.
func conditionalEntropyLadder(order: Int, alphabetSize: Int, transitions: [[Double]]) -> [Double] {
  let pi = contextStationary(alphabetSize: alphabetSize, transitions: transitions)
  // The (k+1)-gram distribution, index = context·V + next (oldest symbol most significant).
  var grams: [Double] = []
  for (context, row) in transitions.enumerated() { grams += row.map { pi[context] * $0 } }
  /// The distribution of the last `length` symbols: sum out the older ones.
  func lastSymbols(_ length: Int) -> [Double] {
    let size = Int(pow(Double(alphabetSize), Double(length)))
    var marginal = [Double](repeating: 0, count: size)
    for (index, probability) in grams.enumerated() { marginal[index % size] += probability }
    return marginal
  }
  return (0...order).map { j in entropy(lastSymbols(j + 1)) - (j == 0 ? 0 : entropy(lastSymbols(j))) }
}

/// The plug-in estimate of H(X_t | previous `order` symbols) from the sequence itself, in bits:
/// for each position t = order…n−1 count the gram x[t−order…t] and its context; N = n − order.
func plugInEntropy(_ symbols: [Int], order: Int) -> Double {
  guard symbols.count > order else { return 0 }
  let base = (symbols.max() ?? 0) + 1
  var grams: [Int: Int] = [:]
  var contexts: [Int: Int] = [:]
  for end in order..<symbols.count {
    var context = 0
    for index in (end - order)..<end { context = context * base + symbols[index] }
    grams[context * base + symbols[end], default: 0] += 1
    contexts[context, default: 0] += 1
  }
  let total = Double(symbols.count - order)
  var bits = 0.0
  for (gram, count) in grams {
    bits -= Double(count) * log2(Double(count) / Double(contexts[gram / base] ?? count))
  }
  return bits / total
}
