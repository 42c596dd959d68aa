import Foundation
import PracticeChecks

// Expected values: minitorch's task 1.1 cases, by hand (d/dx id = 1; d(x·y)/dx = y, d/dy = x;
// d/dx eˣ at 2 = e² = 7.38905609893065, numpy). Relative tolerance 1e-6, and 1e-9 for eˣ, which
// the central difference meets (error ≈ 7e-12) and the forward difference does not (≈ 5e-7).
let checks = CheckSuite {
  Check(
    "identity-and-product", "d/dx x = 1; ∂(x·y)/∂x = y and ∂(x·y)/∂y = x at (5, 10)", points: 2,
    hint: "Copy x twice, add h to one copy's entry and subtract it from the other's, divide the difference by 2h."
  ) {
    try expectClose(centralDifference({ $0[0] }, at: [5], argument: 0), 1, relative: 1e-6, "d/dx x")
    try expectClose(centralDifference({ $0[0] * $0[1] }, at: [5, 10], argument: 0), 10, relative: 1e-6, "∂(xy)/∂x")
    try expectClose(centralDifference({ $0[0] * $0[1] }, at: [5, 10], argument: 1), 5, relative: 1e-6, "∂(xy)/∂y") {
      abs($0 - 10) < 1e-3 ? "this is ∂/∂x: nudge the entry named by `argument`" : nil
    }
  }
  Check("exponential", "d/dx eˣ at 2 is e² ≈ 7.389", points: 1, dependsOn: ["identity-and-product"]) {
    try expectClose(
      centralDifference({ exp($0[0]) }, at: [2], argument: 0), 7.38905609893065, relative: 1e-9, "d/dx exp at 2"
    ) {
      abs($0 - 7.38905609893065) / 7.38905609893065 < 1e-3
        ? "close but not within 1e-9: is it the forward difference (f(x+h) − f(x))/h?" : nil
    }
  }
  Check(
    "relative-error", "relative error as CS231n defines it", points: 2,
    hint: "Per element |a − b| / max(1e-8, |a| + |b|), then the maximum."
  ) {
    // By hand: |1 − 1.1| / (1 + 1.1) = 0.1/2.1; both zero gives 0 (the 1e-8 floor).
    try expectClose(relativeError([1], [1.1]), 0.1 / 2.1, relative: 1e-12, "relativeError([1], [1.1])")
    try expectClose(relativeError([0, 2], [0, 2]), 0, absolute: 1e-15, "equal vectors")
    try expectClose(relativeError([1, 100], [1, 101]), 1.0 / 201, relative: 1e-12, "the maximum over elements")
  }
  Check(
    "gradient-check", "checking a whole gradient: f(x) = Σ xᵢ² has gradient 2x", points: 1,
    dependsOn: ["exponential", "relative-error"]
  ) {
    try forAll(seeds: 1...10, { rng in rng.uniforms(5, -3, 3) }) { x in
      let numeric = x.indices.map { centralDifference({ $0.reduce(0) { $0 + $1 * $1 } }, at: x, argument: $0, h: 1e-5) }
      try expect(relativeError(numeric, x.map { 2 * $0 }) < 1e-7, "relative error too large: \(numeric)")
    }
  }
}
