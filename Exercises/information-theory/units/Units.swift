import Foundation

/// A loss in nats (natural log) expressed in bits (log base 2).
func natsToBits(_ nats: Double) -> Double {
  // TODO
  return 0
}

/// A loss in bits expressed in nats.
func bitsToNats(_ bits: Double) -> Double {
  // TODO
  return 0
}

/// Perplexity from a loss in nats: e^nats.
func perplexity(nats: Double) -> Double {
  // TODO
  return 0
}

/// Perplexity from a loss in bits: 2^bits.
func perplexity(bits: Double) -> Double {
  // TODO
  return 0
}
