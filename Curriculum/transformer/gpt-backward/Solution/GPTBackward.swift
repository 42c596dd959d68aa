import Foundation
import PracticeNumerics

// Uses your GPT from transformer/tiny-gpt and, through it, your layer-norm, multi-head attention
// (forward and backward) and gelu (compiled with this file).

extension GPT {
  /// Every weight, in a fixed order: wte, wpe, then for each block wqkv, wo, w1, w2.
  var parameters: [Tensor] {
    get { [wte, wpe] + blocks.flatMap { [$0.wqkv, $0.wo, $0.w1, $0.w2] } }
    set {
      wte = newValue[0]
      wpe = newValue[1]
      for l in blocks.indices {
        blocks[l] = Block(
          wqkv: newValue[2 + 4 * l], wo: newValue[3 + 4 * l], w1: newValue[4 + 4 * l], w2: newValue[5 + 4 * l])
      }
    }
  }

  /// The same model with every weight zero (a container for gradients).
  var zeroed: GPT {
    var copy = self
    copy.parameters = parameters.map { Tensor(zeros: $0.shape) }
    return copy
  }

  /// The mean cross-entropy (nats) of predicting targets[n][t] from inputs[n][0…t], over all N·T
  /// positions, and the gradient of every weight (as a GPT).
  func lossAndGradients(inputs: [[Int]], targets: [[Int]]) -> (loss: Double, gradients: GPT) {
    let (n, t, c) = (inputs.count, inputs[0].count, config.width)
    let ids = inputs.flatMap { $0 }
    let positions = (0..<n).flatMap { _ in Array(0..<t) }
    let ones = Tensor(repeating: 1, shape: [c])
    let zeros = Tensor(zeros: [c])
    func stack(_ parts: [Tensor]) -> Tensor { Tensor(shape: [n * t, parts[0].columns], data: parts.flatMap(\.data)) }
    func sequence(_ x: Tensor, _ s: Int) -> Tensor { x.rows((s * t)..<((s + 1) * t)) }

    // Forward over all N·T rows at once; attention one sequence at a time.
    var x = wte.rows(at: ids) + wpe.rows(at: positions)
    var caches:
      [(
        ln1: LayerNormCache, heads: [MultiHeadCache], ln2: LayerNormCache, normed: Tensor, hidden: Tensor,
        activated: Tensor
      )] = []
    for block in blocks {
      let (normed1, ln1) = layerNormForward(x: x, gamma: ones, beta: zeros)
      var outs: [Tensor] = []
      var heads: [MultiHeadCache] = []
      for s in 0..<n {
        let (out, cache) = multiHeadAttentionForward(
          x: sequence(normed1, s), wqkv: block.wqkv, wo: block.wo, heads: config.heads, causal: true)
        outs.append(out)
        heads.append(cache)
      }
      x = x + stack(outs)
      let (normed2, ln2) = layerNormForward(x: x, gamma: ones, beta: zeros)
      let hidden = normed2.matmul(block.w1)
      let activated = hidden.map(gelu)
      x = x + activated.matmul(block.w2)
      caches.append((ln1, heads, ln2, normed2, hidden, activated))
    }
    let (final, lnFinal) = layerNormForward(x: x, gamma: ones, beta: zeros)
    var dLogits = final.matmul(wte, transposeOther: true)

    // Softmax cross-entropy, mean over the N·T positions.
    let flatTargets = targets.flatMap { $0 }
    let count = Double(n * t)
    var loss = 0.0
    let v = dLogits.columns
    for row in 0..<(n * t) {
      let base = row * v
      let top = dLogits.data[base..<base + v].max() ?? 0
      var total = 0.0
      for j in 0..<v { total += exp(dLogits.data[base + j] - top) }
      loss -= dLogits.data[base + flatTargets[row]] - top - log(total)
      for j in 0..<v {
        dLogits.data[base + j] = (exp(dLogits.data[base + j] - top) / total - (j == flatTargets[row] ? 1 : 0)) / count
      }
    }

    // Backward.
    var grads = zeroed
    grads.wte = dLogits.matmul(final, transposeSelf: true)
    var dx = layerNormBackward(dout: dLogits.matmul(wte), cache: lnFinal).dx
    for l in blocks.indices.reversed() {
      let block = blocks[l]
      let cache = caches[l]
      let dHidden = dx.matmul(block.w2, transposeOther: true) * cache.hidden.map(geluDerivative)
      grads.blocks[l].w2 = cache.activated.matmul(dx, transposeSelf: true)
      grads.blocks[l].w1 = cache.normed.matmul(dHidden, transposeSelf: true)
      dx = dx + layerNormBackward(dout: dHidden.matmul(block.w1, transposeOther: true), cache: cache.ln2).dx
      var dNormed: [Tensor] = []
      for s in 0..<n {
        let back = multiHeadAttentionBackward(dout: sequence(dx, s), cache: cache.heads[s])
        dNormed.append(back.dx)
        grads.blocks[l].wqkv += back.dWqkv
        grads.blocks[l].wo += back.dWo
      }
      dx = dx + layerNormBackward(dout: stack(dNormed), cache: cache.ln1).dx
    }
    grads.wte.addRows(dx, at: ids)
    grads.wpe.addRows(dx, at: positions)
    return (loss / count, grads)
  }
}
