import ArgumentParser
import Foundation
import PracticeKit

struct Hint: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "The next of an exercise's progressive hints (attempts record how many you used).",
    discussion: """
      Without EXERCISE: the exercise you last started.

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
    let hint = try workspace.nextHint(for: target)
    terminal.print(terminal.styled("hint \(hint.number) of \(hint.total)", .yellow) + "  \(hint.exercise.key)")
    let renderer = MarkdownRenderer(terminal: terminal, width: terminal.width)
    terminal.print(renderer.wrap(hint.text, first: "", rest: "").joined(separator: "\n"))
    if hint.number < hint.total { terminal.print(terminal.styled("(`practice hint` again for the next one)", .dim)) }
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
