import Foundation

/// Given (from the entropy exercise): H(p) in bits, 0·log 0 = 0.
func entropy(_ p: [Double]) -> Double {
  -p.filter { $0 > 0 }.reduce(0) { $0 + $1 * log2($1) }
}

/// The stationary distribution π of a Markov chain: π = πP, Σπ = 1.
///
/// - Parameter transitions: `P[i][j] = P(next = j | now = i)`; each row sums to 1.
func stationaryDistribution(_ transitions: [[Double]]) -> [Double] {
  // TODO: solve (Pᵀ − I)π = 0 together with Σπ = 1 (power iteration fails on periodic chains).
  return []
}

/// The entropy rate of a first-order Markov chain in bits per symbol: Σᵢ πᵢ · H(P[i]).
func entropyRate(_ transitions: [[Double]]) -> Double {
  // TODO
  return 0
}

/// The entropy rate of a k-th order source over V symbols, in bits per symbol.
///
/// - Parameter transitions: `V^k` rows; row `ctx = Σⱼ x_{t−k+j}·V^(k−1−j)` (oldest symbol most
///   significant) holds P(next symbol | the last k symbols).
func entropyRate(order: Int, alphabetSize: Int, transitions: [[Double]]) -> Double {
  // TODO: build the first-order chain over contexts: from c, emitting y goes to (c·V + y) mod V^k.
  return 0
}
