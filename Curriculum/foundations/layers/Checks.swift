import PracticeChecks

// Fixture in CS231n style (np.linspace(...).reshape(...)); expected values with float64 numpy at
// authoring time: out[0,0] = -0.2686025408348457, out[3,5] = 0.3360254083484573,
// Σ out = -0.4159709618874773, Σ tanh(out) = -0.41238584385726795. Backward passes against
// central differences of the learner's own forward pass (h = 1e-5), as CS231n's
// eval_numerical_gradient_array.

/// The fixtures, kept out of the module's global names (the learner's files share the module).
enum Fixture {
  static let x = Tensor.linspace(-0.1, 0.5, count: 20).reshaped([4, 5])
  static let w = Tensor.linspace(-0.2, 0.3, count: 30).reshaped([5, 6])
  static let b = Tensor.linspace(-0.3, 0.1, count: 6)
  static let dout = Tensor(randomUniformShape: [4, 6], in: -1...1, seed: 5)
}

let checks = CheckSuite {
  Check(
    "linear-forward", "the linear layer's output on the CS231n-style fixture", points: 3,
    hint: "x.matmul(w) + b: the bias vector is added to every row."
  ) {
    let (x, w, b) = (Fixture.x, Fixture.w, Fixture.b)
    let out = linearForward(x, w, b)
    try expectShape(out.shape, [4, 6], "output")
    try expectClose(out[0, 0], -0.2686025408348457, absolute: 1e-12, "out[0, 0]")
    try expectClose(out[3, 5], 0.3360254083484573, absolute: 1e-12, "out[3, 5]")
    try expectClose(out.sum(), -0.4159709618874773, absolute: 1e-12, "Σ out")
  }
  Check(
    "linear-backward", "dx, dw and db match finite differences (relative error < 1e-8)", points: 4,
    dependsOn: ["linear-forward"],
    hint: "Shapes guide you: dx is (4, 5) = dout·wᵀ, dw is (5, 6) = xᵀ·dout, db is (6) = dout summed over rows."
  ) {
    let (x, w, b, dout) = (Fixture.x, Fixture.w, Fixture.b, Fixture.dout)
    let grads = linearBackward(dout, x: x, w: w)
    try expectShape(grads.dx.shape, x.shape, "dx")
    try expectShape(grads.dw.shape, w.shape, "dw")
    try expectShape(grads.db.shape, b.shape, "db")
    try expectGradient(
      grads.dx.data, of: { linearForward(Tensor(shape: x.shape, data: $0), w, b).data }, upstream: dout.data,
      at: x.data, threshold: 1e-8, "dx")
    try expectGradient(
      grads.dw.data, of: { linearForward(x, Tensor(shape: w.shape, data: $0), b).data }, upstream: dout.data,
      at: w.data, threshold: 1e-8, "dw")
    try expectGradient(
      grads.db.data, of: { linearForward(x, w, Tensor($0)).data }, upstream: dout.data, at: b.data, threshold: 1e-8,
      "db")
  }
  Check("tanh-forward", "tanh of the linear output", points: 2, dependsOn: ["linear-forward"]) {
    let (x, w, b) = (Fixture.x, Fixture.w, Fixture.b)
    let y = tanhForward(linearForward(x, w, b))
    try expectClose(y.sum(), -0.41238584385726795, absolute: 1e-12, "Σ tanh(out)")
    try expect(y.data.allSatisfy { $0 > -1 && $0 < 1 }, "tanh must lie in (−1, 1)")
  }
  Check(
    "tanh-backward", "tanh's backward pass matches finite differences", points: 3, dependsOn: ["tanh-forward"],
    hint: "d tanh(x)/dx = 1 − tanh(x)²: multiply dout by (1 − y²) element-wise, with y the forward output."
  ) {
    let (x, w, b, dout) = (Fixture.x, Fixture.w, Fixture.b, Fixture.dout)
    let input = linearForward(x, w, b)
    let y = tanhForward(input)
    let dx = tanhBackward(dout, output: y)
    try expectShape(dx.shape, input.shape, "dx")
    try expectGradient(
      dx.data, of: { tanhForward(Tensor(shape: input.shape, data: $0)).data }, upstream: dout.data, at: input.data,
      threshold: 1e-8, "dx")
  }
}
