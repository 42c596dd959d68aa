import Foundation
import PracticeNumerics

// Uses your KV cache (generation/kv-cache) and, through it, your GPT and Sampler (compiled with this
// file).

/// `samples` continuations of one prompt from a single prefill, as nanochat's `generate_batch`: the
/// prompt is fed once, and each row continues from its own copy of that cache (KVCache is a value:
/// copying it copies the rows) with its own sampler, seeded `seed + row`. Each row holds the
/// `maxTokens` new tokens only. Within the context, row r equals generateCached with
/// Sampler(temperature:, seed: seed + r).
func generateBatch(
  model: GPT, prompt: [Int], samples: Int, maxTokens: Int, temperature: Double, seed: UInt64
) -> [[Int]] {
  var prefilled = KVCache(config: model.config)
  var first: [Double] = []
  for token in prompt { first = model.forwardStep(token: token, cache: &prefilled) }
  return (0..<samples).map { row in
    var cache = prefilled
    var sampler = Sampler(temperature: temperature, seed: seed &+ UInt64(row))
    var logits = first
    var output: [Int] = []
    for step in 0..<maxTokens {
      let token = sampler.next(logits: logits)
      output.append(token)
      if step < maxTokens - 1 { logits = model.forwardStep(token: token, cache: &cache) }
    }
    return output
  }
}
