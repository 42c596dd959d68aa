import Foundation
import PracticeChecks

// The expected outputs are built here from the learner's attentionForward (checked in
// transformer/attention) and the library's matmul, head by head, following the layout the
// scaffold states: independent of how the learner's multi-head code slices and joins. Gradients:
// central differences of the learner's own forward pass, threshold 1e-6 (CONTENT.md 3.5).

let mhWidth = 8
let mhInput = Tensor(randomUniformShape: [5, mhWidth], in: -1...1, seed: 1)
let mhWqkv = Tensor(randomUniformShape: [mhWidth, 3 * mhWidth], in: -0.5...0.5, seed: 2)
let mhWo = Tensor(randomUniformShape: [mhWidth, mhWidth], in: -0.5...0.5, seed: 3)

/// Multi-head attention written out head by head from single-head attention.
func mhExpected(heads: Int, wqkv: Tensor, wo: Tensor) -> Tensor {
  let size = mhWidth / heads
  let qkv = mhInput.matmul(wqkv)
  let outputs = (0..<heads).map { h in
    attentionForward(
      q: qkv.columns((h * size)..<((h + 1) * size)), k: qkv.columns((mhWidth + h * size)..<(mhWidth + (h + 1) * size)),
      v: qkv.columns((2 * mhWidth + h * size)..<(2 * mhWidth + (h + 1) * size)), causal: true
    ).out
  }
  return Tensor.concatenatingColumns(outputs).matmul(wo)
}

let checks = CheckSuite {
  Check(
    "one-head", "with one head it is attention(x·Wq, x·Wk, x·Wv)·Wo (1e-12)", points: 3,
    hint: "q, k and v are the column blocks [0, C), [C, 2C) and [2C, 3C) of x·Wqkv."
  ) {
    let out = multiHeadAttentionForward(x: mhInput, wqkv: mhWqkv, wo: mhWo, heads: 1, causal: true).out
    try expectShape(out.shape, [5, mhWidth], "out")
    try expectAllClose(out.data, mhExpected(heads: 1, wqkv: mhWqkv, wo: mhWo).data, absolute: 1e-12, "out")
  }
  Check(
    "two-heads", "with two heads, each head attends within its own columns (1e-12)", points: 3,
    dependsOn: ["one-head"],
    hint: "Head h takes columns [h·s, (h + 1)·s) of q, of k and of v; s = C / heads, so each head's scale is 1/√s."
  ) {
    let out = multiHeadAttentionForward(x: mhInput, wqkv: mhWqkv, wo: mhWo, heads: 2, causal: true).out
    try expectAllClose(
      out.data, mhExpected(heads: 2, wqkv: mhWqkv, wo: mhWo).data, absolute: 1e-12, "out",
      diagnose: { got in
        let oneHead = mhExpected(heads: 1, wqkv: mhWqkv, wo: mhWo).data
        return relativeError(got, oneHead) < 1e-9 ? "that is one head over all the columns: split into heads" : nil
      })
  }
  Check(
    "permutation", "swapping the two heads consistently (in Wqkv and in Wo's rows) changes nothing", points: 2,
    dependsOn: ["two-heads"],
    hint: "The output projection sees the heads' outputs in head order; Wo's rows follow the same order."
  ) {
    let size = mhWidth / 2
    var swapped = mhWqkv
    for block in 0..<3 {
      for row in 0..<mhWidth {
        for c in 0..<size {
          let (a, b) = (block * mhWidth + c, block * mhWidth + size + c)
          (swapped[row, a], swapped[row, b]) = (mhWqkv[row, b], mhWqkv[row, a])
        }
      }
    }
    let swappedWo = Tensor.concatenatingColumns([
      mhWo.transposed.columns(size..<mhWidth), mhWo.transposed.columns(0..<size),
    ])
    .transposed
    let out = multiHeadAttentionForward(x: mhInput, wqkv: mhWqkv, wo: mhWo, heads: 2, causal: true).out
    let permuted = multiHeadAttentionForward(x: mhInput, wqkv: swapped, wo: swappedWo, heads: 2, causal: true).out
    try expectAllClose(permuted.data, out.data, absolute: 1e-12, "out with the heads swapped")
  }
  Check(
    "backward", "dx, dWqkv, dWo match finite differences, two heads, causal (< 1e-6)", points: 4,
    dependsOn: ["two-heads"],
    hint: "dWo = joinedᵀ·dout; the gradient of qkv gathers every head's dq, dk, dv in qkv's column layout."
  ) {
    let dout = Tensor(randomUniformShape: [5, mhWidth], in: -1...1, seed: 4)
    let cache = multiHeadAttentionForward(x: mhInput, wqkv: mhWqkv, wo: mhWo, heads: 2, causal: true).cache
    let grads = multiHeadAttentionBackward(dout: dout, cache: cache)
    func out(_ x: Tensor, _ wqkv: Tensor, _ wo: Tensor) -> [Double] {
      multiHeadAttentionForward(x: x, wqkv: wqkv, wo: wo, heads: 2, causal: true).out.data
    }
    try expectGradient(
      grads.dx.data, of: { out(Tensor(shape: mhInput.shape, data: $0), mhWqkv, mhWo) }, upstream: dout.data,
      at: mhInput.data,
      threshold: 1e-6, "dx")
    try expectGradient(
      grads.dWqkv.data, of: { out(mhInput, Tensor(shape: mhWqkv.shape, data: $0), mhWo) }, upstream: dout.data,
      at: mhWqkv.data,
      threshold: 1e-6, "dWqkv")
    try expectGradient(
      grads.dWo.data, of: { out(mhInput, mhWqkv, Tensor(shape: mhWo.shape, data: $0)) }, upstream: dout.data,
      at: mhWo.data,
      threshold: 1e-6, "dWo")
  }
}
