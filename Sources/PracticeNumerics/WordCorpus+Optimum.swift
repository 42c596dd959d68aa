import Foundation

extension WordCorpus {
  /// The best possible score of any model on windows of `text`: the exact mean −log₂ p of the
  /// characters at output positions `scoredFrom..<inputs` of `windows` windows of `inputs` + 1
  /// characters taken every `stride` characters, when each window is read with no earlier context
  /// (the convention of the course's training checks: 1024 windows of 64 inputs every 64
  /// characters, positions 16…63, 0.39686 bits/char on the standard validation text).
  ///
  /// It is computed with the chain's own probabilities: a hidden Markov model over (word, letter)
  /// states, each window starting from the stationary distribution over states, filtered character
  /// by character. Characters of `text` must be spaces and letters of this corpus's words.
  public func optimalBits(text: String, windows: Int, inputs: Int = 64, stride: Int = 64, scoredFrom: Int = 16)
    -> Double
  {
    let alphabet = Array(" abcdefghijklmnopqrstuvwxyz")
    // States: (word w, position k in 0...len(w)); k = len(w) emits the space after the word.
    var first: [Int] = []
    var emission: [Int] = []
    var owner: [Int] = []
    for (w, word) in words.enumerated() {
      first.append(emission.count)
      for character in word { emission.append(alphabet.firstIndex(of: character) ?? 0) }
      emission.append(0)
      owner += [Int](repeating: w, count: word.count + 1)
    }
    let pi = stationary
    var prior = owner.map { pi[$0] }
    let total = prior.reduce(0, +)
    prior = prior.map { $0 / total }
    let ids = text.map { alphabet.firstIndex(of: $0) ?? 0 }
    var bits = 0.0
    var scored = 0
    for window in 0..<windows {
      let chars = Array(ids[(window * stride)..<(window * stride + inputs + 1)])
      var belief = prior
      for (t, character) in chars.enumerated() {
        if t > scoredFrom {
          var p = 0.0
          for s in belief.indices where emission[s] == character { p += belief[s] }
          bits -= log2(p)
          scored += 1
        }
        var mass = 0.0
        for s in belief.indices {
          if emission[s] != character { belief[s] = 0 } else { mass += belief[s] }
        }
        var next = [Double](repeating: 0, count: belief.count)
        for s in belief.indices where belief[s] > 0 {
          let w = owner[s]
          let isSpace = s == first[w] + words[w].count
          if isSpace {
            for (b, probability) in transitions[w].enumerated() where probability > 0 {
              next[first[b]] += belief[s] / mass * probability
            }
          } else {
            next[s + 1] += belief[s] / mass
          }
        }
        belief = next
      }
    }
    return bits / Double(scored)
  }
}
