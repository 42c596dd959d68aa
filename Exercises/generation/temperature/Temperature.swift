import Foundation

/// The distribution softmax(logits / temperature); temperature 0 means greedy: all the probability on
/// the largest logit (the first one, if several tie), as llama2.c does.
func probabilities(logits: [Double], temperature: Double) -> [Double] {
  // TODO
  logits.map { _ in 1 / Double(logits.count) }
}
