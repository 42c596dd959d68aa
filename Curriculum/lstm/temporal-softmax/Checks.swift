import Foundation
import PracticeChecks

// Values: ln 10 = 2.302585092994046 (uniform scores over V = 10, CS231n's sanity check, made exact
// with zero scores instead of 0.001-scale noise). The linspace fixture's losses (masked
// 2.831836692925797, unmasked 4.223841995910435, masked but averaged over scored positions
// 1.4159183464628986) were computed with float64 numpy at authoring time with CS231n's
// temporal_softmax_loss (Curriculum/lstm/authoring/reference_values.py, "temporal-softmax").
// Gradients: central differences of the learner's own functions; CS231n's thresholds are 1e-9
// (affine) and 1e-7 (softmax dx). The affine layer is linear in each argument, so its differences
// have no truncation error and use h = 1e-2, which keeps rounding (8e-10 at h = 1e-5) far below 1e-9.

/// (N, T, V) numbers, row-major as numpy holds them, as T matrices of (N, V).
func timeMajor(_ values: [Double], n: Int, t: Int, v: Int) -> [Tensor] {
  (0..<t).map { step -> Tensor in
    var data: [Double] = []
    for row in 0..<n {
      let start = (row * t + step) * v
      data += values[start..<start + v]
    }
    return Tensor(shape: [n, v], data: data)
  }
}

func flatSteps(_ steps: [Tensor]) -> [Double] { steps.flatMap(\.data) }
func unflatSteps(_ values: [Double], like steps: [Tensor]) -> [Tensor] {
  var offset = 0
  return steps.map { step in
    defer { offset += step.count }
    return Tensor(shape: step.shape, data: Array(values[offset..<offset + step.count]))
  }
}

let fixtureScores = timeMajor(Tensor.linspace(-1.0, 1.2, count: 24).data, n: 2, t: 3, v: 4)
let fixtureTargets = [[0, 3, 1], [2, 2, 0]]
let fixtureMask = [[true, true, false], [true, false, true]]

