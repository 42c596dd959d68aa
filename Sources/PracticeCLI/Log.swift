import ArgumentParser
import Foundation
import PracticeKit

struct Log: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "Your attempts, newest first, with score, date, metrics and their trends (from git).",
    discussion: """
      Example:
        practice log
        practice log entropy --json

      \(ExitStatus.plain)
      """)

  @Argument(help: "Only the attempts of this exercise.", completion: Completion.exercise)
  var exercise: String?

  @Flag(help: "Print one JSON object on stdout (docs/json.md).")
  var json = false

  struct Entry: Encodable {
    var attempt: String
    var exercise: String
    var status: String
    var score: Double
    var maxScore: Double
    var date: Date
    var metrics: [String: Double]
    /// True when the commit's trailers could not be read: `status` is `unreadable`, the score 0/0.
    var unreadable: Bool
    /// The commit's subject, for an unreadable attempt only.
    var subject: String?
  }

  /// The `--json` document (docs/json.md).
  struct Document: Encodable {
    var attempts: [Entry]
  }

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let filter = try exercise.map { try workspace.exercise(named: $0) }
    let attempts = try workspace.attempts(of: filter)
    if json {
      try terminal.printJSON(
        Document(
          attempts: attempts.map {
            Entry(
              attempt: $0.id, exercise: $0.exercise, status: $0.status, score: $0.score, maxScore: $0.maxScore,
              date: $0.date, metrics: $0.metrics, unreadable: $0.unreadable,
              subject: $0.unreadable ? $0.subject : nil)
          }))
      return
    }
    if attempts.isEmpty {
      terminal.print("No attempts yet. `practice grade` records one.")
      return
    }
    // Exercises by their id where the id names one exercise of the course (as EXERCISE does), so a
    // line fits 80 columns; metrics that do not fit go on lines of their own below.
    let name = { (key: String) -> String in
      let exercises = workspace.course.exercises
      guard let exercise = exercises.first(where: { $0.key == key }),
        exercises.filter({ $0.id == exercise.id }).count == 1
      else { return key.isEmpty ? "?" : key }
      return exercise.id
    }
    let columns = terminal.width
    let width = attempts.map { displayWidth(name($0.exercise)) }.max() ?? 20
    let statusWidth = attempts.map { displayWidth($0.status) }.max() ?? 6
    var lines: [String] = []
    for attempt in attempts {
      let head = terminal.styled(String(attempt.id.prefix(10)), .yellow) + "  \(shortDate(attempt.date))  "
      if attempt.unreadable {
        // Listed, never skipped: otherwise `show last` would seem to jump to an older attempt.
        lines.append(
          head + "\(pad(name(attempt.exercise), width + 2))\(pad("?", 8))"
            + terminal.styled(pad(attempt.status, statusWidth + 2), .red)
            + terminal.styled("trailers could not be parsed: \(attempt.subject)", .dim))
        continue
      }
      let score = "\(points(attempt.score))/\(points(attempt.maxScore))"
      let status =
        attempt.status == "passed"
        ? terminal.styled(pad(attempt.status, statusWidth), .green) : pad(attempt.status, statusWidth)
      var line = head + "\(pad(name(attempt.exercise), width + 2))\(pad(score, 8))\(status)"
      let shown = attempt.metrics.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(format: "%.6g", $0.value))" }
      let indent = String(repeating: " ", count: 12)
      var continued: [String] = []
      for metric in shown {
        if continued.isEmpty, displayWidth(line) + 2 + displayWidth(metric) <= columns {
          line += "  " + metric
        } else if let last = continued.last, displayWidth(last) + 1 + displayWidth(metric) <= columns {
          continued[continued.count - 1] += " " + metric
        } else {
          continued.append(indent + metric)
        }
      }
      lines.append(line)
      lines += continued
    }
    terminal.print(lines.joined(separator: "\n"))
    terminal.print()
    terminal.print(terminal.styled("trends (oldest → newest)", .dim))
    // Trends are of the attempts that have a score; each sparkline shows as many of the latest
    // values (at most 40) as the width leaves room for.
    let scored = attempts.filter { !$0.unreadable }
    var order: [String] = []
    for attempt in scored where !order.contains(attempt.exercise) { order.append(attempt.exercise) }
    func trend(_ lead: String, _ values: [Double], low: Double? = nil, high: Double? = nil, _ note: String) -> String {
      let room = max(8, min(40, columns - displayWidth(lead) - 2 - displayWidth(note)))
      return lead + sparkline(Array(values.suffix(room)), low: low, high: high) + "  " + note
    }
    for key in order {
      let series = scored.filter { $0.exercise == key }.reversed()
      let scores = series.map { $0.maxScore > 0 ? $0.score / $0.maxScore : 0 }
      let best = series.map(\.score).max() ?? 0
      let note = "(\(series.count) attempts, best \(points(best))/\(points(series.first?.maxScore ?? 0)))"
      terminal.print(trend("  \(pad(name(key), width + 2))score ", scores, low: 0, high: 1, note))
      let names = Set(series.flatMap { $0.metrics.keys }).sorted()
      for metric in names {
        let values = series.compactMap { $0.metrics[metric] }
        guard let last = values.last else { continue }
        terminal.print(trend("  \(pad("", width + 2))\(metric) ", values, "(latest \(String(format: "%.6g", last)))"))
      }
    }
  }
}

/// `▁▃▅█` for the last 40 values, scaled between `low` and `high` (default: their range).
func sparkline(_ values: [Double], low: Double? = nil, high: Double? = nil) -> String {
  let blocks = Array("▁▂▃▄▅▆▇█")
  let shown = values.suffix(40).filter(\.isFinite)
  guard let minimum = low ?? shown.min(), let maximum = high ?? shown.max() else { return "" }
  let span = maximum - minimum
  return String(
    shown.map { value in
      guard span > 0 else { return blocks[blocks.count / 2] }
      let level = Int(((value - minimum) / span * Double(blocks.count - 1)).rounded())
      return blocks[min(blocks.count - 1, max(0, level))]
    })
}
