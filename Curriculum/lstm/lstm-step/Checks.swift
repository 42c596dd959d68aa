import PracticeChecks

// Forward: CS231n's lstm_step_forward fixture; expected next_h and next_c computed with float64
// numpy at authoring time (gate order i, f, o, g), matching CS231n's printed values. With the order
// i, f, g, o instead, next_h[0, 0] would be 0.2668755074132356 (numpy). Backward: central
// differences (h = 1e-5) of the learner's forward pass through both outputs, weighted by random
// upstream gradients; threshold 1e-7 (CS231n's).

/// The fixtures, kept out of the module's global names (the learner's files share the module).
enum Fixture {
  static let x = Tensor.linspace(-0.4, 1.2, count: 12).reshaped([3, 4])
  static let prevH = Tensor.linspace(-0.3, 0.7, count: 15).reshaped([3, 5])
  static let prevC = Tensor.linspace(-0.4, 0.9, count: 15).reshaped([3, 5])
  static let wx = Tensor.linspace(-2.1, 1.3, count: 80).reshaped([4, 20])
  static let wh = Tensor.linspace(-0.7, 2.2, count: 100).reshaped([5, 20])
  static let b = Tensor.linspace(0.3, 0.7, count: 20)
}

let checks = CheckSuite {
  Check(
    "forward", "next_h and next_c on CS231n's fixture (relative error < 1e-8)", points: 12,
    hint: "Gate blocks in the order i, f, o, g: columns 0..<H, H..<2H, 2H..<3H, 3H..<4H; σ for i, f, o, tanh for g."
  ) {
    let (x, prevH, prevC, wx, wh, b) = (Fixture.x, Fixture.prevH, Fixture.prevC, Fixture.wx, Fixture.wh, Fixture.b)
    let (nextH, nextC, _) = lstmStepForward(x: x, prevH: prevH, prevC: prevC, wx: wx, wh: wh, b: b)
    try expectShape(nextH.shape, [3, 5], "nextH")
    let expectedH: [Double] = [
      0.24635157121305598, 0.286108831020461, 0.3224046717698407, 0.35525806594621184, 0.384749036059799,
      0.4922356330388874, 0.5561143066113929, 0.6150769568006216, 0.6684400284823045, 0.7159181044743833,
      0.5673566412055159, 0.663101268715901, 0.7441926638979893, 0.8088966499118183, 0.858298997623819,
    ]
    let expectedC: [Double] = [
      0.3298617631411131, 0.39145138544795877, 0.4515559995998391, 0.5101411614491791, 0.5671740736872734,
      0.663822552463782, 0.7667400672312346, 0.8719599431928136, 0.979027094948747, 1.0875134523752903,
      0.7419200783768545, 0.9059215066785871, 1.0771700614501034, 1.251202326175854, 1.4239567632592633,
    ]
    let errorH = relativeError(nextH.data, expectedH)
    let errorC = relativeError(nextC.data, expectedC)
    let order =
      abs(nextH[0, 0] - 0.2668755074132356) < 1e-9
      ? " — the gates are in the order i, f, g, o; it must be i, f, o, g" : ""
    try expect(errorH < 1e-8, "next_h: relative error \(errorH)\(order)")
    try expect(errorC < 1e-8, "next_c: relative error \(errorC)\(order)")
  }
  Check(
    "backward", "all six gradients match finite differences through both outputs (relative error < 1e-7)",
    points: 14, dependsOn: ["forward"],
    hint: "dC = dNextC + dNextH ⊙ o ⊙ (1 − tanh²(nextC)); σ′ = σ(1 − σ); then the linear layer as in the RNN step."
  ) {
    let (n, d, h) = (4, 5, 6)
    let x = Tensor(randomUniformShape: [n, d], in: -1...1, seed: 1)
    let prevH = Tensor(randomUniformShape: [n, h], in: -1...1, seed: 2)
    let prevC = Tensor(randomUniformShape: [n, h], in: -1...1, seed: 3)
    let wx = Tensor(randomUniformShape: [d, 4 * h], in: -1...1, seed: 4)
    let wh = Tensor(randomUniformShape: [h, 4 * h], in: -1...1, seed: 5)
    let b = Tensor(randomUniformShape: [4 * h], in: -1...1, seed: 6)
    let dNextH = Tensor(randomUniformShape: [n, h], in: -1...1, seed: 7)
    let dNextC = Tensor(randomUniformShape: [n, h], in: -1...1, seed: 8)
    let cache = lstmStepForward(x: x, prevH: prevH, prevC: prevC, wx: wx, wh: wh, b: b).cache
    let grads = lstmStepBackward(dNextH: dNextH, dNextC: dNextC, cache: cache)
    // Both outputs, weighted by their upstream gradients, in one vector.
    let upstream = dNextH.data + dNextC.data
    func both(_ x: Tensor, _ prevH: Tensor, _ prevC: Tensor, _ wx: Tensor, _ wh: Tensor, _ b: Tensor) -> [Double] {
      let out = lstmStepForward(x: x, prevH: prevH, prevC: prevC, wx: wx, wh: wh, b: b)
      return out.nextH.data + out.nextC.data
    }
    try expectGradient(
      grads.dx.data, of: { both(Tensor(shape: x.shape, data: $0), prevH, prevC, wx, wh, b) }, upstream: upstream,
      at: x.data, threshold: 1e-7, "dx")
    try expectGradient(
      grads.dPrevH.data, of: { both(x, Tensor(shape: prevH.shape, data: $0), prevC, wx, wh, b) }, upstream: upstream,
      at: prevH.data, threshold: 1e-7, "dPrevH")
    try expectGradient(
      grads.dPrevC.data, of: { both(x, prevH, Tensor(shape: prevC.shape, data: $0), wx, wh, b) }, upstream: upstream,
      at: prevC.data, threshold: 1e-7, "dPrevC")
    try expectGradient(
      grads.dWx.data, of: { both(x, prevH, prevC, Tensor(shape: wx.shape, data: $0), wh, b) }, upstream: upstream,
      at: wx.data, threshold: 1e-7, "dWx")
    try expectGradient(
      grads.dWh.data, of: { both(x, prevH, prevC, wx, Tensor(shape: wh.shape, data: $0), b) }, upstream: upstream,
      at: wh.data, threshold: 1e-7, "dWh")
    try expectGradient(
      grads.db.data, of: { both(x, prevH, prevC, wx, wh, Tensor($0)) }, upstream: upstream, at: b.data,
      threshold: 1e-7, "db")
  }
}
