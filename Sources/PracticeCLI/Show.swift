import ArgumentParser
import Foundation
import PracticeKit

struct Show: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "One attempt: its results, metrics, toolchain, course version, checks digest and code.",
    discussion: """
      ATTEMPT is `last`, an exercise (its latest attempt), EXERCISE~N (N attempts back) or a commit id prefix.
      Each check's row shows its metrics, the text it showed and everything it printed.

      Example:
        practice show last
        practice show entropy~2

      \(ExitStatus.plain)
      """)

  @Argument(help: "The attempt to show.", completion: Completion.attempt)
  var attempt: String = "last"

  @Flag(help: "Print the stored results JSON and the code as one JSON object.")
  var json = false

  struct ShowJSON: Encodable {
    var attempt: String
    var date: Date
    var trailers: [String: String]
    var results: GradeDocument?
    var files: [String: String]
    /// True for an attempt whose trailers could not be parsed (`trailers` holds what could be read).
    var unreadable: Bool
  }

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let shown = try workspace.show(attempt)
    let details = shown.details
    if json {
      try terminal.printJSON(
        ShowJSON(
          attempt: details.id, date: details.date, trailers: details.trailers, results: shown.results,
          files: Dictionary(
            uniqueKeysWithValues: details.files.map { ($0.name, String(decoding: $0.contents, as: UTF8.self)) }),
          unreadable: details.unreadable))
      return
    }
    let subject = details.message.split(separator: "\n").first.map(String.init) ?? ""
    terminal.print(terminal.styled("attempt \(details.id)", .yellow))
    terminal.print(terminal.styled(subject, .bold) + "  " + terminal.styled(shortDate(details.date), .dim))
    terminal.print()
    if details.unreadable {
      terminal.print(
        terminal.styled("the trailers of this attempt could not be parsed; shown is what could be read", .red))
      terminal.print(details.message.trimmingCharacters(in: .newlines))
      terminal.print()
    }
    for key in [
      "Exercise", "Status", "Score", "Course", "Toolchain", "Checks-Digest", "Sandbox", "Hints-Used", "Solution-Viewed",
      "Reason",
    ] {
      if let value = details.trailers[key] { terminal.print("  \(pad(key + ":", 15))\(value)") }
    }
    for (key, value) in details.trailers.sorted(by: { $0.key < $1.key }) where key.hasPrefix("Metric-") {
      terminal.print("  \(pad(String(key.dropFirst(7)) + ":", 15))\(value)")
    }
    if let results = shown.results {
      terminal.print()
      GradeRendering(terminal: terminal, verbose: true).renderChecks(results)
      if let compiler = results.compilerOutput, results.status == "compileError" {
        terminal.print(compiler)
      }
    }
    for file in details.files {
      terminal.print()
      terminal.print(terminal.styled("── \(file.name) ──", .bold))
      terminal.print(String(decoding: file.contents, as: UTF8.self).trimmingCharacters(in: .newlines))
    }
  }
}
