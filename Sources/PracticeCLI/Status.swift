import ArgumentParser
import Foundation
import PracticeKit

struct Status: PracticeCommand {
  static let configuration = CommandConfiguration(
    abstract: "Where you are, what is next, and your score per module (the default command).")

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let overview = try workspace.overview()
    terminal.print(
      terminal.styled(overview.courseTitle, .bold) + terminal.styled("  (course \(overview.courseVersion))", .dim))
    terminal.print()
    let width = overview.modules.map(\.module.id.count).max() ?? 10
    for module in overview.modules {
      let score = "\(points(module.bestScore))/\(points(module.maxScore))"
      let done = "\(module.passedCount) of \(module.exercises.count) passed"
      let line = "  \(pad(module.module.id, width + 2))\(pad(score, 9))\(done)"
      terminal.print(module.passedCount == module.exercises.count ? terminal.styled(line, .green) : line)
    }
    terminal.print()
    if let latest = overview.latest {
      terminal.print(
        "Last attempt: \(latest.exercise) — \(latest.entry.lastStatus) \(points(latest.entry.lastScore))/"
          + "\(points(latest.entry.maxScore)), \(relative(latest.entry.lastAttempt))")
    }
    if let next = overview.next {
      terminal.print("Next: " + terminal.styled(next.key, .bold) + " — \(next.title)")
      terminal.print("  practice start \(next.key)")
    } else {
      terminal.print(terminal.styled("Every exercise is passed. Well done.", .green))
    }
  }
}
