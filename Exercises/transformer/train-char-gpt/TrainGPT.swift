import Foundation
import PracticeNumerics

// Uses your GPT and its lossAndGradients (transformer/tiny-gpt, transformer/gpt-backward), your
// cosineRate (transformer/schedules) and your Adam (foundations/adam), compiled with this file.

/// How to train the character GPT.
struct GPTTrainingConfig {
  var model = GPTConfig(vocabulary: 27, context: 64, width: 32, layers: 2, heads: 2)
  var batch = 32
  var window = 64
  var steps = 1000
  var peakRate = 1e-2
  var warmup = 100
  /// The rate decays to this fraction of the peak at the last step.
  var floor = 0.1
  var clip = 1.0
  /// The initial weights are uniform in ±initScale.
  var initScale = 0.1
  var seed: UInt64 = 1
}

/// Scales every gradient by maxNorm / norm when their global L2 norm exceeds maxNorm (no epsilon);
/// returns the norm before clipping.
func clipGlobalNorm(_ gradients: inout [[Double]], maxNorm: Double) -> Double {
  // TODO
  return 0
}

/// Trains a GPT on `text` (character ids): random windows, Adam (β₂ = 0.99), cosineRate with
/// decayIterations = steps, global clipping. Calls `progress(step, loss)` after every step.
func trainGPT(text: [Int], config: GPTTrainingConfig, progress: (Int, Double) -> Void = { _, _ in }) -> GPT {
  let model = GPT(config: config.model, seed: config.seed, scale: config.initScale)
  // TODO: one Adam per tensor of model.parameters (beta2 = 0.99) and a SplitMix64(seed: config.seed).
  // Each step: config.batch random windows (start = generator.below(text.count − window − 1),
  // targets shifted by one), lossAndGradients, clipGlobalNorm over all the gradients, the rate from
  // your cosineRate (minimum floor·peak, decayIterations = steps), an Adam step on every tensor,
  // then progress(step, loss).
  return model
}
