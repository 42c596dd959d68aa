import Foundation
import PracticeChecks

// The expected outputs are built here from the learner's attentionForward (checked in
// transformer/attention) and the library's matmul, head by head, following the layout the
// scaffold states: independent of how the learner's multi-head code slices and joins. Gradients:
// central differences of the learner's own forward pass, threshold 1e-6 (CONTENT.md 3.5).

let width = 8
let x = Tensor(randomUniformShape: [5, width], in: -1...1, seed: 1)
let wqkv = Tensor(randomUniformShape: [width, 3 * width], in: -0.5...0.5, seed: 2)
let wo = Tensor(randomUniformShape: [width, width], in: -0.5...0.5, seed: 3)

/// Multi-head attention written out head by head from single-head attention.
func expected(heads: Int, wqkv: Tensor, wo: Tensor) -> Tensor {
  let size = width / heads
  let qkv = x.matmul(wqkv)
  let outputs = (0..<heads).map { h in
    attentionForward(
      q: qkv.columns((h * size)..<((h + 1) * size)), k: qkv.columns((width + h * size)..<(width + (h + 1) * size)),
      v: qkv.columns((2 * width + h * size)..<(2 * width + (h + 1) * size)), causal: true
    ).out
  }
  return Tensor.concatenatingColumns(outputs).matmul(wo)
}

let checks = CheckSuite {
  Check(
    "one-head", "with one head it is attention(x·Wq, x·Wk, x·Wv)·Wo (1e-12)", points: 3,
    hint: "q, k and v are the column blocks [0, C), [C, 2C) and [2C, 3C) of x·Wqkv."
  ) {
    let out = multiHeadAttentionForward(x: x, wqkv: wqkv, wo: wo, heads: 1, causal: true).out
    try expectShape(out.shape, [5, width], "out")
    try expectAllClose(out.data, expected(heads: 1, wqkv: wqkv, wo: wo).data, absolute: 1e-12, "out")
  }
  Check(
    "two-heads", "with two heads, each head attends within its own columns (1e-12)", points: 3,
    dependsOn: ["one-head"],
    hint: "Head h takes columns [h·s, (h + 1)·s) of q, of k and of v; s = C / heads, so each head's scale is 1/√s."
  ) {
    let out = multiHeadAttentionForward(x: x, wqkv: wqkv, wo: wo, heads: 2, causal: true).out
    try expectAllClose(
      out.data, expected(heads: 2, wqkv: wqkv, wo: wo).data, absolute: 1e-12, "out",
      diagnose: { got in
        let oneHead = expected(heads: 1, wqkv: wqkv, wo: wo).data
        return relativeError(got, oneHead) < 1e-9 ? "that is one head over all the columns: split into heads" : nil
      })
  }
  Check(
    "permutation", "swapping the two heads consistently (in Wqkv and in Wo's rows) changes nothing", points: 2,
    dependsOn: ["two-heads"],
    hint: "The output projection sees the heads' outputs in head order; Wo's rows follow the same order."
  ) {
    let size = width / 2
    var swapped = wqkv
    for block in 0..<3 {
      for row in 0..<width {
        for c in 0..<size {
          let (a, b) = (block * width + c, block * width + size + c)
          (swapped[row, a], swapped[row, b]) = (wqkv[row, b], wqkv[row, a])
        }
      }
    }
    let swappedWo = Tensor.concatenatingColumns([wo.transposed.columns(size..<width), wo.transposed.columns(0..<size)])
      .transposed
    let out = multiHeadAttentionForward(x: x, wqkv: wqkv, wo: wo, heads: 2, causal: true).out
    let permuted = multiHeadAttentionForward(x: x, wqkv: swapped, wo: swappedWo, heads: 2, causal: true).out
    try expectAllClose(permuted.data, out.data, absolute: 1e-12, "out with the heads swapped")
  }
  Check(
    "backward", "dx, dWqkv, dWo match finite differences, two heads, causal (< 1e-6)", points: 4,
    dependsOn: ["two-heads"],
    hint: "dWo = joinedᵀ·dout; the gradient of qkv gathers every head's dq, dk, dv in qkv's column layout."
  ) {
    let dout = Tensor(randomUniformShape: [5, width], in: -1...1, seed: 4)
    let cache = multiHeadAttentionForward(x: x, wqkv: wqkv, wo: wo, heads: 2, causal: true).cache
    let grads = multiHeadAttentionBackward(dout: dout, cache: cache)
    func out(_ x: Tensor, _ wqkv: Tensor, _ wo: Tensor) -> [Double] {
      multiHeadAttentionForward(x: x, wqkv: wqkv, wo: wo, heads: 2, causal: true).out.data
    }
    try expectGradient(
      grads.dx.data, of: { out(Tensor(shape: x.shape, data: $0), wqkv, wo) }, upstream: dout.data, at: x.data,
      threshold: 1e-6, "dx")
    try expectGradient(
      grads.dWqkv.data, of: { out(x, Tensor(shape: wqkv.shape, data: $0), wo) }, upstream: dout.data, at: wqkv.data,
      threshold: 1e-6, "dWqkv")
    try expectGradient(
      grads.dWo.data, of: { out(x, wqkv, Tensor(shape: wo.shape, data: $0)) }, upstream: dout.data, at: wo.data,
      threshold: 1e-6, "dWo")
  }
}
