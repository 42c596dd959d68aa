import ArgumentParser
import Foundation
import PracticeKit

struct Hint: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "A hint for the checks that failed in your latest attempt, else the next progressive hint.",
    discussion: """
      The checks that failed in the exercise's latest attempt give their own hints; when they have
      none (or before the first attempt), the exercise's next progressive hint (attempts record
      how many you used). After a passing attempt there is nothing to hint at. Without EXERCISE:
      the exercise you last started or graded.

      Example:
        practice hint entropy

      \(ExitStatus.plain)
      """)

  @Argument(help: "module/exercise, or an exercise id used by one module only.", completion: Completion.exercise)
  var exercise: String?

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let target =
      try exercise.map { try workspace.exercise(named: $0) }
      ?? workspace.currentExercise(progress: try workspace.progress())
    let choice = try workspace.hint(for: target, latest: workspace.latestResults(of: target))
    terminal.print(hintText(choice, exercise: target.key, terminal: terminal))
    if case .progressive(let hint, _) = choice, hint.number < hint.total {
      terminal.print(terminal.styled("(`practice hint` again for the next one)", .dim))
    }
  }
}

/// What `practice hint` and `h` in watch print for `choice`, wrapped to the width.
func hintText(_ choice: Workspace.HintChoice, exercise: String, terminal: Terminal) -> String {
  let renderer = MarkdownRenderer(terminal: terminal, width: terminal.width)
  func wrapped(_ label: String, _ text: String) -> String {
    terminal.styled(label, .yellow) + "\n" + renderer.wrap(text, first: "  ", rest: "  ").joined(separator: "\n")
  }
  switch choice {
  case .allPassed:
    return "Every check passed in the latest attempt of \(exercise): no hint needed."
  case .failedChecks(let hints):
    return hints.map { wrapped("hint for \($0.check), which failed in the latest attempt:", $0.hint) }
      .joined(separator: "\n")
  case .progressive(let hint, let failed):
    let about = failed.isEmpty ? "" : " (failed: \(failed.joined(separator: ", ")))"
    return wrapped("hint \(hint.number) of \(hint.total)\(about)  \(exercise)", hint.text)
  }
}

struct Solution: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "The reference solution of an exercise you have passed (or, recorded, with --force).",
    discussion: """
      Example:
        practice solution information-theory/entropy

      \(ExitStatus.plain)
      """)

  @Argument(help: "module/exercise, or an exercise id used by one module only.", completion: Completion.exercise)
  var exercise: String

  @Flag(help: "Show it before passing; every later attempt of the exercise records that you did.")
  var force = false

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let target = try workspace.exercise(named: exercise)
    for file in try workspace.solution(of: target, force: force) {
      terminal.print(terminal.styled("── \(file.name) (reference solution of \(target.key)) ──", .bold))
      terminal.print(file.text.trimmingCharacters(in: .newlines))
      terminal.print()
    }
  }
}
