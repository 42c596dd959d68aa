import Foundation

/// A character bigram language model estimated by counting, with add-α smoothing.
struct BigramModel {
  /// The symbols: space and a–z.
  static let alphabet = Array(" abcdefghijklmnopqrstuvwxyz")

  let smoothing: Double
  /// counts[a][b] = N(a, b), by the index of the character in the alphabet.
  var counts = [[Double]](repeating: [Double](repeating: 0, count: 27), count: 27)
  var totals = [Double](repeating: 0, count: 27)

  /// Counts every pair of consecutive characters of `text`.
  init(training text: String, smoothing: Double) {
    self.smoothing = smoothing
    let indices = Self.indices(text)
    for (a, b) in zip(indices, indices.dropFirst()) {
      counts[a][b] += 1
      totals[a] += 1
    }
  }

  /// p(next | previous) = (N(previous, next) + α) / (N(previous) + α·V).
  func probability(of next: Character, after previous: Character) -> Double {
    guard let a = Self.index(previous), let b = Self.index(next) else { return 0 }
    return probability(a, b)
  }

  func probability(_ a: Int, _ b: Int) -> Double {
    (counts[a][b] + smoothing) / (totals[a] + smoothing * Double(Self.alphabet.count))
  }

  /// −1/(n−1) · Σ log₂ p(xₜ | xₜ₋₁) over the text's consecutive pairs.
  func bitsPerCharacter(on text: String) -> Double {
    let indices = Self.indices(text)
    let bits = zip(indices, indices.dropFirst()).reduce(0.0) { $0 - log2(probability($1.0, $1.1)) }
    return bits / Double(indices.count - 1)
  }

  static func index(_ character: Character) -> Int? {
    guard let ascii = character.asciiValue else { return nil }
    if ascii == UInt8(ascii: " ") { return 0 }
    guard ascii >= UInt8(ascii: "a") && ascii <= UInt8(ascii: "z") else { return nil }
    return Int(ascii - UInt8(ascii: "a")) + 1
  }

  static func indices(_ text: String) -> [Int] {
    text.utf8.compactMap { $0 == UInt8(ascii: " ") ? 0 : ($0 >= 97 && $0 <= 122 ? Int($0) - 96 : nil) }
  }
}
