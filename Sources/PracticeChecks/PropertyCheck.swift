/// SplitMix64 (Steele, Lea & Flood 2014): the one seeded generator of the course, so every check
/// input can be reproduced in any language.
///
/// `uniform()` is `Double(next() >> 11) · 2⁻⁵³`; `below(n)` is `next() % n`. Test vector: seed 0
/// gives `0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f`.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  public private(set) var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform Double in [0, 1).
  public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A uniform Double in [low, high).
  public mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * uniform() }

  /// An integer in 0..<n (`next() % n`: the tiny modulo bias is part of the specification).
  public mutating func below(_ n: Int) -> Int {
    precondition(n > 0, "below(n) needs n > 0")
    return Int(next() % UInt64(n))
  }

  /// `count` uniforms in [low, high).
  public mutating func uniforms(_ count: Int, _ low: Double = 0, _ high: Double = 1) -> [Double] {
    (0..<count).map { _ in uniform(low, high) }
  }

  /// A random probability vector of `count` entries, each at least `floor` before normalising.
  public mutating func probabilityVector(_ count: Int, floor: Double = 0) -> [Double] {
    let raw = (0..<count).map { _ in uniform() + floor }
    let total = raw.reduce(0, +)
    return raw.map { $0 / total }
  }
}

/// Checks a property on inputs made from each seed; on the first failure, the message names the
/// seed and the input, so the case can be replayed.
///
/// ```swift
/// try forAll(seeds: 1...50, { rng in rng.probabilityVector(3 + rng.below(5)) }) { p in
///   try expect(entropy(p) <= log2(Double(p.count)) + 1e-12, "H(p) exceeds log₂ n")
/// }
/// ```
public func forAll<Input>(
  seeds: ClosedRange<UInt64>, _ generate: (inout SeededGenerator) -> Input, _ property: (Input) throws -> Void
) throws {
  for seed in seeds {
    var generator = SeededGenerator(seed: seed)
    let input = generate(&generator)
    do {
      try property(input)
    } catch let failure as CheckFailure {
      throw CheckFailure("for seed \(seed), input \(describe(input)): \(failure.message)")
    }
  }
}

func describe<T>(_ value: T) -> String {
  let text = "\(value)"
  return text.count > 300 ? String(text.prefix(299)) + "…" : text
}
