import Foundation
import PracticeNumerics

// Uses your layerNormForward, multiHeadAttentionForward (and through it attentionForward) and gelu
// from earlier transformer exercises (compiled with this file).

/// The sizes of a GPT.
struct GPTConfig {
  var vocabulary = 27
  /// The longest sequence (rows of wpe).
  var context = 32
  /// C, the width of the residual stream.
  var width = 16
  var layers = 2
  var heads = 2
}

/// One pre-LayerNorm block's weights (no biases, no LayerNorm gains).
struct Block {
  var wqkv: Tensor  // (C, 3C)
  var wo: Tensor  // (C, C)
  var w1: Tensor  // (C, 4C)
  var w2: Tensor  // (4C, C)
}

/// A tiny GPT: token and position embeddings, pre-LN blocks (x + attention(LN(x)), then
/// x + W2·gelu(W1·LN(x))), a final LayerNorm and the output head tied to the token embedding
/// (logits = LN(x)·wteᵀ). LayerNorm has no learned gain or shift here (gamma 1, beta 0, eps 1e-5).
struct GPT {
  var config: GPTConfig
  var wte: Tensor  // (V, C)
  var wpe: Tensor  // (context, C)
  var blocks: [Block]

  /// Weights from SplitMix64(seed): each entry (2u − 1)·scale, u = uniform(), filled row by row in
  /// the order wte, wpe, then for each layer wqkv, wo, w1, w2. Seed 2024 with scale 0.3 is the
  /// course's reference model.
  init(config: GPTConfig, seed: UInt64, scale: Double = 0.3) {
    var generator = SplitMix64(seed: seed)
    func fill(_ rows: Int, _ columns: Int) -> Tensor {
      Tensor(shape: [rows, columns], data: (0..<(rows * columns)).map { _ in (2 * generator.uniform() - 1) * scale })
    }
    let c = config.width
    self.config = config
    wte = fill(config.vocabulary, c)
    wpe = fill(config.context, c)
    blocks = (0..<config.layers).map { _ in
      Block(wqkv: fill(c, 3 * c), wo: fill(c, c), w1: fill(c, 4 * c), w2: fill(4 * c, c))
    }
  }

  /// LayerNorm without gain or shift.
  func normalize(_ x: Tensor) -> Tensor {
    layerNormForward(
      x: x, gamma: Tensor(repeating: 1, shape: [x.columns]), beta: Tensor(zeros: [x.columns])
    ).out
  }

  /// The logits (T, V) for every position of one sequence of at most `context` tokens.
  func forward(_ tokens: [Int]) -> Tensor {
    var x = wte.rows(at: tokens) + wpe.rows(0..<tokens.count)
    for block in blocks {
      x =
        x
        + multiHeadAttentionForward(x: normalize(x), wqkv: block.wqkv, wo: block.wo, heads: config.heads, causal: true)
        .out
      x = x + normalize(x).matmul(block.w1).map(gelu).matmul(block.w2)
    }
    return normalize(x).matmul(wte, transposeOther: true)
  }
}
