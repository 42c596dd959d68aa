import Foundation
import PracticeNumerics

// Uses your probabilities(logits:temperature:), topK and topP from generation/temperature,
// generation/top-k and generation/top-p (compiled with this file).

/// Inverse-CDF sampling: the first index whose cumulative probability exceeds the coin u ∈ [0, 1);
/// if rounding leaves the total at or below u, the last index with a positive probability.
func sampleIndex(_ probabilities: [Double], coin u: Double) -> Int {
  var cumulative = 0.0
  for (index, p) in probabilities.enumerated() {
    cumulative += p
    if u < cumulative { return index }
  }
  return probabilities.lastIndex { $0 > 0 } ?? probabilities.count - 1
}

/// Draws token ids from logits: top-k on the logits (if set), then the temperature, then top-p (if
/// set), then one coin from its SplitMix64 per draw. Temperature 0 is greedy and draws no coin.
struct Sampler {
  var temperature: Double
  var topKCount: Int?
  var topPMass: Double?
  var generator: SplitMix64

  init(temperature: Double, topK: Int? = nil, topP: Double? = nil, seed: UInt64) {
    self.temperature = temperature
    topKCount = topK
    topPMass = topP
    generator = SplitMix64(seed: seed)
  }

  mutating func next(logits: [Double]) -> Int {
    let filtered = topKCount.map { topK(logits, k: $0) } ?? logits
    var p = probabilities(logits: filtered, temperature: temperature)
    if temperature == 0 { return p.firstIndex(of: 1) ?? 0 }
    if let mass = topPMass { p = topP(p, p: mass) }
    return sampleIndex(p, coin: generator.uniform())
  }
}
