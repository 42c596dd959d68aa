import ArgumentParser
import Foundation
import PracticeKit

struct Report: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "Write a self-contained HTML progress report: scores over attempts, metric and training curves.",
    discussion: """
      The page needs no network: styles and charts (SVG) are inline. Default location:
      .practice/report.html in the workspace.

      Example:
        practice report --open

      \(ExitStatus.plain)
      """)

  @Option(help: "Where to write the page.", completion: .file(extensions: ["html"]))
  var output: String?

  @Flag(help: "Open it in the default browser (xdg-open).")
  var open = false

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let page = ReportPage(data: try workspace.reportData()).html()
    let target =
      output.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory()).standardizedFileURL }
      ?? workspace.root.appendingPathComponent(".practice/report.html")
    do {
      try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(page.utf8).write(to: target, options: .atomic)
    } catch {
      throw PracticeError.io("cannot write \(target.path): \(error.localizedDescription)")
    }
    terminal.print("Wrote \(target.path)")
    if open {
      let opener = Process()
      opener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      opener.arguments = ["xdg-open", target.path]
      if (try? opener.run()) == nil { terminal.print("Open file://\(target.path) in a browser.") }
    }
  }
}
