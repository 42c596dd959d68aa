import Foundation

/// The distribution softmax(logits / temperature); temperature 0 means greedy: all the probability on
/// the largest logit (the first one, if several tie), as llama2.c does.
func probabilities(logits: [Double], temperature: Double) -> [Double] {
  if temperature == 0 {
    let best = logits.indices.max { logits[$0] < logits[$1] || (logits[$0] == logits[$1] && $0 > $1) } ?? 0
    return logits.indices.map { $0 == best ? 1 : 0 }
  }
  let scaled = logits.map { $0 / temperature }
  let top = scaled.max() ?? 0
  let weights = scaled.map { exp($0 - top) }
  let total = weights.reduce(0, +)
  return weights.map { $0 / total }
}
