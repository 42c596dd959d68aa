import Foundation
import PracticeChecks

// Expected values: float64 numpy at authoring time, running Algorithm 1 of Kingma & Ba step by
// step (independent of the reference solution).
let checks = CheckSuite {
  Check(
    "first-step", "p = 1, lr = 0.1, g = 0.5 → 0.900000002", points: 2,
    hint: "m = 0.05 and v = 0.00025 after one step; bias-corrected they are 0.5 and 0.25."
  ) {
    var adam = Adam(learningRate: 0.1)
    var p = [1.0]
    adam.step(&p, [0.5])
    try expectClose(p[0], 0.900000002, absolute: 1e-15, "p after one step") { got in
      abs(got - (1 - 0.1 * 0.05 / (0.00025.squareRoot() + 1e-8))) < 1e-9
        ? "no bias correction: divide m by (1 − β₁ᵗ) and v by (1 − β₂ᵗ)" : nil
    }
  }
  Check("second-step", "then g = −0.25 → 0.8733662987078463", points: 2, dependsOn: ["first-step"]) {
    var adam = Adam(learningRate: 0.1)
    var p = [1.0]
    adam.step(&p, [0.5])
    adam.step(&p, [-0.25])
    try expectClose(p[0], 0.8733662987078463, absolute: 1e-15, "p after two steps") {
      abs($0 - 0.8) < 1e-6 ? "m and v must carry over between steps (and t must count)" : nil
    }
  }
  Check("scale-free", "the first step is about lr whatever the gradient's scale", points: 1, dependsOn: ["first-step"])
  {
    // By hand: m̂/(√v̂ + ε) = g/(|g| + ε) after one step, so each parameter moves by lr·sign(g) up to a
    // relative ε/|g| ≤ 1e-5 here.
    var adam = Adam(learningRate: 0.01)
    var p = [0.0, 0.0, 0.0]
    adam.step(&p, [1e-3, 3, -500])
    try expectAllClose(p, [-0.01, -0.01, 0.01], relative: 1e-4, "parameters after one step")
  }
  Check("minimises", "Adam minimises (x − 3)² + (y + 1)² from the origin", points: 2, dependsOn: ["second-step"]) {
    var adam = Adam(learningRate: 0.1)
    var p = [0.0, 0.0]
    for _ in 0..<500 { adam.step(&p, [2 * (p[0] - 3), 2 * (p[1] + 1)]) }
    try expectAllClose(p, [3, -1], absolute: 1e-3, "the minimum")
  }
}
