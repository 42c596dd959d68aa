import PracticeChecks

// Forward: CS231n's rnn_step_forward fixture; expected next_h computed with float64 numpy at
// authoring time (np.tanh(x @ Wx + prev_h @ Wh + b)), matching CS231n's printed values.
// Backward: central differences (h = 1e-5) of the learner's own forward pass on SplitMix64 inputs,
// CS231n's eval_numerical_gradient_array; threshold 1e-8 (Double).

/// The fixtures, kept out of the module's global names (the learner's files share the module).
enum Fixture {
  static let x = Tensor.linspace(-0.4, 0.7, count: 30).reshaped([3, 10])
  static let prevH = Tensor.linspace(-0.2, 0.5, count: 12).reshaped([3, 4])
  static let wx = Tensor.linspace(-0.1, 0.9, count: 40).reshaped([10, 4])
  static let wh = Tensor.linspace(-0.3, 0.7, count: 16).reshaped([4, 4])
  static let b = Tensor.linspace(-0.2, 0.4, count: 4)
}

let checks = CheckSuite {
  Check(
    "forward", "next_h on CS231n's fixture (relative error < 1e-8)", points: 6,
    hint: "nextH = (x·Wx + prevH·Wh + b).tanh(): both products, then the bias on every row, then tanh."
  ) {
    let (x, prevH, wx, wh, b) = (Fixture.x, Fixture.prevH, Fixture.wx, Fixture.wh, Fixture.b)
    let nextH = rnnStepForward(x: x, prevH: prevH, wx: wx, wh: wh, b: b).nextH
    try expectShape(nextH.shape, [3, 4], "nextH")
    let expected: [Double] = [
      -0.5817208893609517, -0.5018203225582262, -0.4123277084675209, -0.31410098395291147,
      0.6685469230196153, 0.7956237811573803, 0.8775555281383776, 0.9279596660825137,
      0.9793450053666393, 0.9914421288454613, 0.9964669105248765, 0.9985435331697275,
    ]
    let error = relativeError(nextH.data, expected)
    try expect(error < 1e-8, "relative error \(error) against CS231n's next_h: \(nextH.data)")
  }
  Check(
    "backward", "all five gradients match finite differences (relative error < 1e-8)", points: 12,
    dependsOn: ["forward"],
    hint: "Start with da = dNextH ⊙ (1 − nextH²); every gradient has the shape of what it is the gradient of."
  ) {
    let (n, d, h) = (4, 5, 6)
    let x = Tensor(randomUniformShape: [n, d], in: -1...1, seed: 1)
    let prevH = Tensor(randomUniformShape: [n, h], in: -1...1, seed: 2)
    let wx = Tensor(randomUniformShape: [d, h], in: -1...1, seed: 3)
    let wh = Tensor(randomUniformShape: [h, h], in: -1...1, seed: 4)
    let b = Tensor(randomUniformShape: [h], in: -1...1, seed: 5)
    let dNextH = Tensor(randomUniformShape: [n, h], in: -1...1, seed: 6)
    let (_, cache) = rnnStepForward(x: x, prevH: prevH, wx: wx, wh: wh, b: b)
    let grads = rnnStepBackward(dNextH: dNextH, cache: cache)
    func forward(_ x: Tensor, _ prevH: Tensor, _ wx: Tensor, _ wh: Tensor, _ b: Tensor) -> [Double] {
      rnnStepForward(x: x, prevH: prevH, wx: wx, wh: wh, b: b).nextH.data
    }
    let up = dNextH.data
    try expectGradient(
      grads.dx.data, of: { forward(Tensor(shape: x.shape, data: $0), prevH, wx, wh, b) }, upstream: up, at: x.data,
      threshold: 1e-8, "dx")
    try expectGradient(
      grads.dPrevH.data, of: { forward(x, Tensor(shape: prevH.shape, data: $0), wx, wh, b) }, upstream: up,
      at: prevH.data, threshold: 1e-8, "dPrevH")
    try expectGradient(
      grads.dWx.data, of: { forward(x, prevH, Tensor(shape: wx.shape, data: $0), wh, b) }, upstream: up, at: wx.data,
      threshold: 1e-8, "dWx")
    try expectGradient(
      grads.dWh.data, of: { forward(x, prevH, wx, Tensor(shape: wh.shape, data: $0), b) }, upstream: up, at: wh.data,
      threshold: 1e-8, "dWh")
    try expectGradient(
      grads.db.data, of: { forward(x, prevH, wx, wh, Tensor($0)) }, upstream: up, at: b.data, threshold: 1e-8, "db")
  }
}
