import Foundation

/// Given: H(p) in bits, 0·log 0 = 0.
func entropy(_ p: [Double]) -> Double {
  -p.filter { $0 > 0 }.reduce(0) { $0 + $1 * log2($1) }
}

/// −(1/n)·Σ log₂ p[xᵢ]: the per-symbol surprisal of the sequence under p, in bits.
func empiricalSurprisal(_ symbols: [Int], p: [Double]) -> Double {
  -symbols.reduce(0) { $0 + log2(p[$1]) } / Double(symbols.count)
}

/// True when the sequence is ε-typical for p: |surprisal − H(p)| ≤ ε.
func isTypical(_ symbols: [Int], p: [Double], epsilon: Double) -> Bool {
  abs(empiricalSurprisal(symbols, p: p) - entropy(p)) <= epsilon
}
