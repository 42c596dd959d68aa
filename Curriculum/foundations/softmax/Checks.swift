import Foundation
import PracticeChecks

// Expected values: float64 numpy at authoring time (np.logaddexp, math.log, a max-shifted softmax),
// independent of the reference solution; the gradient against the formula softmax − one-hot
// (computed here with the checks' own softmax) and against central differences.
func referenceSoftmax(_ x: [Double]) -> [Double] {
  let top = x.max() ?? 0
  let e = x.map { Foundation.exp($0 - top) }
  let total = e.reduce(0, +)
  return e.map { $0 / total }
}
let checks = CheckSuite {
  Check(
    "softmax-small", "softmax([1, 2, 3]) ≈ (0.090, 0.245, 0.665)", points: 2,
    hint: "eᵢ / Σ e: exponentiate every logit, divide by the sum."
  ) {
    // numpy: [0.09003057317038046, 0.24472847105479764, 0.6652409557748218]
    try expectAllClose(
      softmax([1, 2, 3]), [0.09003057317038046, 0.24472847105479764, 0.6652409557748218], absolute: 1e-12,
      "softmax([1, 2, 3])")
  }
  Check(
    "softmax-large", "softmax([1000, 1000]) = (½, ½), with no NaN", points: 2, dependsOn: ["softmax-small"],
    hint: "exp(1000) overflows to ∞ and ∞/∞ is nan: subtract max(x) from every logit first."
  ) {
    let p = softmax([1000, 1000])
    try expectAllClose(p, [0.5, 0.5], absolute: 1e-12, "softmax([1000, 1000])") { got in
      got.contains { $0.isNaN } ? "NaN only for large logits: subtract the max before exp" : nil
    }
    try expectProbabilityVector(softmax([-1000, 0, 1000]), tolerance: 1e-12, "softmax([-1000, 0, 1000])")
  }
  Check(
    "log-sum-exp", "logSumExp([1000, 1000]) = 1000 + ln 2", points: 2,
    hint: "m + log Σ exp(xᵢ − m), with m the largest logit."
  ) {
    // numpy: np.logaddexp(1000, 1000) = 1000.6931471805599
    try expectClose(logSumExp([1000, 1000]), 1000.6931471805599, absolute: 1e-9, "logSumExp([1000, 1000])")
    try expectClose(logSumExp([0]), 0, absolute: 1e-12, "logSumExp([0])")
  }
  Check(
    "uniform-loss", "with uniform logits the loss is ln V (27 → 3.2958, 65 → 4.1744)", points: 2,
    dependsOn: ["log-sum-exp"]
  ) {
    // math.log(27) = 3.295836866004329; math.log(65) = 4.174387269895637
    try expectClose(
      crossEntropy(logits: [Double](repeating: 0.3, count: 27), target: 5).loss, 3.295836866004329, absolute: 1e-12,
      "loss, 27 uniform logits")
    try expectClose(
      crossEntropy(logits: [Double](repeating: 1e3, count: 65), target: 64).loss, 4.174387269895637, absolute: 1e-9,
      "loss, 65 large uniform logits")
  }
  Check(
    "gradient", "the gradient is softmax − one-hot, and matches finite differences", points: 2,
    dependsOn: ["softmax-small", "uniform-loss"],
    hint: "∂loss/∂xᵢ = softmax(x)ᵢ − 1 if i is the target, else softmax(x)ᵢ."
  ) {
    try forAll(seeds: 1...20, { rng in (rng.uniforms(3 + rng.below(8), -5, 5), rng) }) { input in
      var generator = input.1
      let target = generator.below(input.0.count)
      let analytic = crossEntropy(logits: input.0, target: target).dlogits
      var expected = referenceSoftmax(input.0)
      expected[target] -= 1
      try expect(relativeError(analytic, expected) < 1e-9, "dlogits differ from softmax − one-hot: \(analytic)")
      // Central differences (h = 1e-5) reach only ~7e-7 relative on the smallest entries (p ≈ 3.5e-5 for
      // seed 14), whatever the correct implementation; a wrong gradient misses by far more than 1e-5.
      try expectGradient(analytic, of: { crossEntropy(logits: $0, target: target).loss }, at: input.0, threshold: 1e-5)
    }
  }
}
