/// The SplitMix64 generator (Steele, Lea & Flood 2014).
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    // TODO: add the golden gamma to the state (wrapping), then mix a copy of it.
    return 0
  }

  /// A uniform Double in [0, 1) from the top 53 bits of `next()`.
  mutating func uniform() -> Double {
    // TODO
    return 0
  }
}
