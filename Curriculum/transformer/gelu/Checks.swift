import Foundation
import PracticeChecks

// Values: Python's math at authoring time (Curriculum/transformer/authoring/reference_values.py,
// "gelu"): tanh form gelu(1) = 0.8411919906082768, gelu(−1) = −0.15880800939172324,
// gelu(2.5) = 2.484915733910001; the exact erf form gives gelu(1) = 0.8413447460685429 (named in the
// diagnosis). Tolerance 1e-12: √(2/π) written as 0.7978845608 is off by 8e-13, and still clearly not
// the erf form (1.5e-4 away). Derivative: central differences (h = 1e-5) of the learner's gelu on [−3.5, 3.5],
// threshold 1e-8 rather than CONTENT.md's 1e-9: further left 1 + tanh(u) cancels (at x = −4 it is
// 1 − (1 − 3.5e-5), at −6 1 − (1 − 3e-11)), so gelu itself loses digits and the difference quotient
// with it (3e-8 at −4); on this range the exact derivative scores 5.4e-10 (Python at authoring
// time), worst near its zero at x ≈ −0.75 where relative errors are inflated.

let checks = CheckSuite {
  Check(
    "values", "tanh form: gelu(1) = 0.8411919906082768, gelu(−1), gelu(2.5) (1e-12)", points: 2,
    hint: "0.5·x·(1 + tanh(sqrt(2/π)·(x + 0.044715·x³)))."
  ) {
    try expectClose(
      gelu(1), 0.8411919906082768, absolute: 1e-12, "gelu(1)",
      diagnose: { got in
        abs(got - 0.8413447460685429) < 1e-12
          ? "that is the exact erf form; this course uses the tanh form (GPT-2)" : nil
      })
    try expectClose(gelu(-1), -0.15880800939172324, absolute: 1e-12, "gelu(−1)")
    try expectClose(gelu(2.5), 2.484915733910001, absolute: 1e-12, "gelu(2.5)")
    try expectClose(gelu(0), 0, absolute: 0, "gelu(0)")
    try expectClose(gelu(-30), 0, absolute: 1e-12, "gelu(−30)")
    try expectClose(gelu(30), 30, absolute: 1e-12, "gelu(30)")
  }
  Check(
    "derivative", "geluDerivative matches finite differences on [−3.5, 3.5] (relative error < 1e-8)", points: 2,
    dependsOn: ["values"],
    hint: "Product rule: 0.5·(1 + t) + 0.5·x·(1 − t²)·√(2/π)·(1 + 3·0.044715·x²), t the tanh."
  ) {
    let points = stride(from: -3.5, through: 3.5, by: 0.37).map { $0 }
    try expectGradient(
      points.map(geluDerivative), of: { $0.map(gelu) }, upstream: [Double](repeating: 1, count: points.count),
      at: points, threshold: 1e-8, "geluDerivative")
  }
}
