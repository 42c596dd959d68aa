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
  let norm = gradients.reduce(0) { total, values in values.reduce(total) { $0 + $1 * $1 } }.squareRoot()
  if norm > maxNorm {
    let scale = maxNorm / norm
    for k in gradients.indices { gradients[k] = gradients[k].map { $0 * scale } }
  }
  return norm
}

/// Trains a GPT on `text` (character ids): random windows, Adam (β₂ = 0.99), cosineRate with
/// decayIterations = steps, global clipping. Calls `progress(step, loss)` after every step.
func trainGPT(text: [Int], config: GPTTrainingConfig, progress: (Int, Double) -> Void = { _, _ in }) -> GPT {
  var model = GPT(config: config.model, seed: config.seed, scale: config.initScale)
  var optimisers = model.parameters.map { _ in
    var adam = Adam(learningRate: config.peakRate)
    adam.beta2 = 0.99
    return adam
  }
  var generator = SplitMix64(seed: config.seed)
  for step in 0..<config.steps {
    var inputs: [[Int]] = []
    var targets: [[Int]] = []
    for _ in 0..<config.batch {
      let start = generator.below(text.count - config.window - 1)
      inputs.append(Array(text[start..<start + config.window]))
      targets.append(Array(text[start + 1...start + config.window]))
    }
    let (loss, gradients) = model.lossAndGradients(inputs: inputs, targets: targets)
    var values = gradients.parameters.map(\.data)
    _ = clipGlobalNorm(&values, maxNorm: config.clip)
    let rate = cosineRate(
      iteration: step, peak: config.peakRate, minimum: config.floor * config.peakRate, warmup: config.warmup,
      decayIterations: config.steps)
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
