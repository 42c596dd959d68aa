import ArgumentParser
import Foundation
import PracticeKit

struct Doctor: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check the workspace (attempt history, progress snapshot, workspace.json, course, cache) and repair it.",
    discussion: """
      Reads every commit, tree and blob reachable from practice/attempts, the progress snapshot at
      its tip, .practice/workspace.json, the course and the grader's cache. Prints one line per
      problem with the command that fixes it, or "the workspace is healthy".

      --repair rebuilds .practice/progress.json from the attempts' trailers; when the history is
      broken it moves practice/attempts back to the newest complete commit, copies the readable
      commits above the broken ones onto it, records a `Status: repair` commit naming what was
      skipped, and keeps the old tip under refs/practice/broken/<date>. No object is deleted; HEAD,
      the index, the working tree and your branches are not touched. It also removes damaged cache
      entries and staging folders left by stopped grades.

      Example:
        practice doctor
        practice doctor --repair

      \(exitStatus)
      """)
  static let exitStatus = ExitStatus.help(
    .init(code: "0", meaning: "healthy, or every problem found was repaired"),
    .init(code: "1", meaning: "problems remain"),
    .setup)

  @Flag(help: "Fix what can be fixed (see above).")
  var repair = false

  @Flag(help: "Print the findings as JSON.")
  var json = false

  /// The JSON form of a report.
  struct Document: Encodable {
    var workspace: String
    var healthy: Bool
    var problems: [DoctorFinding]
    var checked: [String]
  }

  func execute(_ terminal: Terminal) throws {
    let report = try WorkspaceDoctor.examine(from: currentDirectory(), home: try? toolHome(), repair: repair)
    if json {
      try terminal.printJSON(
        Document(
          workspace: report.workspace, healthy: report.healthy, problems: report.findings, checked: report.checked))
    } else {
      for finding in report.findings {
        if let repaired = finding.repaired {
          terminal.print(terminal.styled("✔ repaired: ", .green) + "\(finding.problem) — \(repaired)")
        } else {
          terminal.print(terminal.styled("✘ ", .red) + "\(finding.problem); fix: \(finding.fix)")
        }
      }
      if report.findings.isEmpty {
        for line in report.checked { terminal.print(terminal.styled("✔ ", .green) + line) }
        terminal.print("the workspace is healthy")
      } else if report.healthy {
        let count = report.findings.count
        terminal.print("repaired \(count) problem\(count == 1 ? "" : "s"); the workspace is healthy")
      } else {
        let left = report.findings.filter { $0.repaired == nil }.count
        terminal.print("\(left) problem\(left == 1 ? "" : "s") found" + (repair ? " that could not be repaired" : ""))
      }
    }
    if !report.healthy { throw ExitCode(1) }
  }
}
