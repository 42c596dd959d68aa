import ArgumentParser
import Foundation
import PracticeKit

struct Restore: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "Bring back the code of an old attempt; your current code is recorded first.",
    discussion: """
      Example:
        practice restore entropy~1

      \(ExitStatus.plain)
      """)

  @Argument(help: "The attempt (EXERCISE~N, a commit id prefix, last).", completion: Completion.attempt)
  var attempt: String

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let outcome = try workspace.restore(attempt)
    report(outcome, terminal, action: "Restored")
  }
}

struct Reset: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "Put an exercise's scaffold back; your current code is recorded first.",
    discussion: """
      Example:
        practice reset entropy

      \(ExitStatus.plain)
      """)

  @Argument(help: "module/exercise, or an exercise id used by one module only.", completion: Completion.exercise)
  var exercise: String

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let outcome = try workspace.reset(try workspace.exercise(named: exercise))
    report(outcome, terminal, action: "Reset")
  }
}

private func report(_ outcome: RestoreOutcome, _ terminal: Terminal, action: String) {
  if let snapshot = outcome.snapshot {
    terminal.print(
      "Your previous code is kept as snapshot \(snapshot.prefix(10)) (`practice restore \(snapshot.prefix(10))`).")
  }
  terminal.print("\(action) \(outcome.exercise.key):")
  for file in outcome.files { terminal.print("  \(file)") }
}
