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
///
/// Nothing recorded can break the trailers, which stock git reads as well as `practice`: every
/// trailer key must be a token (`isTrailerKey`), or the record is refused; every value, body line
/// and the subject are flattened to one line (`sanitize`); a body line that git would take for the
/// `---` divider before a patch is indented; an extra trailer whose value flattens to nothing is
/// left out.
enum AttemptMessage {
  static func compose(_ attempt: AttemptRecord) throws(HistoryError) -> String {
    let score = "\(formatPoints(attempt.score))/\(formatPoints(attempt.maxScore))"
    var trailers = [("Exercise", attempt.exercise), ("Score", score), ("Status", attempt.status)]
    trailers += attempt.extraTrailers.map { ($0.key, $0.value) }
    if let bad = trailers.first(where: { !isTrailerKey($0.0) }) {
      throw .invalidTrailerKey(bad.0)
    }
    var text = "grade \(sanitize(attempt.exercise)): \(score)\n"
    let body = attempt.summaryLines.map(sanitize).filter { !$0.isEmpty }.map { $0.hasPrefix("---") ? "  " + $0 : $0 }
    if !body.isEmpty {
      text += "\n" + body.joined(separator: "\n") + "\n"
    }
    // A trailer whose value is empty once flattened says nothing, and libgit2 does not read it
    // (stock git does): it is left out, so both read the same trailers.
    let lines = trailers.enumerated().compactMap { index, trailer -> String? in
      let value = sanitize(trailer.1)
      return value.isEmpty && index >= 3 ? nil : "\(trailer.0): \(value)"
    }
    text += "\n" + lines.joined(separator: "\n") + "\n"
    return text
  }

  /// The longest trailer key written (`Metric-` and a 64-character metric name fit).
  static let maximumKeyLength = 100

  /// True for a key git reads as a trailer token and that cannot start another line: ASCII letters,
  /// digits and `-`, starting with a letter or digit, at most `maximumKeyLength` characters.
  static func isTrailerKey(_ key: String) -> Bool {
    let scalars = key.unicodeScalars
    guard let first = scalars.first, first != "-", scalars.count <= maximumKeyLength else { return false }
    return scalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
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
      trailers: trailers, subject: subject(of: commit.message))
  }

  /// The attempt a commit of the branch records, for listings: its summary when its trailers read,
  /// else an entry marked `unreadable` (status `unreadable`, no score, the exercise from the
  /// `Exercise` trailer or the subject when either names it), so an attempt never drops out of
  /// `practice log` or `practice show last`. Nil for a snapshot, which is not an attempt.
  static func listing(of commit: CommitInfo) -> AttemptSummary? {
    if let summary = summary(of: commit) { return summary }
    if isSnapshot(commit) || isRepair(commit) { return nil }
    var trailers: [String: String] = [:]
    for trailer in commit.trailers { trailers[trailer.key] = trailer.value }
    let subject = subject(of: commit.message)
    return AttemptSummary(
      id: commit.id.hex, exercise: trailers["Exercise"] ?? exercise(fromSubject: subject) ?? "",
      status: AttemptSummary.unreadableStatus, score: 0, maxScore: 0, date: commit.date, trailers: trailers,
      subject: subject, unreadable: true)
  }

  /// A snapshot (`practice restore`/`reset`): `Status: snapshot`, or a `snapshot …` subject when
  /// the trailers do not read.
  static func isSnapshot(_ commit: CommitInfo) -> Bool {
    commit.trailers.contains { $0.key == "Status" && $0.value == "snapshot" }
      || subject(of: commit.message).hasPrefix("snapshot ")
  }

  /// A repair (`practice doctor --repair`): `Status: repair`, or a `repair …` subject when the
  /// trailers do not read. Like a snapshot, not an attempt.
  static func isRepair(_ commit: CommitInfo) -> Bool {
    commit.trailers.contains { $0.key == "Status" && $0.value == "repair" }
      || subject(of: commit.message).hasPrefix("repair ")
  }

  /// The first line of a message.
  static func subject(of message: String) -> String {
    String(message.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" })
  }

  /// `module/exercise` from a `grade module/exercise: 7/10` subject.
  static func exercise(fromSubject subject: String) -> String? {
    guard subject.hasPrefix("grade "), let colon = subject.firstIndex(of: ":") else { return nil }
    let name = subject[subject.index(subject.startIndex, offsetBy: 6)..<colon]
    return name.isEmpty || name.contains(" ") ? nil : String(name)
  }

  /// One line, at most 160 characters: control characters (`\n`, `\r`, U+0085, …) and the Unicode
  /// line and paragraph separators (U+2028, U+2029) become spaces, so learner output never breaks
  /// the format.
  static func sanitize(_ line: String) -> String {
    var cleaned = String(
      String.UnicodeScalarView(
        line.unicodeScalars.map { scalar in
          switch scalar.properties.generalCategory {
          case .control, .lineSeparator, .paragraphSeparator: return " "
          default: return scalar
          }
        }))
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
