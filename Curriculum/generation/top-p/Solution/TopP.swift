import Foundation

/// Nucleus (top-p) filtering: keep the smallest set of most probable tokens whose probabilities sum
/// to at least p — walking the tokens in descending order of probability (ties in index order) and
/// stopping at the first whose cumulative sum is ≥ p, that token included — then renormalise.
/// (llama2.c stops only when the sum is > p, which keeps one more token at exact equality.)
func topP(_ probabilities: [Double], p: Double) -> [Double] {
  let order = probabilities.indices.sorted {
    probabilities[$0] > probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 < $1)
  }
  var kept: [Int] = []
  var total = 0.0
  for index in order {
    kept.append(index)
    total += probabilities[index]
    if total >= p { break }
  }
  var result = [Double](repeating: 0, count: probabilities.count)
  for index in kept { result[index] = probabilities[index] / total }
  return result
}
