import Foundation
import PracticeNumerics

// Uses your GPT and its backward pass (transformer/gpt-backward), your trainGPT
// (transformer/train-char-gpt), your maskedLoss idea (generation/masked-loss) and your checkpoint
// code (generation/checkpoint), compiled with this file.

extension GPT {
  /// `lossAndGradients` counting only the positions where mask[n][t] is true: the mean cross-entropy
  /// over those (nats), and its gradient; positions not counted contribute nothing.
  func maskedLossAndGradients(inputs: [[Int]], targets: [[Int]], mask: [[Bool]]) -> (loss: Double, gradients: GPT) {
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
    let flatMask = mask.flatMap { $0 }
    let count = Double(max(flatMask.filter { $0 }.count, 1))
    var loss = 0.0
    let v = dLogits.columns
    for row in 0..<(n * t) {
      let base = row * v
      guard flatMask[row] else {
        for j in 0..<v { dLogits.data[base + j] = 0 }
        continue
      }
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

/// The same model for a larger vocabulary: the first rows of wte are the old ones, the new tokens'
/// rows are uniform in ±scale from SplitMix64(seed). (The head is tied, so it grows too.)
func widenVocabulary(_ model: GPT, to vocabulary: Int, seed: UInt64, scale: Double = 0.1) -> GPT {
  var wider = model
  wider.config.vocabulary = vocabulary
  let extra = Tensor(
    randomUniformShape: [vocabulary - model.config.vocabulary, model.config.width], in: -scale...scale, seed: seed)
  wider.wte = Tensor(shape: [vocabulary, model.config.width], data: model.wte.data + extra.data)
  return wider
}

/// How to fine-tune.
struct FineTuneConfig {
  var steps = 300
  var batch = 32
  /// Every example is padded with '\n' (not counted) to this many tokens.
  var length = 48
  var rate = 1e-3
  /// Linear warm-up over these steps, then the rate stays constant.
  var warmup = 50
  var clip = 1.0
  var seed: UInt64 = 1
}

/// Fine-tunes `model` on chat examples (ChatCorpus strings): each step draws `batch` examples, pads
/// them to `length` tokens, and takes an Adam step (β₂ = 0.99) on the loss of the reply tokens only
/// (ChatCorpus.replyMask of the targets), with global clipping. Calls progress(step, loss).
func fineTune(
  _ model: GPT, examples: [String], config: FineTuneConfig, progress: (Int, Double) -> Void = { _, _ in }
) -> GPT {
  var model = model
  let padding = ChatCorpus.alphabet.firstIndex(of: "\n") ?? 28
  let encoded = examples.map { text -> (tokens: [Int], mask: [Bool]) in
    let tokens = ChatCorpus.encode(text)
    let padded = tokens + [Int](repeating: padding, count: max(0, config.length - tokens.count))
    let mask = ChatCorpus.replyMask(Array(padded.dropFirst())).enumerated().map {
      $0.element && $0.offset < tokens.count - 1
    }
    return (padded, mask)
  }
  var optimisers = model.parameters.map { _ in
    var adam = Adam(learningRate: config.rate)
    adam.beta2 = 0.99
    return adam
  }
  var generator = SplitMix64(seed: config.seed)
  for step in 0..<config.steps {
    let picks = (0..<config.batch).map { _ in encoded[generator.below(encoded.count)] }
    let (loss, gradients) = model.maskedLossAndGradients(
      inputs: picks.map { Array($0.tokens.dropLast()) }, targets: picks.map { Array($0.tokens.dropFirst()) },
      mask: picks.map(\.mask))
    var values = gradients.parameters.map(\.data)
    let norm = values.reduce(0) { total, v in v.reduce(total) { $0 + $1 * $1 } }.squareRoot()
    if norm > config.clip { values = values.map { $0.map { $0 * config.clip / norm } } }
    let rate = config.rate * min(1, Double(step + 1) / Double(config.warmup))
    var parameters = model.parameters
    for k in parameters.indices {
      optimisers[k].learningRate = rate
      optimisers[k].step(&parameters[k].data, values[k])
    }
    model.parameters = parameters
    progress(step, loss)
  }
  return model
}
