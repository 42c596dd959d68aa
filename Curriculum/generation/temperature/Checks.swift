import Foundation
import PracticeChecks

// Values: float64 numpy at authoring time (Curriculum/generation/authoring/reference_values.py,
// "temperature"), matching CONTENT.md 4.1: softmax of z = [2, 1, 0.5, 0, −1] at T = 1, 0.5 and 2, and
// their entropies 1.7405959967223534, 0.8780742496881391 and 2.15173303909339 bits.

let temperatureLogits: [Double] = [2, 1, 0.5, 0, -1]

func temperatureEntropyBits(_ p: [Double]) -> Double { -p.reduce(0) { $0 + ($1 > 0 ? $1 * log2($1) : 0) } }

let checks = CheckSuite {
  Check(
    "values", "softmax(z / T) at T = 1, 0.5 and 2 (1e-12)", points: 4,
    hint: "Divide every logit by T, then a stable softmax (subtract the maximum)."
  ) {
    let expected: [(Double, [Double])] = [
      (1, [0.5630212318141845, 0.20712393612745927, 0.1256270176216652, 0.07619663787579924, 0.028031176560891775]),
      (
        0.5,
        [0.8292446440257714, 0.11222605877167184, 0.041285659785796076, 0.015188145450392949, 0.0020554919663678005]
      ),
      (2, [0.37454490727586376, 0.22717296970203676, 0.17692248669660277, 0.13778737118225445, 0.08357226514324227]),
    ]
    for (t, p) in expected {
      try expectAllClose(
        probabilities(logits: temperatureLogits, temperature: t), p, absolute: 1e-12, "T = \(t)",
        diagnose: { got in
          let scaled = temperatureLogits.map { $0 * t }
          let top = scaled.max() ?? 0
          let weights = scaled.map { exp($0 - top) }
          let multiplied = weights.map { $0 / weights.reduce(0, +) }
          return t != 1 && relativeError(got, multiplied) < 1e-9 ? "the logits are multiplied by T; divide them" : nil
        })
    }
  }
  Check(
    "greedy", "T = 0 is greedy: all the probability on the argmax, the first of a tie", points: 2,
    hint: "Treat 0 separately (dividing by 0 gives ±∞ and NaN)."
  ) {
    try expectAllClose(probabilities(logits: temperatureLogits, temperature: 0), [1, 0, 0, 0, 0], absolute: 0, "T = 0")
    try expectAllClose(probabilities(logits: [0, 3, -1, 3], temperature: 0), [0, 1, 0, 0], absolute: 0, "tie at 3")
  }
  Check(
    "monotone", "entropy grows with T: 0.8781 < 1.7406 < 2.1517 bits; large logits stay finite", points: 2,
    dependsOn: ["values"],
    hint: "Lower T sharpens, higher T flattens."
  ) {
    let entropies = [0.5, 1, 2].map {
      temperatureEntropyBits(probabilities(logits: temperatureLogits, temperature: $0))
    }
    try expectAllClose(
      entropies, [0.8780742496881391, 1.7405959967223534, 2.15173303909339], absolute: 1e-12, "entropies")
    let large = probabilities(logits: [1000, 999, -1000], temperature: 0.1)
    try expectProbabilityVector(large, "logits [1000, 999, −1000] at T = 0.1")
  }
}
