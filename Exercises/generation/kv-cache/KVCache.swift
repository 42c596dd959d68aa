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

extension GPT {
  /// Runs one token at position `cache.count` through the model: its query attends to the cached
  /// keys and values of every earlier position and its own, which are appended to the cache.
  /// Returns the logits (V) for the token after it.
  func forwardStep(token: Int, cache: inout KVCache) -> [Double] {
    // TODO: x = wte row + wpe row at cache.count (one row); per block: q, k, v of LN(x); append k and
    // v to each head's cache; attentionForward of the one query over the cached keys (no mask
    // needed: everything cached is in the past); Wo; the MLP; finally LN and the tied head.
    cache.count += 1
    return [Double](repeating: 0, count: config.vocabulary)
  }
}

/// Generation with a KV cache: the prompt is fed token by token (prefill), then each new token is fed
/// once. Policy past the context: when the cache is full, it is emptied and the last `context`
/// tokens are fed again — the same outputs as the uncached crop, at the uncached cost.
func generateCached(model: GPT, prompt: [Int], count: Int, sampler: inout Sampler) -> [Int] {
  // TODO
  prompt
}

/// Token forwards for generating `newTokens` after `promptLength`, not counting the prompt's own
/// prefill: the step that extends a sequence of length t forwards t tokens without a cache, 1 with.
func tokenForwards(cached: Bool, promptLength: Int, newTokens: Int) -> Int {
  // TODO
  0
}

/// Attention scores (per head and layer) for the same generation: without a cache the step at length
/// t computes the full t × t score matrix (as a plain implementation does, masked half included);
/// with one, the new query's t scores.
func attentionScores(cached: Bool, promptLength: Int, newTokens: Int) -> Int {
  // TODO
  0
}
