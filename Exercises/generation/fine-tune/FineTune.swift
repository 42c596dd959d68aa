import Foundation
import PracticeNumerics

// Uses your GPT and its backward pass (transformer/gpt-backward), your trainGPT
// (transformer/train-char-gpt), your maskedLoss idea (generation/masked-loss) and your checkpoint
// code (generation/checkpoint), compiled with this file.

extension GPT {
  /// `lossAndGradients` counting only the positions where mask[n][t] is true: the mean cross-entropy
  /// over those (nats), and its gradient; positions not counted contribute nothing.
  func maskedLossAndGradients(inputs: [[Int]], targets: [[Int]], mask: [[Bool]]) -> (loss: Double, gradients: GPT) {
    // TODO: your lossAndGradients, counting only the masked positions.
    (0, zeroed)
  }
}

/// The same model for a larger vocabulary: the first rows of wte are the old ones, the new tokens'
/// rows are uniform in ±scale from SplitMix64(seed). (The head is tied, so it grows too.)
func widenVocabulary(_ model: GPT, to vocabulary: Int, seed: UInt64, scale: Double = 0.1) -> GPT {
  // TODO: Tensor(randomUniformShape: [new rows, width], in: -scale...scale, seed: seed) appended to wte.
  model
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
  // TODO: pad and mask the examples; one Adam per weight tensor (beta2 = 0.99); each step a batch of
  // random examples (SplitMix64(seed: config.seed).below), maskedLossAndGradients, global clipping,
  // the rate (linear warm-up, then constant), Adam steps, progress(step, loss).
  model
}
