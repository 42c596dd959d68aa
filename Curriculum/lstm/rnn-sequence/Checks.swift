import Foundation
import PracticeChecks

// Forward: CS231n's rnn_forward fixture (N, T, D, H = 2, 3, 4, 5); expected h computed with float64
// numpy at authoring time (Curriculum/lstm/authoring/reference_values.py, "rnn-sequence / forward"),
// matching CS231n's printed values. CS231n asks for 1e-7; the check asks for 1e-8.
// Backward: central differences (h = 1e-5) of the learner's own rnnForward on SplitMix64 inputs with
// T = 10, against CS231n's threshold 1e-6. The reference solution's worst entry is 1.1e-7, on an
// entry of 1.4e-4 where rounding in the differences (~1e-11 absolute) dominates; h = 1e-4 trades
// that for truncation error (3.6e-7).

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
    "forward", "h on CS231n's fixture, every step (relative error < 1e-8)", points: 4,
    hint: "Each step starts from the hidden state the previous step produced; the first from h0."
  ) {
    let x = timeMajor(Tensor.linspace(-0.1, 0.3, count: 24).data, n: 2, t: 3, d: 4)
    let h0 = Tensor.linspace(-0.3, 0.1, count: 10).reshaped([2, 5])
    let wx = Tensor.linspace(-0.2, 0.4, count: 20).reshaped([4, 5])
    let wh = Tensor.linspace(-0.4, 0.1, count: 25).reshaped([5, 5])
    let b = Tensor.linspace(-0.7, 0.1, count: 5)
    let h = rnnForward(x: x, h0: h0, wx: wx, wh: wh, b: b).h
    try expectEqual(h.count, 3, "time steps")
    for step in h { try expectShape(step.shape, [2, 5], "h[t]") }
    let expected: [Double] = [
      -0.42070749422936604, -0.2727926123591627, -0.11074945195674168, 0.05740408601117747, 0.22236250698470283,
      -0.3952580808226089, -0.22554660564412654, -0.04094539710615053, 0.14649411925904904, 0.3239731602547246,
      -0.42305111163548187, -0.24223727551154242, -0.04287026950065463, 0.15997044634009375, 0.3501452527123639,
      -0.5585747447392556, -0.3906582465800071, -0.1919818177467184, 0.02378407632371114, 0.23735670884056964,
      -0.27150198603490644, -0.07088804273366758, 0.13562938866156404, 0.3309972766931685, 0.5015876837699241,
      -0.5101482461778555, -0.30524428586196584, -0.06755201650071449, 0.1780639205651804, 0.40333042994219465,
    ]
    let error = relativeError(batchMajor(h), expected)
    try expect(error < 1e-8, "relative error \(error) against CS231n's h")
  }
  Check(
    "bptt", "with a gradient on the last state only, it flows back through all ten steps (relative error < 1e-6)",
    points: 3, dependsOn: ["forward"],
    hint: "Carry dPrevH from step t back into step t − 1: that carried gradient is the only one reaching early steps."
  ) {
    try checkBackward(onlyLast: true)
  }
  Check(
    "backward", "with a gradient on every state, all five gradients match finite differences (< 1e-6)", points: 3,
    dependsOn: ["forward"],
    hint: "The gradient reaching h[t] is dh[t] plus the carried dPrevH; dWx, dWh and db add up over the steps."
  ) {
    try checkBackward(onlyLast: false)
  }
}

/// CS231n's rnn_backward check (N, D, T, H = 2, 3, 10, 5) on SplitMix64 values.
func checkBackward(onlyLast: Bool) throws {
  let (n, d, t, h) = (2, 3, 10, 5)
  let x = (0..<t).map { Tensor(randomUniformShape: [n, d], in: -1...1, seed: UInt64(100 + $0)) }
  let h0 = Tensor(randomUniformShape: [n, h], in: -1...1, seed: 1)
  let wx = Tensor(randomUniformShape: [d, h], in: -1...1, seed: 2)
  let wh = Tensor(randomUniformShape: [h, h], in: -1...1, seed: 3)
  let b = Tensor(randomUniformShape: [h], in: -1...1, seed: 4)
  let dh = (0..<t).map { step in
    onlyLast && step < t - 1
      ? Tensor(zeros: [n, h]) : Tensor(randomUniformShape: [n, h], in: -1...1, seed: UInt64(200 + step))
  }
  let (out, cache) = rnnForward(x: x, h0: h0, wx: wx, wh: wh, b: b)
  try expectEqual(out.count, t, "time steps")
  let grads = rnnBackward(dh: dh, cache: cache)
  try expectEqual(grads.dx.count, t, "dx time steps")
  let upstream = dh.flatMap(\.data)
  func run(_ x: [Tensor], _ h0: Tensor, _ wx: Tensor, _ wh: Tensor, _ b: Tensor) -> [Double] {
    rnnForward(x: x, h0: h0, wx: wx, wh: wh, b: b).h.flatMap(\.data)
  }
  func steps(_ flat: [Double]) -> [Tensor] {
    (0..<t).map { Tensor(shape: [n, d], data: Array(flat[$0 * n * d..<($0 + 1) * n * d])) }
  }
  try expectGradient(
    grads.dx.flatMap(\.data), of: { run(steps($0), h0, wx, wh, b) }, upstream: upstream, at: x.flatMap(\.data),
    threshold: 1e-6, "dx")
  try expectGradient(
    grads.dh0.data, of: { run(x, Tensor(shape: h0.shape, data: $0), wx, wh, b) }, upstream: upstream, at: h0.data,
    threshold: 1e-6, "dh0")
  try expectGradient(
    grads.dWx.data, of: { run(x, h0, Tensor(shape: wx.shape, data: $0), wh, b) }, upstream: upstream, at: wx.data,
    threshold: 1e-6, "dWx")
  try expectGradient(
    grads.dWh.data, of: { run(x, h0, wx, Tensor(shape: wh.shape, data: $0), b) }, upstream: upstream, at: wh.data,
    threshold: 1e-6, "dWh")
  try expectGradient(
    grads.db.data, of: { run(x, h0, wx, wh, Tensor($0)) }, upstream: upstream, at: b.data, threshold: 1e-6, "db")
}
