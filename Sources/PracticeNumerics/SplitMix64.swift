/// SplitMix64 (Steele, Lea & Flood 2014): the one seeded generator of the course.
///
/// Every random input, corpus and initialisation in the course comes from it, with these exact
/// mappings, so any language can reproduce them bit for bit:
/// - `uniform() = Double(next() >> 11) · 2⁻⁵³`, in [0, 1);
/// - `below(n) = next() % n` (the tiny modulo bias is part of the specification);
/// - `categorical(p)`: the first `i` with `u < p₀ + … + pᵢ` (summed left to right), else the last
///   index (llama2.c's `sample_mult`).
///
/// Test vectors: seed 0 gives `0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f`; seed 42
/// gives `0xbdd732262feb6e95, 0x28efe333b266f103, 0x47526757130f9f52`, and its first `uniform()` is
/// `0.7415648787718233`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public private(set) var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform Double in [0, 1) with 53 random bits.
  public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A uniform Double in [low, high).
  public mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * uniform() }

  /// An integer in 0..<n, as `next() % n`.
  public mutating func below(_ n: Int) -> Int {
    precondition(n > 0, "below(n) needs n > 0, got \(n)")
    return Int(next() % UInt64(n))
  }

  /// An index drawn from the probabilities `p` by inverse CDF: the first `i` with
  /// `u < p₀ + … + pᵢ`, else the last index (when rounding leaves the total just under 1).
  /// - Complexity: O(n).
  public mutating func categorical(_ p: [Double]) -> Int {
    let u = uniform()
    var cumulative = 0.0
    for (index, probability) in p.enumerated() {
      cumulative += probability
      if u < cumulative { return index }
    }
    return p.count - 1
  }
}
