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
///
/// - Parameter transitions: `V^k` rows of P(next | last k symbols), oldest symbol most significant.
func conditionalEntropyLadder(order: Int, alphabetSize: Int, transitions: [[Double]]) -> [Double] {
  // TODO: the stationary (k+1)-gram distribution is π(context)·P(next | context), at index
  // context·V + next. Marginalise to the last j+1 and the last j symbols; hⱼ is the difference
  // of their entropies.
  return []
}

/// The plug-in estimate of H(X_t | previous `order` symbols) from the sequence itself, in bits:
/// −(1/N) Σ count(g)·log₂(count(g) / count(context of g)) over the (order+1)-grams g, counting for
/// each position t = order…n−1 the gram x[t−order…t] and its context x[t−order…t−1]; N = n − order.
func plugInEntropy(_ symbols: [Int], order: Int) -> Double {
  // TODO
  return 0
}
