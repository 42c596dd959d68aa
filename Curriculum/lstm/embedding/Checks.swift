import PracticeChecks

// Forward: CS231n's word_embedding_forward fixture, expected out[0] computed with numpy at authoring
// time (W[ids][0] = rows 0, 3, 1, 2 of linspace(0, 1, 15).reshape(5, 3)). Backward: central
// differences of the learner's forward pass. The layer is linear, but rounding in the differences
// (≈ 1e-16 / h on sums of order 1) limits small entries to ~1e-9 relative, so the threshold is
// 1e-8; forgetting to accumulate a repeated id is off by 50% or more.
let w = Tensor.linspace(0, 1, count: 15).reshaped([5, 3])
let ids = [[0, 3, 1, 2], [2, 1, 0, 3]]

let checks = CheckSuite {
  Check(
    "forward", "CS231n's fixture: out[0] is rows 0, 3, 1, 2 of W", points: 2,
    hint: "w.rows(at: ids[n]) for each sequence."
  ) {
    let out = embeddingForward(ids: ids, w: w)
    try expectEqual(out.count, 2, "sequences")
    try expectAllClose(
      out[0].data,
      [
        0, 0.07142857142857142, 0.14285714285714285, 0.6428571428571428, 0.7142857142857142, 0.7857142857142857,
        0.21428571428571427, 0.2857142857142857, 0.3571428571428571, 0.42857142857142855, 0.5, 0.5714285714285714,
      ], absolute: 1e-15, "out[0]")
    try expectShape(out[1].shape, [4, 3], "out[1]")
  }
  Check(
    "backward", "dW matches finite differences, repeated ids included (relative error < 1e-8)", points: 4,
    dependsOn: ["forward"],
    hint:
      "Add each position's gradient into its row of dW (+=, or dW.addRows(dout[n], at: ids[n])): a repeated id adds twice."
  ) {
    let repeated = [[0, 3, 3, 2], [2, 1, 0, 3], [4, 4, 4, 4]]
    let dout = (0..<3).map { Tensor(randomUniformShape: [4, 3], in: -1...1, seed: UInt64(10 + $0)) }
    let dw = embeddingBackward(dout: dout, ids: repeated, vocabulary: 5)
    try expectShape(dw.shape, [5, 3], "dW")
    let upstream = dout.flatMap(\.data)
    try expectGradient(
      dw.data, of: { embeddingForward(ids: repeated, w: Tensor(shape: [5, 3], data: $0)).flatMap(\.data) },
      upstream: upstream, at: w.data, threshold: 1e-8, "dW")
  }
}
