import ArgumentParser
import Foundation
import PracticeKit

struct Grade: PracticeCommand {
  @OptionGroup var global: GlobalOptions
  @OptionGroup var sandbox: SandboxOptions

  static let configuration = CommandConfiguration(
    abstract: "Compile your code with the exercise's checks, run them, and record the attempt.",
    discussion: """
      Without EXERCISE: the exercise you last started.

      Example:
        practice grade
        practice grade entropy --json

      \(exitStatus)
      """)
  static let exitStatus = ExitStatus.help(
    .init(code: "0", meaning: "every check passed"),
    .init(code: "1", meaning: "not passed: a check failed or the code does not compile (recorded)"),
    .setup,
    .interrupted)

  @Argument(help: "module/exercise, or an exercise id used by one module only.", completion: Completion.exercise)
  var exercise: String?

  @Flag(help: "Print exactly one JSON object on stdout.")
  var json = false

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let target =
      try exercise.map { try workspace.exercise(named: $0) }
      ?? workspace.currentExercise(progress: try workspace.progress())
    let grader = try workspace.makeGrader(sandboxOff: sandbox.noSandbox)
    let live = ProgressLine(terminal: terminal, enabled: !json)
    let outcome = try workspace.grade(target, with: grader, onProgress: { live.update($0) })
    live.finish()
    if json {
      try terminal.printJSON(outcome.document)
    } else {
      GradeRendering(terminal: terminal).render(outcome)
    }
    if outcome.document.status != "passed" { throw ExitCode(1) }
  }
}

/// The per-check table, the score and what changed since the previous attempt.
struct GradeRendering {
  var terminal: Terminal

  func render(_ outcome: GradeOutcome) {
    let document = outcome.document
    terminal.print(
      terminal.styled("grade \(outcome.exercise.key)", .bold) + terminal.styled("  \(outcome.exercise.title)", .dim))
    terminal.print()
    switch document.status {
    case "compileError":
      terminal.print(terminal.styled("Your code does not compile:", .red))
      terminal.print(indent((document.compilerOutput ?? "").trimmingCharacters(in: .newlines), by: 2))
    case "error":
      terminal.print(terminal.styled("The checks could not run: ", .red) + (document.errorMessage ?? ""))
      renderChecks(document)
    default:
      renderChecks(document)
    }
    if document.status == "error" {
      let output = outcome.programOutput.trimmingCharacters(in: .whitespacesAndNewlines)
      if !output.isEmpty {
        terminal.print()
        terminal.print(terminal.styled("Your program printed (last lines):", .dim))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        terminal.print(indent(lines.suffix(15).joined(separator: "\n"), by: 2))
      }
    }
    terminal.print()
    let score = "\(points(document.score))/\(points(document.maxScore))"
    let verdict: String
    switch document.status {
    case "passed": verdict = terminal.styled("passed \(score)", .green, .bold)
    case "failed": verdict = terminal.styled(score, .yellow, .bold)
    case "compileError": verdict = terminal.styled("compile error \(score)", .red, .bold)
    default: verdict = terminal.styled("error \(score)", .red, .bold)
    }
    var line = "Score: \(verdict)  ·  attempt \(outcome.attempt.prefix(10))"
    if let previous = outcome.previous {
      line += "  ·  previous \(points(previous.lastScore))/\(points(previous.maxScore))"
      if document.score > previous.bestScore { line += terminal.styled("  new best", .green) }
    }
    terminal.print(line)
    if document.status == "passed" {
      terminal.print(nextLine(after: outcome))
    }
  }

  /// After a pass: the command that starts the next exercise, named.
  func nextLine(after outcome: GradeOutcome) -> String {
    guard let next = outcome.next else { return "Every exercise is passed: practice report" }
    return "Next: practice start \(next.key)"
  }

  func renderChecks(_ document: GradeDocument) {
    let idWidth = min(28, document.checks.map(\.id.count).max() ?? 10)
    for check in document.checks {
      let score = "\(points(check.points))/\(points(check.maxPoints))"
      terminal.print("  \(mark(check.status)) \(pad(check.id, idWidth + 2))\(pad(score, 7))\(check.title)")
      guard check.status != "pass" else { continue }
      let label = check.status == "skipped" ? "" : "\(check.status): "
      terminal.print(indent(terminal.styled(label, .red) + check.message, by: 6))
      if let hint = check.hint, check.status != "skipped" {
        terminal.print(indent(terminal.styled("hint: ", .yellow) + hint, by: 6))
      }
      let printed = check.output.split(separator: "\n", omittingEmptySubsequences: false)
        .map(String.init).reversed().drop { $0.isEmpty }.reversed()
      if !printed.isEmpty {
        let shown = printed.suffix(6)
        let more = printed.count > shown.count ? " (last \(shown.count) of \(printed.count) lines)" : ""
        terminal.print(indent(terminal.styled("printed\(more):", .dim), by: 6))
        terminal.print(indent(shown.joined(separator: "\n"), by: 8))
      }
    }
  }

  func mark(_ status: String) -> String {
    switch status {
    case "pass": return terminal.styled("✔", .green)
    case "skipped": return terminal.styled("–", .dim)
    case "timeout": return terminal.styled("⏱", .yellow)
    case "crash": return terminal.styled("✘", .red, .bold)
    default: return terminal.styled("✘", .red)
    }
  }

  func indent(_ text: String, by spaces: Int) -> String {
    let prefix = String(repeating: " ", count: spaces)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
  }
}
