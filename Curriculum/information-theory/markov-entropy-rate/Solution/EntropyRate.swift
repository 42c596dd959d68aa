import Foundation

/// Given (from the entropy exercise): H(p) in bits, 0·log 0 = 0.
func entropy(_ p: [Double]) -> Double {
  -p.filter { $0 > 0 }.reduce(0) { $0 + $1 * log2($1) }
}

/// The stationary distribution π of a Markov chain: π = πP, Σπ = 1.
///
/// Solves (Pᵀ − I)π = 0 with the last equation replaced by Σπ = 1, by Gaussian elimination with
/// partial pivoting.
func stationaryDistribution(_ transitions: [[Double]]) -> [Double] {
  let n = transitions.count
  // Row i of the system: Σⱼ (P[j][i] − δᵢⱼ) πⱼ = 0; the last row: Σⱼ πⱼ = 1.
  var a = (0..<n).map { i in (0..<n).map { j in transitions[j][i] - (i == j ? 1 : 0) } }
  var b = [Double](repeating: 0, count: n)
  a[n - 1] = [Double](repeating: 1, count: n)
  b[n - 1] = 1
  for column in 0..<n {
    let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) } ?? column
    a.swapAt(column, pivot)
    b.swapAt(column, pivot)
    for row in (column + 1)..<n where a[row][column] != 0 {
      let factor = a[row][column] / a[column][column]
      for k in column..<n { a[row][k] -= factor * a[column][k] }
      b[row] -= factor * b[column]
    }
  }
  var pi = [Double](repeating: 0, count: n)
  for row in stride(from: n - 1, through: 0, by: -1) {
    var sum = b[row]
    for k in (row + 1)..<n { sum -= a[row][k] * pi[k] }
    pi[row] = sum / a[row][row]
  }
  return pi
}

/// The entropy rate of a first-order Markov chain in bits per symbol: Σᵢ πᵢ · H(P[i]).
func entropyRate(_ transitions: [[Double]]) -> Double {
  zip(stationaryDistribution(transitions), transitions).reduce(0) { $0 + $1.0 * entropy($1.1) }
}

/// The entropy rate of a k-th order source over V symbols, in bits per symbol.
func entropyRate(order: Int, alphabetSize: Int, transitions: [[Double]]) -> Double {
  let contexts = transitions.count
  var chain = [[Double]](repeating: [Double](repeating: 0, count: contexts), count: contexts)
  for context in 0..<contexts {
    for symbol in 0..<alphabetSize {
      chain[context][(context * alphabetSize + symbol) % contexts] += transitions[context][symbol]
    }
  }
  return zip(stationaryDistribution(chain), transitions).reduce(0) { $0 + $1.0 * entropy($1.1) }
}
