#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Corpus W: a Markov chain over 64 made-up words, rendered as characters ("nuwuqa so qe paxuc …").
///
/// Text-like, yet its entropy rate is known exactly: each word is followed by a space, so the
/// characters carry exactly the word chain's information, and the rate is `H_w / L̄` bits per
/// character, with `H_w = Σ_a π_a H(T[a, ·])` and `L̄ = Σ_a π_a (|a| + 1)`. For `standard`:
/// H_w = 2.11783 bits/word, L̄ = 5.32946, rate 0.39738 bits/char (CONTENT.md §3.2).
public struct WordCorpus: Sendable {
  /// The lexicon (first ten: fefuj, basoca, xayeza, don, befa, gajobew, kerag, jaja, he, sivo).
  public let words: [String]
  /// `transitions[a][b] = P(next word = b | word a)`; 3 to 8 successors per word.
  public let transitions: [[Double]]

  /// 64 words from seed 7.
  public static let standard = WordCorpus(seed: 7)

  public init(wordCount: Int = 64, seed: UInt64) {
    let consonants = Array("bcdfghjklmnpqrstvwxyz")
    let vowels = Array("aeiou")
    var generator = SplitMix64(seed: seed)
    var words: [String] = []
    var seen: Set<String> = []
    while words.count < wordCount {
      let length = 2 + generator.below(6)
      let word = String(
        (0..<length).map { $0 % 2 == 0 ? consonants[generator.below(21)] : vowels[generator.below(5)] })
      if seen.insert(word).inserted { words.append(word) }
    }
    var rows: [[Double]] = []
    for _ in 0..<wordCount {
      let successors = 3 + generator.below(6)
      var chosen: [Int] = []
      while chosen.count < successors {
        let next = generator.below(wordCount)
        if !chosen.contains(next) { chosen.append(next) }
      }
      let weights = chosen.map { _ in pow(generator.uniform(), 2) + 0.05 }
      let total = weights.reduce(0, +)
      var row = [Double](repeating: 0, count: wordCount)
      for (next, weight) in zip(chosen, weights) { row[next] = weight / total }
      rows.append(row)
    }
    self.words = words
    transitions = rows
  }

  /// `characters` characters of text from a generator seeded with `seed` (train 11, validation 12):
  /// 1000 words of burn-in from word 0, then `word + " "` per word, cut to length.
  public func sampleText(characters: Int, seed: UInt64) -> String {
    var generator = SplitMix64(seed: seed)
    var word = 0
    for _ in 0..<1000 { word = generator.categorical(transitions[word]) }
    var text = ""
    text.reserveCapacity(characters + 8)
    while text.utf8.count < characters {
      word = generator.categorical(transitions[word])
      text += words[word]
      text += " "
    }
    return String(decoding: text.utf8.prefix(characters), as: UTF8.self)
  }

  /// The stationary distribution of the word chain (power iteration to 1e-15).
  public var stationary: [Double] {
    let count = words.count
    var pi = [Double](repeating: 1 / Double(count), count: count)
    for _ in 0..<100_000 {
      var next = [Double](repeating: 0, count: count)
      for a in 0..<count where pi[a] != 0 {
        for b in 0..<count { next[b] += pi[a] * transitions[a][b] }
      }
      let change = zip(next, pi).map { abs($0 - $1) }.max() ?? 0
      pi = next
      if change < 1e-15 { break }
    }
    return pi
  }

  /// Bits per word: `Σ_a π_a H(T[a, ·])`.
  public var wordEntropyRate: Double {
    zip(stationary, transitions).reduce(0) { $0 + $1.0 * entropyInBits($1.1) }
  }

  /// Mean characters per word including its space: `Σ_a π_a (|a| + 1)`.
  public var meanRenderedLength: Double {
    zip(stationary, words).reduce(0) { $0 + $1.0 * Double($1.1.count + 1) }
  }

  /// Bits per character: `wordEntropyRate / meanRenderedLength`.
  public var entropyRate: Double { wordEntropyRate / meanRenderedLength }
}
