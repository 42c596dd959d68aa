import Foundation

/// Nucleus (top-p) filtering: keep the smallest set of most probable tokens whose probabilities sum
/// to at least p — walking the tokens in descending order of probability (ties in index order) and
/// stopping at the first whose cumulative sum is ≥ p, that token included — then renormalise.
/// (llama2.c stops only when the sum is > p, which keeps one more token at exact equality.)
func topP(_ probabilities: [Double], p: Double) -> [Double] {
  // TODO
  probabilities
}
