import Foundation
import Git

/// The commit message of an attempt: readable in `git log`, parseable from its trailers.
///
/// ```
/// grade information-theory/entropy: 7/10
///
/// ✔ uniform distribution has log2(n) bits      2/2
/// ✘ zero probabilities contribute nothing       0/3  expected 1.5, got nan
///
/// Exercise: information-theory/entropy
/// Score: 7/10
/// Status: failed
/// Toolchain: swift-6.3.1
/// ```
enum AttemptMessage {
  static func compose(_ attempt: AttemptRecord) -> String {
    let score = "\(formatPoints(attempt.score))/\(formatPoints(attempt.maxScore))"
    var text = "grade \(attempt.exercise): \(score)\n"
    let body = attempt.summaryLines.map(sanitize).filter { !$0.isEmpty }
    if !body.isEmpty {
      text += "\n" + body.joined(separator: "\n") + "\n"
    }
    var trailers = [("Exercise", attempt.exercise), ("Score", score), ("Status", attempt.status)]
    trailers += attempt.extraTrailers.map { ($0.key, $0.value) }
    text += "\n" + trailers.map { "\($0.0): \(sanitize($0.1))" }.joined(separator: "\n") + "\n"
    return text
  }

  static func summary(of commit: CommitInfo) -> AttemptSummary? {
    var trailers: [String: String] = [:]
    for trailer in commit.trailers { trailers[trailer.key] = trailer.value }
    guard let exercise = trailers["Exercise"], let score = trailers["Score"], let status = trailers["Status"] else {
      return nil
    }
    let parts = score.split(separator: "/")
    guard parts.count == 2, let got = Double(parts[0]), let max = Double(parts[1]) else { return nil }
    return AttemptSummary(
      id: commit.id.hex, exercise: exercise, status: status, score: got, maxScore: max, date: commit.date,
      trailers: trailers)
  }

  /// One line, no control characters, at most 160 characters: learner output never breaks the format.
  static func sanitize(_ line: String) -> String {
    var cleaned = String(line.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    cleaned = cleaned.trimmingCharacters(in: .whitespaces)
    if cleaned.count > 160 { cleaned = String(cleaned.prefix(159)) + "…" }
    return cleaned
  }
}

/// `7` for whole numbers, `7.5` otherwise.
package func formatPoints(_ value: Double) -> String {
  if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
  return String(format: "%.2f", value)
}
