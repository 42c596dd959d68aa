@_exported import PracticeNumerics

/// The checks' seeded generator: the course's SplitMix64 (see `PracticeNumerics.SplitMix64`).
public typealias SeededGenerator = SplitMix64

extension SplitMix64 {
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
