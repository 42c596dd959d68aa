import Foundation

/// A character bigram language model estimated by counting, with add-α smoothing.
struct BigramModel {
  /// The symbols: space and a–z.
  static let alphabet = Array(" abcdefghijklmnopqrstuvwxyz")

  let smoothing: Double
  // TODO: the counts N(a, b) and N(a).

  /// Counts every pair of consecutive characters of `text`.
  init(training text: String, smoothing: Double) {
    self.smoothing = smoothing
    // TODO
  }

  /// p(next | previous) = (N(previous, next) + α) / (N(previous) + α·V).
  func probability(of next: Character, after previous: Character) -> Double {
    // TODO
    return 1.0 / Double(Self.alphabet.count)
  }

  /// −1/(n−1) · Σ log₂ p(xₜ | xₜ₋₁) over the text's consecutive pairs.
  func bitsPerCharacter(on text: String) -> Double {
    // TODO
    return 0
  }
}
