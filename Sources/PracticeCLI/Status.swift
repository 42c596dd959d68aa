import ArgumentParser
import Foundation
import PracticeKit

struct Status: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Where you are: progress per module, the current exercise, the last attempt, what to type next.",
    discussion: """
      This is what `practice` with no command shows.

      Example:
        practice

      \(ExitStatus.plain)
      """)

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let overview = try workspace.overview()
    terminal.print(
      terminal.styled(overview.courseTitle, .bold) + terminal.styled("  (course \(overview.courseVersion))", .dim))
    terminal.print()
    let width = overview.modules.map(\.module.id.count).max() ?? 10
    for module in overview.modules {
      let fraction = module.maxScore > 0 ? module.bestScore / module.maxScore : 0
      let score = "\(points(module.bestScore))/\(points(module.maxScore))"
      let done = "\(module.passedCount) of \(module.exercises.count) passed"
      let colour: Terminal.Style = module.passedCount == module.exercises.count ? .green : .yellow
      terminal.print(
        "  \(pad(module.module.id, width + 2))" + terminal.styled(bar(fraction, width: 24), colour)
          + "  \(pad(score, 9))\(done)")
    }
    terminal.print()
    if let current = overview.current {
      let state = current.entry.map { "best \(points($0.bestScore))/\(points($0.maxScore))" } ?? current.state.rawValue
      terminal.print(
        currentLine(key: current.exercise.key, title: current.exercise.title, state: state, width: terminal.width))
    }
    if let latest = overview.latest {
      terminal.print(
        "Last attempt: \(latest.exercise) — \(latest.entry.lastStatus) \(points(latest.entry.lastScore))/"
          + "\(points(latest.entry.maxScore)), \(relative(latest.entry.lastAttempt))")
    }
    terminal.print("Next:         " + terminal.styled(nextCommand(overview), .bold))
  }

  /// `Current:      key — title (state)`, the title shortened with … so the line fits `width`.
  static func currentLine(key: String, title: String, state: String, width: Int) -> String {
    let head = "Current:      \(key) — "
    let tail = " (\(state))"
    let room = width - displayWidth(head) - displayWidth(tail)
    var shown = title
    if displayWidth(title) > room {
      shown = String(title.prefix(max(0, room - 1))) + "…"
      while displayWidth(shown) > room && shown.count > 1 { shown = String(shown.dropLast(2)) + "…" }
    }
    return head + shown + tail
  }

  func currentLine(key: String, title: String, state: String, width: Int) -> String {
    Self.currentLine(key: key, title: title, state: state, width: width)
  }

  /// The one command to type next.
  func nextCommand(_ overview: Overview) -> String {
    if let current = overview.current, current.state == .started || current.state == .attempted {
      return "practice grade \(current.exercise.key)"
    }
    if let next = overview.next { return "practice start \(next.key)" }
    return "practice report   (every exercise is passed — well done)"
  }
}

/// A progress bar of `width` cells: █ for done, ░ for the rest.
func bar(_ fraction: Double, width: Int) -> String {
  let filled = Int((min(1, max(0, fraction)) * Double(width)).rounded())
  return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
}
