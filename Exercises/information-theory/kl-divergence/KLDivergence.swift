import Foundation

/// The Kullback–Leibler divergence D(p‖q) = Σᵢ pᵢ · log(pᵢ / qᵢ), in the given base.
///
/// Terms with pᵢ = 0 contribute 0. If some qᵢ = 0 where pᵢ > 0, the divergence is `.infinity`.
/// - Parameters:
///   - p: the true distribution.
///   - q: the model; same length as `p`.
func klDivergence(_ p: [Double], _ q: [Double], base: Double = 2) -> Double {
  // TODO
  return 0
}

/// The cross-entropy H(p, q) = −Σᵢ pᵢ · log(qᵢ) = H(p) + D(p‖q), in the given base.
///
/// Terms with pᵢ = 0 contribute 0 (even where qᵢ = 0); `.infinity` if some qᵢ = 0 where pᵢ > 0.
func crossEntropy(_ p: [Double], _ q: [Double], base: Double = 2) -> Double {
  // TODO
  return 0
}
