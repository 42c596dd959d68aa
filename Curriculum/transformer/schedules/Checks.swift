import Foundation
import PracticeChecks

// Values: Python's math / numpy at authoring time (Curriculum/transformer/authoring/reference_values.py,
// "schedules"), matching CONTENT.md 3.9: label-smoothed CE of logits [2, 1, 0, −1, −2], target 0:
// 0.45191439593759336 (ε = 0), 0.6519143959375934 (ε = 0.1, ε/V), 0.7019143959375934 with the
// ε/(V − 1) convention (named in the diagnosis). Noam(1, 4000, 8000; width 512, factor 1, warm-up
// 4000) = 1.746928107421711e-07, 0.0006987712429686843, 0.0004941058844013093. nanoGPT get_lr
// (1e-3, min 1e-4, warm-up 100, decay 5000) at 0, 50, 100, 2550, 5000, 6000: 9.900990099009901e-06,
// 0.000504950495049505, 0.001, 0.00055, 0.0001, 0.0001.

let checks = CheckSuite {
  Check(
    "label-smoothing", "label-smoothed cross-entropy, ε = 0 and 0.1 (ε/V convention), stable at ±1000", points: 4,
    hint: "q puts 1 − ε + ε/V on the target and ε/V on every other class; loss = −Σ q·log softmax."
  ) {
    let logits: [Double] = [2, 1, 0, -1, -2]
    try expectClose(
      labelSmoothedCrossEntropy(logits: logits, target: 0, epsilon: 0), 0.45191439593759336, absolute: 1e-14, "ε = 0")
    try expectClose(
      labelSmoothedCrossEntropy(logits: logits, target: 0, epsilon: 0.1), 0.6519143959375934, absolute: 1e-14,
      "ε = 0.1",
      diagnose: { got in
        abs(got - 0.7019143959375934) < 1e-9
          ? "that is the ε/(V − 1) convention (no smoothing mass on the target); this one spreads ε/V over every class"
          : nil
      })
    let large = labelSmoothedCrossEntropy(logits: [1000, -1000, 0], target: 0, epsilon: 0.1)
    // −[(0.9 + 0.1/3)·0 + (0.1/3)·(−2000) + (0.1/3)·(−1000)] = 100 (log-softmax ≈ 0, −2000, −1000).
    try expectClose(large, 100, absolute: 1e-9, "logits [1000, −1000, 0], ε = 0.1")
  }
  Check(
    "noam", "Noam schedule at steps 1, 4000, 8000 (width 512, warm-up 4000)", points: 3,
    hint: "min(step^−½, step·warmup^−1.5): the warm-up line meets the decay at step = warmup."
  ) {
    for (step, rate) in [(1, 1.746928107421711e-07), (4000, 0.0006987712429686843), (8000, 0.0004941058844013093)] {
      try expectClose(noamRate(step: step, width: 512, factor: 1, warmup: 4000), rate, relative: 1e-12, "step \(step)")
    }
  }
  Check(
    "cosine", "nanoGPT's get_lr at iterations 0, 50, 100, 2550, 5000, 6000", points: 3,
    hint: "Warm-up divides by warmup + 1 (nanoGPT's form); after decayIterations the rate stays at the minimum."
  ) {
    let expected: [(Int, Double)] = [
      (0, 9.900990099009901e-06), (50, 0.000504950495049505), (100, 0.001), (2550, 0.00055), (5000, 0.0001),
      (6000, 0.0001),
    ]
    for (iteration, rate) in expected {
      try expectClose(
        cosineRate(iteration: iteration, peak: 1e-3, minimum: 1e-4, warmup: 100, decayIterations: 5000), rate,
        relative: 1e-12, "iteration \(iteration)")
    }
  }
}
