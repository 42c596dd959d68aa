#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Corpus M: a k-th order Markov chain over V symbols whose entropy rate is known exactly.
///
/// Contexts are the last k symbols, indexed with the oldest most significant:
/// `ctx = Σⱼ x_{t−k+j} · V^(k−1−j)`; after drawing `y`, `ctx ← (ctx · V + y) mod V^k`.
/// Parameters (CONTENT.md §3.1): for each context c and each symbol i, in that order,
/// `w = uniform()^power`, then each row is normalised. `standard` is V = 8, k = 2, seed 1, power 3:
/// entropy rate 2.095144 bits/symbol (log₂ 8 = 3), ladder 2.98865, 2.87105, 2.09514.
public struct MarkovCorpus: Sendable {
  public let alphabetSize: Int
  public let order: Int
  /// `transitions[ctx][y] = P(next = y | context ctx)`; `alphabetSize^order` rows.
  public let transitions: [[Double]]

  /// V = 8 ("abcdefgh"), k = 2, parameters from seed 1 with power 3.
  public static let standard = MarkovCorpus(alphabetSize: 8, order: 2, seed: 1, power: 3)

  public init(alphabetSize: Int, order: Int, seed: UInt64, power: Double) {
    self.alphabetSize = alphabetSize
    self.order = order
    var generator = SplitMix64(seed: seed)
    var rows: [[Double]] = []
    for _ in 0..<Self.power(alphabetSize, order) {
      let weights = (0..<alphabetSize).map { _ in Self.power(generator.uniform(), power) }
      let total = numpySum(weights)
      rows.append(weights.map { $0 / total })
    }
    transitions = rows
  }

  /// The number of contexts, V^k.
  public var contextCount: Int { transitions.count }

  /// `count` symbols sampled with a generator seeded with `seed` (train 101, validation 202),
  /// starting from context 0 after `burnIn` discarded draws.
  public func sample(count: Int, seed: UInt64, burnIn: Int = 1000) -> [Int] {
    var generator = SplitMix64(seed: seed)
    var context = 0
    var symbols: [Int] = []
    symbols.reserveCapacity(count)
    for step in 0..<(count + burnIn) {
      let symbol = generator.categorical(transitions[context])
      context = (context * alphabetSize + symbol) % contextCount
      if step >= burnIn { symbols.append(symbol) }
    }
    return symbols
  }

  /// Symbols as letters, `a` for 0.
  public func render(_ symbols: [Int]) -> String {
    String(symbols.map { Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8($0))) })
  }

  /// The stationary distribution over contexts (power iteration to 1e-15).
  public var stationaryContexts: [Double] {
    var pi = [Double](repeating: 1 / Double(contextCount), count: contextCount)
    for _ in 0..<10_000 {
      var next = [Double](repeating: 0, count: contextCount)
      for context in 0..<contextCount {
        let base = (context * alphabetSize) % contextCount
        for symbol in 0..<alphabetSize { next[base + symbol] += pi[context] * transitions[context][symbol] }
      }
      let change = zip(next, pi).map { abs($0 - $1) }.max() ?? 0
      pi = next
      if change < 1e-15 { break }
    }
    return pi
  }

  /// The entropy rate in bits per symbol: `Σ_c π_c · H(P[c, ·])`.
  public var entropyRate: Double {
    zip(stationaryContexts, transitions).reduce(0) { $0 + $1.0 * entropyInBits($1.1) }
  }

  static func power(_ base: Int, _ exponent: Int) -> Int { (0..<exponent).reduce(1) { result, _ in result * base } }
  /// libm's `pow`, as Python's `**` uses, so the parameters match the reference bit for bit.
  static func power(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }
}

/// H(p) in bits, with 0·log 0 = 0.
func entropyInBits(_ p: [Double]) -> Double {
  -p.reduce(0) { $1 > 0 ? $0 + $1 * log2($1) : $0 }
}

/// The sum numpy computes (pairwise for 8+ values), so normalised rows match numpy bit for bit.
func numpySum(_ values: [Double]) -> Double {
  guard values.count >= 8 else { return values.reduce(0, +) }
  var partial = Array(values[0..<8])
  var index = 8
  while index + 8 <= values.count {
    for lane in 0..<8 { partial[lane] += values[index + lane] }
    index += 8
  }
  var result =
    ((partial[0] + partial[1]) + (partial[2] + partial[3])) + ((partial[4] + partial[5]) + (partial[6] + partial[7]))
  while index < values.count {
    result += values[index]
    index += 1
  }
  return result
}
