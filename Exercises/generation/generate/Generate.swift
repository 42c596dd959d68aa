import Foundation
import PracticeNumerics

// Uses your GPT (transformer/tiny-gpt) and your Sampler (generation/sampler), compiled with this file.

/// Generates `count` tokens after `prompt`, without a cache: every step runs the sequence so far —
/// cropped to its last `model.config.context` tokens, as nanoGPT's `generate` does — through
/// `forward`, and the sampler picks the next token from the last position's logits. Returns the
/// prompt followed by the new tokens.
func generate(model: GPT, prompt: [Int], count: Int, sampler: inout Sampler) -> [Int] {
  // TODO
  prompt
}
