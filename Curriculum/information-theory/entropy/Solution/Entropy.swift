import Foundation

/// The entropy of a probability distribution, in the given base (2: bits, e: nats).
///
///     H(p) = −Σᵢ pᵢ · log(pᵢ) / log(base)
///
/// - Parameters:
///   - p: probabilities, non-negative, summing to 1. Some may be 0.
///   - base: the base of the logarithm; 2 gives bits.
func entropy(_ p: [Double], base: Double = 2) -> Double {
  var nats = 0.0
  for probability in p where probability > 0 {
    nats -= probability * log(probability)
  }
  return nats / log(base)
}
