import Foundation
import PracticeChecks

// Every expected gradient is a central difference (h = 1e-5) of the learner's own attentionForward
// (checked in transformer/attention); threshold 1e-7 as CONTENT.md 3.4.

func checkAttentionGradients(
  q: Tensor, k: Tensor, v: Tensor, causal: Bool, allowed: [[Bool]]? = nil, seed: UInt64, _ label: String
) throws {
  let dout = Tensor(randomUniformShape: [q.rows, v.columns], in: -1...1, seed: seed)
  let cache = attentionForward(q: q, k: k, v: v, causal: causal, allowed: allowed).cache
  let (dq, dk, dv) = attentionBackward(dout: dout, cache: cache)
  try expectShape(dq.shape, q.shape, "\(label) dq")
  try expectShape(dk.shape, k.shape, "\(label) dk")
  try expectShape(dv.shape, v.shape, "\(label) dv")
  func out(_ q: Tensor, _ k: Tensor, _ v: Tensor) -> [Double] {
    attentionForward(q: q, k: k, v: v, causal: causal, allowed: allowed).out.data
  }
  try expectGradient(
    dq.data, of: { out(Tensor(shape: q.shape, data: $0), k, v) }, upstream: dout.data, at: q.data, threshold: 1e-7,
    "\(label) dq")
  try expectGradient(
    dk.data, of: { out(q, Tensor(shape: k.shape, data: $0), v) }, upstream: dout.data, at: k.data, threshold: 1e-7,
    "\(label) dk")
  try expectGradient(
    dv.data, of: { out(q, k, Tensor(shape: v.shape, data: $0)) }, upstream: dout.data, at: v.data, threshold: 1e-7,
    "\(label) dv")
}

let checks = CheckSuite {
  Check(
    "causal", "causal self-attention, 5 × 4: dq, dk, dv match finite differences (< 1e-7)", points: 6,
    hint: "dv = Wᵀ·dout first; then dW = dout·vᵀ and the softmax backward row by row."
  ) {
    try checkAttentionGradients(
      q: Tensor(randomUniformShape: [5, 4], in: -1...1, seed: 1),
      k: Tensor(randomUniformShape: [5, 4], in: -1...1, seed: 2),
      v: Tensor(randomUniformShape: [5, 4], in: -1...1, seed: 3), causal: true, seed: 4, "causal")
  }
  Check(
    "cross", "3 queries over 6 keys, no mask (< 1e-7)", points: 3, dependsOn: ["causal"],
    hint: "dq is (Tq, d) and dk (Tk, d): dq = dS·k·scale, dk = dSᵀ·q·scale."
  ) {
    try checkAttentionGradients(
      q: Tensor(randomUniformShape: [3, 4], in: -1...1, seed: 5),
      k: Tensor(randomUniformShape: [6, 4], in: -1...1, seed: 6),
      v: Tensor(randomUniformShape: [6, 2], in: -1...1, seed: 7), causal: false, seed: 8, "cross")
  }
  Check(
    "masked", "with a padding mask and a fully masked query: finite, and zero where nothing flows (< 1e-7)", points: 3,
    dependsOn: ["causal"],
    hint: "Masked weights are 0, so their score gradients are 0 too; a fully masked query row gets dq = 0."
  ) {
    var allowed = [[Bool]](repeating: [true, false, true, true, false], count: 4)
    allowed[1] = [false, false, false, false, false]
    let q = Tensor(randomUniformShape: [4, 3], in: -1...1, seed: 9)
    try checkAttentionGradients(
      q: q, k: Tensor(randomUniformShape: [5, 3], in: -1...1, seed: 10),
      v: Tensor(randomUniformShape: [5, 2], in: -1...1, seed: 11), causal: false, allowed: allowed, seed: 12, "masked")
    let cache = attentionForward(
      q: q, k: Tensor(randomUniformShape: [5, 3], in: -1...1, seed: 10),
      v: Tensor(randomUniformShape: [5, 2], in: -1...1, seed: 11), causal: false, allowed: allowed
    ).cache
    let (dq, dk, dv) = attentionBackward(dout: Tensor(repeating: 1, shape: [4, 2]), cache: cache)
    try expectFinite(dq.data + dk.data + dv.data, "gradients")
    try expectAllClose(dq.row(1).data, [0, 0, 0], absolute: 0, "dq of the fully masked query")
    try expectAllClose(dk.row(1).data + dk.row(4).data, [0, 0, 0, 0, 0, 0], absolute: 0, "dk of the masked keys")
  }
}
