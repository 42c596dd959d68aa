import ArgumentParser
import Foundation
import PracticeKit

struct Diff: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "The code diff between two attempts (or an attempt and your files), flipped checks, metric deltas.",
    discussion: """
      Without B: from attempt A to the files in your workspace.

      Example:
        practice diff entropy~1 last
        practice diff last

      \(ExitStatus.plain)
      """)

  @Argument(
    help: "The older attempt (last, EXERCISE, EXERCISE~N or a commit id prefix).", completion: Completion.attempt)
  var from: String

  @Argument(help: "The newer attempt; default: your current files.", completion: Completion.attempt)
  var to: String?

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let diff = try workspace.diff(from, to)
    terminal.print(
      terminal.styled("diff \(diff.exercise)", .bold) + "  \(diff.from.prefix(10)) → "
        + (diff.to.map { String($0.prefix(10)) } ?? "your files"))
    if let score = diff.score {
      terminal.print("score: \(points(score.from)) → \(points(score.to))")
    }
    for flip in diff.flips {
      let arrow = flip.to == "pass" ? terminal.styled("fixed", .green) : terminal.styled("broke", .red)
      terminal.print("  \(arrow)  \(flip.id): \(flip.from) → \(flip.to)")
    }
    for delta in diff.metricDeltas {
      let change = delta.from.flatMap { old in delta.to.map { String(format: " (%+.6g)", $0 - old) } } ?? ""
      terminal.print(
        "  metric \(delta.name): \(delta.from.map { "\($0)" } ?? "–") → \(delta.to.map { "\($0)" } ?? "–")\(change)")
    }
    terminal.print()
    if diff.patch.isEmpty {
      terminal.print("The code is the same.")
      return
    }
    for line in diff.patch.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("+") && !line.hasPrefix("+++") {
        terminal.print(terminal.styled(String(line), .green))
      } else if line.hasPrefix("-") && !line.hasPrefix("---") {
        terminal.print(terminal.styled(String(line), .red))
      } else if line.hasPrefix("@@") {
        terminal.print(terminal.styled(String(line), .cyan))
      } else {
        terminal.print(String(line))
      }
    }
  }
}
