/// The synthetic chat corpus of the course's fine-tuning exercise (CONTENT.md §3.4): a user turn of
/// Corpus W words, '>', a reply that is a deterministic function of the user turn, and '\n'.
///
/// Each example, from one SplitMix64 stream (train seed 21, validation seed 22): a user length
/// L = 2 + below(3); a starting word below(64); L steps of Corpus W's word chain give the user's
/// words (the starting word itself is not one of them). The reply is, for
/// ``Task/replyToLastWord`` (task A), the most likely successor of the last user word; for
/// ``Task/mapEveryWord`` (task B), the most likely successor of every user word, in order.
///
/// ```
/// task A, seed 21:  "poh paxuc covadam>qep\n"
/// task B, seed 21:  "poh paxuc covadam>paxuc vo qep\n"
/// ```
///
/// The reply is determined by the prompt, so the best possible loss on reply tokens is 0 bits.
public struct ChatCorpus: Sendable {
  /// The 29 tokens: Corpus W's 27 characters, then '>' (end of the user turn) and '\n' (end of the
  /// reply).
  public static let alphabet: [Character] = Array(" abcdefghijklmnopqrstuvwxyz>\n")

  public enum Task: Sendable {
    /// Task A: reply with the most likely successor of the last user word.
    case replyToLastWord
    /// Task B: reply with the most likely successor of every user word.
    case mapEveryWord
  }

  public let words: WordCorpus
  public let task: Task

  public init(words: WordCorpus = .standard, task: Task) {
    self.words = words
    self.task = task
  }

  /// The most likely successor of word `word` (the first, if several tie).
  public func topSuccessor(of word: Int) -> Int {
    let row = words.transitions[word]
    var best = 0
    for (index, weight) in row.enumerated() where weight > row[best] { best = index }
    return best
  }

  /// `count` examples from a generator seeded with `seed`.
  public func examples(count: Int, seed: UInt64) -> [String] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let length = 2 + generator.below(3)
      var word = generator.below(words.words.count)
      var user: [Int] = []
      for _ in 0..<length {
        word = generator.categorical(words.transitions[word])
        user.append(word)
      }
      let reply = task == .mapEveryWord ? user.map(topSuccessor(of:)) : [topSuccessor(of: user[user.count - 1])]
      return user.map { words.words[$0] }.joined(separator: " ") + ">"
        + reply.map { words.words[$0] }.joined(separator: " ") + "\n"
    }
  }

  /// Token ids of an example over ``alphabet``.
  public static func encode(_ text: String) -> [Int] {
    text.map { character in alphabet.firstIndex(of: character) ?? 0 }
  }

  /// Whether each token of an example is part of the reply: the tokens after '>' up to and including
  /// '\n' (the loss of a fine-tuned model is counted on these only).
  public static func replyMask(_ tokens: [Int]) -> [Bool] {
    let separator = alphabet.firstIndex(of: ">") ?? 27
    var inReply = false
    return tokens.map { token in
      defer { if token == separator { inReply = true } }
      return inReply
    }
  }
}
