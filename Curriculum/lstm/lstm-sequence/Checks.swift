import Foundation
import PracticeChecks

// Forward: CS231n's lstm_forward fixture (N, D, H, T = 2, 5, 4, 3); expected h computed with float64
// numpy at authoring time (Curriculum/lstm/authoring/reference_values.py, "lstm-sequence / forward"),
// matching CS231n's printed values. CS231n asks for 1e-7; the check asks for 1e-8.
// Backward: central differences of the learner's own lstmForward on SplitMix64 inputs with T = 10,
// against 1e-6 on all five (CS231n: 1e-8, and 1e-6 for dWh). The step is h = 1e-4: with 1e-5 the
// rounding on entries as small as ~1e-5 gives 2.5e-7 (dh0); with 1e-4 the reference
// solution's worst entry is 4.8e-8.

/// (N, T, D) numbers, row-major as numpy holds them, as T matrices of (N, D).
func timeMajor(_ values: [Double], n: Int, t: Int, d: Int) -> [Tensor] {
  (0..<t).map { step -> Tensor in
    var data: [Double] = []
    for row in 0..<n {
      let start = (row * t + step) * d
      data += values[start..<start + d]
    }
    return Tensor(shape: [n, d], data: data)
  }
}

/// T matrices of (N, H) back to (N, T, H) order.
func batchMajor(_ steps: [Tensor]) -> [Double] {
  guard let first = steps.first else { return [] }
  return (0..<first.rows).flatMap { row in steps.flatMap { $0.row(row).data } }
}

let checks = CheckSuite {
  Check(
    "forward", "h on CS231n's fixture, every step (relative error < 1e-8)", points: 6,
    hint: "Carry both states from step to step; the cell state starts at zero, the hidden state at h0."
  ) {
    let x = timeMajor(Tensor.linspace(-0.4, 0.6, count: 30).data, n: 2, t: 3, d: 5)
    let h0 = Tensor.linspace(-0.4, 0.8, count: 8).reshaped([2, 4])
    let wx = Tensor.linspace(-0.2, 0.9, count: 80).reshaped([5, 16])
    let wh = Tensor.linspace(-0.3, 0.6, count: 64).reshaped([4, 16])
    let b = Tensor.linspace(0.2, 0.7, count: 16)
    let h = lstmForward(x: x, h0: h0, wx: wx, wh: wh, b: b).h
    try expectEqual(h.count, 3, "time steps")
    for step in h { try expectShape(step.shape, [2, 4], "h[t]") }
    let expected: [Double] = [
      0.01764008303781165, 0.01823233216757056, 0.01882670704503837, 0.01942320316243587,
      0.1128749091966074, 0.12146228463977858, 0.13018446442822873, 0.13902938790840177,
      0.31358767932721554, 0.3333862715638398, 0.3530445311295057, 0.3725097476682582,
      0.45767878659560074, 0.4761091991628703, 0.4936887023441314, 0.5104194522063021,
      0.6704845009080801, 0.6935008904076979, 0.7148601377683881, 0.7346449026659514,
      0.8173351139038457, 0.836778712496834, 0.8540375323364592, 0.8693531429947408,
    ]
    let error = relativeError(batchMajor(h), expected)
    try expect(error < 1e-8, "relative error \(error) against CS231n's h")
  }
  Check(
    "bptt", "with a gradient on the last state only, it flows back through all ten steps (relative error < 1e-6)",
    points: 4, dependsOn: ["forward"],
    hint: "Both dPrevH and dPrevC of step t go into step t − 1: the cell state's gradient is carried too."
  ) {
    try checkBackward(onlyLast: true)
  }
  Check(
    "backward", "with a gradient on every state, all five gradients match finite differences (< 1e-6)", points: 4,
    dependsOn: ["forward"],
    hint: "The gradient reaching h[t] is dh[t] plus the carried dPrevH; the weights' gradients add up over the steps."
  ) {
    try checkBackward(onlyLast: false)
  }
}

/// CS231n's lstm_backward check (N, D, T, H = 2, 3, 10, 6) on SplitMix64 values.
func checkBackward(onlyLast: Bool) throws {
  let (n, d, t, h) = (2, 3, 10, 6)
  let x = (0..<t).map { Tensor(randomUniformShape: [n, d], in: -1...1, seed: UInt64(100 + $0)) }
  let h0 = Tensor(randomUniformShape: [n, h], in: -1...1, seed: 1)
  let wx = Tensor(randomUniformShape: [d, 4 * h], in: -1...1, seed: 2)
  let wh = Tensor(randomUniformShape: [h, 4 * h], in: -1...1, seed: 3)
  let b = Tensor(randomUniformShape: [4 * h], in: -1...1, seed: 4)
  let dh = (0..<t).map { step in
    onlyLast && step < t - 1
      ? Tensor(zeros: [n, h]) : Tensor(randomUniformShape: [n, h], in: -1...1, seed: UInt64(200 + step))
  }
  let (out, cache) = lstmForward(x: x, h0: h0, wx: wx, wh: wh, b: b)
  try expectEqual(out.count, t, "time steps")
  let grads = lstmBackward(dh: dh, cache: cache)
  try expectEqual(grads.dx.count, t, "dx time steps")
  let upstream = dh.flatMap(\.data)
  func run(_ x: [Tensor], _ h0: Tensor, _ wx: Tensor, _ wh: Tensor, _ b: Tensor) -> [Double] {
    lstmForward(x: x, h0: h0, wx: wx, wh: wh, b: b).h.flatMap(\.data)
  }
  func steps(_ flat: [Double]) -> [Tensor] {
    (0..<t).map { Tensor(shape: [n, d], data: Array(flat[$0 * n * d..<($0 + 1) * n * d])) }
  }
  try expectGradient(
    grads.dx.flatMap(\.data), of: { run(steps($0), h0, wx, wh, b) }, upstream: upstream, at: x.flatMap(\.data), h: 1e-4,
    threshold: 1e-6, "dx")
  try expectGradient(
    grads.dh0.data, of: { run(x, Tensor(shape: h0.shape, data: $0), wx, wh, b) }, upstream: upstream, at: h0.data,
    h: 1e-4,
    threshold: 1e-6, "dh0")
  try expectGradient(
    grads.dWx.data, of: { run(x, h0, Tensor(shape: wx.shape, data: $0), wh, b) }, upstream: upstream, at: wx.data,
    h: 1e-4,
    threshold: 1e-6, "dWx")
  try expectGradient(
    grads.dWh.data, of: { run(x, h0, wx, Tensor(shape: wh.shape, data: $0), b) }, upstream: upstream, at: wh.data,
    h: 1e-4,
    threshold: 1e-6, "dWh")
  try expectGradient(
    grads.db.data, of: { run(x, h0, wx, wh, Tensor($0)) }, upstream: upstream, at: b.data, h: 1e-4, threshold: 1e-6,
    "db")
}
