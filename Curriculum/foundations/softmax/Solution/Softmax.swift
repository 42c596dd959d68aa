import Foundation

/// softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ), computed without overflow for any finite logits.
func softmax(_ logits: [Double]) -> [Double] {
  let top = logits.max() ?? 0
  let exponentials = logits.map { exp($0 - top) }
  let total = exponentials.reduce(0, +)
  return exponentials.map { $0 / total }
}

/// log Σⱼ e^(xⱼ), computed without overflow.
func logSumExp(_ logits: [Double]) -> Double {
  let top = logits.max() ?? 0
  return top + log(logits.reduce(0) { $0 + exp($1 - top) })
}

/// The cross-entropy loss −log softmax(logits)[target] in nats, and its gradient with respect to
/// the logits.
func crossEntropy(logits: [Double], target: Int) -> (loss: Double, dlogits: [Double]) {
  var gradient = softmax(logits)
  gradient[target] -= 1
  return (logSumExp(logits) - logits[target], gradient)
}
