import Foundation

/// The entropy of a probability distribution, in the given base (2: bits, e: nats).
///
///     H(p) = −Σᵢ pᵢ · log(pᵢ) / log(base)
///
/// - Parameters:
///   - p: probabilities, non-negative, summing to 1. Some may be 0.
///   - base: the base of the logarithm; 2 gives bits.
func entropy(_ p: [Double], base: Double = 2) -> Double {
  // TODO: sum −p·log(p) over the outcomes, in the requested base.
  // Remember: an outcome with p = 0 contributes 0 (but 0 * log(0) is nan in Swift).
  return 0
}
