import Foundation

/// Cross-entropy (nats) of the logits against a smoothed target: q = (1 − ε)·one-hot(target) + ε/V
/// on every class (the ε/V convention of PyTorch's `label_smoothing`).
func labelSmoothedCrossEntropy(logits: [Double], target: Int, epsilon: Double) -> Double {
  // TODO: −Σⱼ qⱼ·log softmax(logits)ⱼ, with a stable log-softmax.
  0
}

/// The Transformer paper's schedule ("Noam"): factor · width^−½ · min(step^−½, step · warmup^−1.5),
/// for steps counted from 1.
func noamRate(step: Int, width: Int, factor: Double, warmup: Int) -> Double {
  // TODO
  0
}

/// nanoGPT's `get_lr`: linear warm-up peak·(it + 1)/(warmup + 1) for it < warmup, the minimum after
/// `decayIterations`, and in between a cosine from the peak down to the minimum.
func cosineRate(iteration: Int, peak: Double, minimum: Double, warmup: Int, decayIterations: Int) -> Double {
  // TODO
  peak
}
