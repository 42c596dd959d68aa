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
  // TODO: prefill once with forwardStep; then for each row: copy the cache, make its sampler, and
  // sample maxTokens tokens, feeding each but the last back in.
  []
}