let checks = CheckSuite {
  Check(
    "affine", "temporal affine: x[t]·W + b at every step; dx, dW, db match finite differences (< 1e-9)", points: 3,
    hint: "The same W and b at every step: their gradients are sums over the steps."
  ) {
    let x = (0..<4).map { Tensor(randomUniformShape: [2, 5], in: -1...1, seed: UInt64(10 + $0)) }
    let w = Tensor(randomUniformShape: [5, 3], in: -1...1, seed: 1)
    let b = Tensor(randomUniformShape: [3], in: -1...1, seed: 2)
    let (out, cache) = temporalAffineForward(x: x, w: w, b: b)
    try expectEqual(out.count, 4, "time steps")
    for (t, step) in out.enumerated() {
      try expectAllClose(step.data, (x[t].matmul(w) + b).data, absolute: 1e-12, "out[\(t)]")
    }
    let dout = (0..<4).map { Tensor(randomUniformShape: [2, 3], in: -1...1, seed: UInt64(20 + $0)) }
    let grads = temporalAffineBackward(dout: dout, cache: cache)
    func run(_ x: [Tensor], _ w: Tensor, _ b: Tensor) -> [Double] {
      flatSteps(temporalAffineForward(x: x, w: w, b: b).out)
    }
    try expectGradient(
      flatSteps(grads.dx), of: { run(unflatSteps($0, like: x), w, b) }, upstream: flatSteps(dout), at: flatSteps(x),
      h: 1e-2,
      threshold: 1e-9, "dx")
    try expectGradient(
      grads.dw.data, of: { run(x, Tensor(shape: w.shape, data: $0), b) }, upstream: flatSteps(dout), at: w.data,
      h: 1e-2,
      threshold: 1e-9, "dW")
    try expectGradient(
      grads.db.data, of: { run(x, w, Tensor($0)) }, upstream: flatSteps(dout), at: b.data, h: 1e-2, threshold: 1e-9,
      "db")
  }
  Check(
    "uniform", "uniform scores: ln 10 per sequence for T = 1, 10·ln 10 for T = 10 (sum over time, mean over N)",
    points: 2,
    hint: "This convention (CS231n's) sums the losses over time and divides by N only."
  ) {
    let n = 100
    for steps in [1, 10] {
      let scores = (0..<steps).map { _ in Tensor(zeros: [n, 10]) }
      let targets = (0..<n).map { row in (0..<steps).map { (row + $0) % 10 } }
      let mask = [[Bool]](repeating: [Bool](repeating: true, count: steps), count: n)
      let loss = temporalSoftmaxLoss(scores: scores, targets: targets, mask: mask).loss
      let expected = Double(steps) * 2.302585092994046
      try expectClose(
        loss, expected, relative: 1e-12, "T = \(steps)",
        diagnose: { got in
          if abs(got - 2.302585092994046) < 1e-9 && steps > 1 { return "averaged over time too: sum over time instead" }
          if abs(got - expected * Double(n)) < 1e-6 { return "not divided by N" }
          if abs(got - expected / log(2)) < 1e-6 { return "that is in bits; the loss is in nats (natural log)" }
          return nil
        })
    }
  }
  Check(
    "masked", "positions whose mask is false count for nothing (linspace fixture: 2.831836692925797)", points: 2,
    dependsOn: ["uniform"],
    hint: "Skip the masked positions, but still divide by N (not by the number of scored positions)."
  ) {
    let loss = temporalSoftmaxLoss(scores: fixtureScores, targets: fixtureTargets, mask: fixtureMask).loss
    try expectClose(
      loss, 2.831836692925797, relative: 1e-12, "loss",
      diagnose: { got in
        if abs(got - 4.223841995910435) < 1e-9 { return "that is the loss with every position scored: apply the mask" }
        if abs(got - 1.4159183464628986) < 1e-9 { return "divided by the scored positions; divide by N" }
        return nil
      })
  }
  Check(
    "stable", "scores of ±1000 give a finite loss and gradient", points: 1, dependsOn: ["uniform"],
    hint: "Subtract each row's maximum before exp; log-sum-exp does not change."
  ) {
    let scores = [Tensor(rows: [[1000, -1000, 0], [-1000, 1000, 999]])]
    let (loss, dScores) = temporalSoftmaxLoss(scores: scores, targets: [[0], [2]], mask: [[true], [true]])
    try expectFinite([loss], "loss")
    try expectFinite(flatSteps(dScores), "dScores")
    // Row 0 is certain and right (0 nats); row 1 puts e^-1 / (1 + e^-1) on the target: −ln of that.
    try expectClose(loss, (0 + log(1 + exp(1.0))) / 2, relative: 1e-12, "loss")
  }
  Check(
    "gradient", "dScores matches finite differences (< 1e-7) and is zero at masked positions", points: 2,
    dependsOn: ["masked"],
    hint: "(softmax − one-hot) / N at scored positions, 0 elsewhere."
  ) {
    let scores = (0..<5).map { Tensor(randomUniformShape: [3, 6], in: -2...2, seed: UInt64(30 + $0)) }
    let targets = (0..<3).map { row in (0..<5).map { (row * 5 + $0 * 7) % 6 } }
    let mask = (0..<3).map { row in (0..<5).map { (row + $0) % 3 != 0 } }
    let dScores = temporalSoftmaxLoss(scores: scores, targets: targets, mask: mask).dScores
    try expectEqual(dScores.count, 5, "time steps")
    for t in 0..<5 {
      for row in 0..<3 where !mask[row][t] {
        try expect(dScores[t].row(row).data.allSatisfy { $0 == 0 }, "dScores[\(t)] row \(row) is masked but not zero")
      }
    }
    try expectGradient(
      flatSteps(dScores),
      of: { temporalSoftmaxLoss(scores: unflatSteps($0, like: scores), targets: targets, mask: mask).loss },
      at: flatSteps(scores), threshold: 1e-7, "dScores")
  }
}
