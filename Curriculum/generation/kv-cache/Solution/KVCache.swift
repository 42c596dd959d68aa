import Foundation
import PracticeNumerics

// Uses your GPT (transformer/tiny-gpt) with your layerNormForward, attentionForward and gelu, your
// Sampler and your uncached generate (generation/generate), compiled with this file.

/// The keys and values every layer has computed so far: keys[layer][head] is (count, head size).
struct KVCache {
  var keys: [[Tensor]]
  var values: [[Tensor]]
  /// Positions filled so far (the position of the next token fed).
  var count = 0

  init(config: GPTConfig) {
    let size = config.width / config.heads
    let empty = Tensor(shape: [0, size], data: [])
    keys = Array(repeating: Array(repeating: empty, count: config.heads), count: config.layers)
    values = keys
  }
}

/// LayerNorm of the rows without gain or shift (the course's GPT).
func stepNormalize(_ x: Tensor) -> Tensor {
  layerNormForward(x: x, gamma: Tensor(repeating: 1, shape: [x.columns]), beta: Tensor(zeros: [x.columns])).out
}

/// Appends one row to a (t, s) matrix.
func appendingRow(_ matrix: Tensor, _ row: Tensor) -> Tensor {
  Tensor(shape: [matrix.rows + 1, row.columns], data: matrix.data + row.data)
}

extension GPT {
  /// Runs one token at position `cache.count` through the model: its query attends to the cached
  /// keys and values of every earlier position and its own, which are appended to the cache.
  /// Returns the logits (V) for the token after it.
  func forwardStep(token: Int, cache: inout KVCache) -> [Double] {
    let (c, heads) = (config.width, config.heads)
    let size = c / heads
    var x = wte.rows(at: [token]) + wpe.rows(cache.count..<(cache.count + 1))
    for (l, block) in blocks.enumerated() {
      let qkv = stepNormalize(x).matmul(block.wqkv)
      var outputs: [Tensor] = []
      for h in 0..<heads {
        let columns = (h * size)..<((h + 1) * size)
        cache.keys[l][h] = appendingRow(cache.keys[l][h], qkv.columns((c + h * size)..<(c + (h + 1) * size)))
        cache.values[l][h] = appendingRow(
          cache.values[l][h], qkv.columns((2 * c + h * size)..<(2 * c + (h + 1) * size)))
        outputs.append(
          attentionForward(q: qkv.columns(columns), k: cache.keys[l][h], v: cache.values[l][h], causal: false).out)
      }
      x = x + Tensor.concatenatingColumns(outputs).matmul(block.wo)
      x = x + stepNormalize(x).matmul(block.w1).map(gelu).matmul(block.w2)
    }
    cache.count += 1
    return stepNormalize(x).matmul(wte, transposeOther: true).data
  }
}

/// Generation with a KV cache: the prompt is fed token by token (prefill), then each new token is fed
/// once. Policy past the context: when the cache is full, it is emptied and the last `context`
/// tokens are fed again — the same outputs as the uncached crop, at the uncached cost.
func generateCached(model: GPT, prompt: [Int], count: Int, sampler: inout Sampler) -> [Int] {
  var tokens = prompt
  var cache = KVCache(config: model.config)
  var logits: [Double] = []
  func refill() {
    cache = KVCache(config: model.config)
    for token in tokens.suffix(model.config.context) { logits = model.forwardStep(token: token, cache: &cache) }
  }
  refill()
  for step in 0..<count {
    tokens.append(sampler.next(logits: logits))
    if step == count - 1 { break }
    if cache.count == model.config.context {
      refill()
    } else {
      logits = model.forwardStep(token: tokens[tokens.count - 1], cache: &cache)
    }
  }
  return tokens
}

/// Token forwards for generating `newTokens` after `promptLength`, not counting the prompt's own
/// prefill: the step that extends a sequence of length t forwards t tokens without a cache, 1 with.
func tokenForwards(cached: Bool, promptLength: Int, newTokens: Int) -> Int {
  cached ? newTokens : (promptLength..<(promptLength + newTokens)).reduce(0, +)
}

/// Attention scores (per head and layer) for the same generation: without a cache the step at length
/// t computes the full t × t score matrix (as a plain implementation does, masked half included);
/// with one, the new query's t scores.
func attentionScores(cached: Bool, promptLength: Int, newTokens: Int) -> Int {
  (promptLength..<(promptLength + newTokens)).reduce(0) { $0 + (cached ? $1 : $1 * $1) }
}
