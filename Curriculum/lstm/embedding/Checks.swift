import PracticeChecks

// Forward: CS231n's word_embedding_forward fixture, expected sequence 0 computed with numpy at
// authoring time (W[ids][0] = rows 0, 3, 1, 2 of linspace(0, 1, 15).reshape(5, 3)); the output is
// time-major here, so sequence 0 is row 0 of out[0], out[1], out[2], out[3]. Backward: central
// differences of the learner's forward pass. The layer is linear, but rounding in the differences
// (≈ 1e-16 / h on sums of order 1) limits small entries to ~1e-9 relative, so the threshold is
// 1e-8; forgetting to accumulate a repeated id is off by 50% or more.

/// The fixtures, kept out of the module's global names (the learner's files share the module).
enum Fixture {
  static let w = Tensor.linspace(0, 1, count: 15).reshaped([5, 3])
  static let ids = [[0, 3, 1, 2], [2, 1, 0, 3]]
}

let checks = CheckSuite {
  Check(
    "forward", "CS231n's fixture: sequence 0 is rows 0, 3, 1, 2 of W", points: 2,
    hint: "For step t, the ids of every sequence at t: w.rows(at: ids.map { $0[t] })."
  ) {
    let (w, ids) = (Fixture.w, Fixture.ids)
    let out = embeddingForward(ids: ids, w: w)
    try expectEqual(out.count, 4, "time steps (one (N, D) matrix per step)")
    for step in out { try expectShape(step.shape, [2, 3], "out[t]") }
    try expectAllClose(
      out.flatMap { $0.row(0).data },
      [
        0, 0.07142857142857142, 0.14285714285714285, 0.6428571428571428, 0.7142857142857142, 0.7857142857142857,
        0.21428571428571427, 0.2857142857142857, 0.3571428571428571, 0.42857142857142855, 0.5, 0.5714285714285714,
      ], absolute: 1e-15, "sequence 0")
    try expectAllClose(out.map { $0[1, 0] }, [w[2, 0], w[1, 0], w[0, 0], w[3, 0]], absolute: 1e-15, "sequence 1")
  }
  Check(
    "backward", "dW matches finite differences, repeated ids included (relative error < 1e-8)", points: 4,
    dependsOn: ["forward"],
    hint:
      "Add each position's gradient into its row of dW (+=, or dW.addRows(dout[t], at: ids.map { $0[t] })): a repeated id adds twice."
  ) {
    let w = Fixture.w
    let repeated = [[0, 3, 3, 2], [2, 1, 0, 3], [4, 4, 4, 4]]
    let dout = (0..<4).map { Tensor(randomUniformShape: [3, 3], in: -1...1, seed: UInt64(10 + $0)) }
    let dw = embeddingBackward(dout: dout, ids: repeated, vocabulary: 5)
    try expectShape(dw.shape, [5, 3], "dW")
    let upstream = dout.flatMap(\.data)
    try expectGradient(
      dw.data, of: { embeddingForward(ids: repeated, w: Tensor(shape: [5, 3], data: $0)).flatMap(\.data) },
      upstream: upstream, at: w.data, threshold: 1e-8, "dW")
  }
}
