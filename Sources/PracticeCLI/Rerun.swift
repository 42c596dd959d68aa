import ArgumentParser
import Foundation
import PracticeKit

struct Rerun: PracticeCommand {
  @OptionGroup var global: GlobalOptions
  @OptionGroup var sandbox: SandboxOptions

  static let configuration = CommandConfiguration(
    abstract: "Grade the exact code of an old attempt again and say whether its results reproduce.",
    discussion: """
      The code comes from git and is graded in memory: your files are not touched, nothing is recorded.

      Example:
        practice rerun entropy~3

      \(exitStatus)
      """)
  static let exitStatus = ExitStatus.help(
    .init(code: "0", meaning: "the results reproduced"),
    .init(code: "1", meaning: "they did not (the differences are listed)"),
    .setup,
    .interrupted)

  @Argument(help: "The attempt (last, EXERCISE, EXERCISE~N or a commit id prefix).", completion: Completion.attempt)
  var attempt: String = "last"

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let grader = try workspace.makeGrader(sandboxOff: sandbox.noSandbox)
    let outcome = try workspace.rerun(attempt, with: grader)
    let report = outcome.report
    terminal.print(terminal.styled("rerun \(outcome.attempt.prefix(10))", .bold))
    terminal.print(
      outcome.usedStoredChecks
        ? "with the checks stored in the attempt"
          + (outcome.checksChanged ? " (the course's checks have changed since)" : "")
        : "with the course's current checks (this attempt stored none)")
    let recorded = outcome.recorded.map { "\(points($0.score))/\(points($0.maxScore)) \($0.status)" } ?? "–"
    terminal.print("recorded: \(recorded)")
    terminal.print("now:      \(points(report.score))/\(points(report.maxScore ?? 0)) \(report.status.rawValue)")
    if outcome.reproduced {
      terminal.print(terminal.styled("Reproduced: the same statuses, score and metrics.", .green))
    } else {
      terminal.print(terminal.styled("Not reproduced:", .red))
      for difference in outcome.differences { terminal.print("  \(difference)") }
      throw ExitCode(1)
    }
  }
}
