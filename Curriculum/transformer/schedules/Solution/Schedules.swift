import Foundation

/// Cross-entropy (nats) of the logits against a smoothed target: q = (1 − ε)·one-hot(target) + ε/V
/// on every class (the ε/V convention of PyTorch's `label_smoothing`).
func labelSmoothedCrossEntropy(logits: [Double], target: Int, epsilon: Double) -> Double {
  let top = logits.max() ?? 0
  let logSum = top + log(logits.reduce(0) { $0 + exp($1 - top) })
  let v = Double(logits.count)
  var loss = 0.0
  for (j, logit) in logits.enumerated() {
    let q = (j == target ? 1 - epsilon : 0) + epsilon / v
    loss -= q * (logit - logSum)
  }
  return loss
}

/// The Transformer paper's schedule ("Noam"): factor · width^−½ · min(step^−½, step · warmup^−1.5),
/// for steps counted from 1.
func noamRate(step: Int, width: Int, factor: Double, warmup: Int) -> Double {
  let s = Double(step)
  return factor * pow(Double(width), -0.5) * min(pow(s, -0.5), s * pow(Double(warmup), -1.5))
}

/// nanoGPT's `get_lr`: linear warm-up peak·(it + 1)/(warmup + 1) for it < warmup, the minimum after
/// `decayIterations`, and in between a cosine from the peak down to the minimum.
func cosineRate(iteration: Int, peak: Double, minimum: Double, warmup: Int, decayIterations: Int) -> Double {
  if iteration < warmup { return peak * Double(iteration + 1) / Double(warmup + 1) }
  if iteration > decayIterations { return minimum }
  let ratio = Double(iteration - warmup) / Double(decayIterations - warmup)
  return minimum + 0.5 * (1 + cos(Double.pi * ratio)) * (peak - minimum)
}
