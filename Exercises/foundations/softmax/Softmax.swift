import Foundation

/// softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ), computed without overflow for any finite logits.
func softmax(_ logits: [Double]) -> [Double] {
  // TODO: subtract the largest logit first.
  return logits
}

/// log Σⱼ e^(xⱼ), computed without overflow.
func logSumExp(_ logits: [Double]) -> Double {
  // TODO
  return 0
}

/// The cross-entropy loss −log softmax(logits)[target] in nats, and its gradient with respect to
/// the logits.
func crossEntropy(logits: [Double], target: Int) -> (loss: Double, dlogits: [Double]) {
  // TODO
  return (0, logits.map { _ in 0 })
}
