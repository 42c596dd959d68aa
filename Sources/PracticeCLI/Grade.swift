import ArgumentParser
import Foundation
import PracticeKit

struct Grade: PracticeCommand {
  @OptionGroup var global: GlobalOptions
  @OptionGroup var sandbox: SandboxOptions

  static let configuration = CommandConfiguration(
    abstract: "Compile your code with the exercise's checks, run them, and record the attempt.",
    usage: "practice grade [<options>] [<exercise>]",
    discussion: """
      Without EXERCISE: the exercise you last started. Each check's row is printed as the check \
      ends, with the metrics it reported (value, bar, optimum) and any sample of your model's text.

      Example:
        practice grade
        practice grade entropy --json
        practice grade --verbose

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

  @Flag(name: .shortAndLong, help: "Show what every check printed, passing ones too.")
  var verbose = false

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let target =
      try exercise.map { try workspace.exercise(named: $0) }
      ?? workspace.currentExercise(progress: try workspace.progress())
    let grader = try workspace.makeGrader(sandboxOff: sandbox.noSandbox)
    let live = ProgressLine(terminal: terminal, enabled: !json)
    defer { live.finish() }
    let rendering = GradeRendering(terminal: terminal, verbose: verbose)
    let table = json ? nil : LiveTable(rendering: rendering, live: live)
    table?.begin(target.key, title: target.title)
    var onCheckEnded: (@Sendable (GradeDocument.CheckDocument, [String]) -> Void)?
    if let table { onCheckEnded = { check, ids in table.add(check, ids) } }
    let outcome = try workspace.grade(
      target, with: grader, onProgress: { live.update($0) }, onBuild: { live.build($0) },
      onCheckEnded: onCheckEnded)
    live.finish()
    if json {
      try terminal.printJSON(outcome.document)
    } else {
      rendering.render(outcome, printed: table?.printed ?? [])
    }
    if outcome.document.status != "passed" { throw ExitCode(1) }
  }
}

/// The grade table printed row by row as the checks end (the live progress line cleared first),
/// so a long training check's result is on the screen before the next check starts.
final class LiveTable: @unchecked Sendable {
  let rendering: GradeRendering
  let live: ProgressLine
  private let lock = NSLock()
  private var rows: [String] = []

  init(rendering: GradeRendering, live: ProgressLine) {
    self.rendering = rendering
    self.live = live
  }

  /// The ids of the checks whose rows are on the screen, in order.
  var printed: [String] {
    lock.lock()
    defer { lock.unlock() }
    return rows
  }

  func begin(_ key: String, title: String) {
    rendering.renderHeader(key, title: title)
  }

  func add(_ check: GradeDocument.CheckDocument, _ checkIDs: [String]) {
    lock.lock()
    defer { lock.unlock() }
    guard !rows.contains(check.id) else { return }
    live.clear()
    if rows.isEmpty { rendering.terminal.print() }
    for line in rendering.rowLines(check, idWidth: GradeRendering.idWidth(checkIDs)) { rendering.terminal.print(line) }
    rows.append(check.id)
  }
}

/// The per-check table, the score and what changed since the previous attempt; every line fits
/// 80 columns (titles and details are wrapped and indented).
struct GradeRendering {
  var terminal: Terminal
  /// Show what every check printed (passing ones too), not only the last lines of failing ones.
  var verbose = false

  static let width = 80

  func renderHeader(_ key: String, title: String) {
    terminal.print(terminal.styled("grade \(key)", .bold) + terminal.styled("  \(title)", .dim))
  }

  /// The whole report; `printed` are the ids of the check rows already on the screen (printed
  /// as the checks ended, below the header), which are not printed again.
  func render(_ outcome: GradeOutcome, printed: [String]? = nil) {
    let document = outcome.document
    if printed == nil { renderHeader(outcome.exercise.key, title: outcome.exercise.title) }
    let rest = document.checks.filter { !(printed ?? []).contains($0.id) }
    switch document.status {
    case "compileError":
      terminal.print()
      terminal.print(terminal.styled("Your code does not compile:", .red))
      terminal.print(indent((document.compilerOutput ?? "").trimmingCharacters(in: .newlines), by: 2))
    default:
      if (printed ?? []).isEmpty { terminal.print() }
      renderChecks(rest, idWidth: Self.idWidth(document.checks.map(\.id)))
      if document.status == "error" {
        if !document.checks.isEmpty { terminal.print() }
        for line in wrap(document.errorMessage ?? "", label: "The checks could not run: ", indent: 0) {
          terminal.print(styledLabel(line, "The checks could not run: ", indent: 0, .red))
        }
      }
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
    renderChecks(document.checks, idWidth: Self.idWidth(document.checks.map(\.id)))
  }

  func renderChecks(_ checks: [GradeDocument.CheckDocument], idWidth: Int) {
    for check in checks {
      for line in rowLines(check, idWidth: idWidth) { terminal.print(line) }
    }
  }

  /// The width of the id column for these checks.
  static func idWidth(_ ids: [String]) -> Int {
    min(28, ids.map(\.count).max() ?? 10)
  }

  /// One check's row: mark, id, points and title (wrapped under the title), then its details:
  /// the failure and hint, the metrics it reported, what it showed, and what it printed.
  func rowLines(_ check: GradeDocument.CheckDocument, idWidth: Int) -> [String] {
    var lines: [String] = []
    let score = "\(points(check.points))/\(points(check.maxPoints))"
    let lead = "  ? \(pad(check.id, idWidth + 2))\(pad(score, 7))"
    var titleLines: [String]
    if lead.count <= 48 {
      titleLines = wrap(check.title, label: lead, indent: 0)
    } else {
      titleLines = [String(lead.reversed().drop { $0 == " " }.reversed())] + wrap(check.title, label: "", indent: 6)
    }
    titleLines[0] = "  \(mark(check.status))" + titleLines[0].dropFirst(3)
    lines += titleLines
    if check.status != "pass" {
      let label = check.status == "skipped" ? "" : "\(check.status): "
      lines += wrap(check.message, label: label, indent: 6).enumerated().map {
        $0.offset == 0 ? styledLabel($0.element, label, indent: 6, .red) : $0.element
      }
    }
    for metric in GradeFormatting.metricParts(check) {
      let whole = metric.parenthetical.isEmpty ? metric.head : metric.head + " " + metric.parenthetical
      if 6 + whole.count <= Self.width || metric.parenthetical.isEmpty {
        lines += wrap(whole, label: "", indent: 6, continuation: 8)
      } else {
        lines += wrap(metric.head, label: "", indent: 6, continuation: 8)
        lines += wrap(metric.parenthetical, label: "", indent: 8)
      }
    }
    for shown in check.shown ?? [] {
      if let label = shown.label {
        let rows = GradeFormatting.sampleRows(shown.text, rows: 5, width: Self.width - 8)
        lines += wrap(GradeFormatting.visible(label) + ":", label: "", indent: 6).map { terminal.styled($0, .dim) }
        lines += rows.map { "        " + $0 }
      } else {
        lines += wrap(GradeFormatting.visible(shown.text), label: "", indent: 6, continuation: 8)
      }
    }
    if let hint = check.hint, check.status != "pass", check.status != "skipped" {
      lines += wrap(hint, label: "hint: ", indent: 6).enumerated().map {
        $0.offset == 0 ? styledLabel($0.element, "hint: ", indent: 6, .yellow) : $0.element
      }
    }
    let printed = check.output.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init).reversed().drop { $0.isEmpty }.reversed()
    if !printed.isEmpty && (verbose || check.status != "pass") {
      let shown = verbose ? Array(printed) : Array(printed.suffix(6))
      let more = printed.count > shown.count ? " (last \(shown.count) of \(printed.count) lines)" : ""
      lines.append(indent(terminal.styled("printed\(more):", .dim), by: 6))
      for line in shown { lines += hardWrap(line, indent: 8) }
    }
    return lines
  }

  /// `text` (its own lines kept) word-wrapped to 80 columns: the first line starts with
  /// `indent` spaces and `label`, the others with `continuation` spaces (default: under the
  /// text after the label). A word longer than a line is broken.
  func wrap(_ text: String, label: String, indent: Int, continuation: Int? = nil) -> [String] {
    let first = String(repeating: " ", count: indent) + label
    let hanging = String(repeating: " ", count: continuation ?? first.count)
    var result: [String] = []
    for (index, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var line = index == 0 ? first : hanging
      var lineHasWord = false
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var word = Substring(word)
        if lineHasWord && line.count + 1 + word.count > Self.width {
          result.append(line)
          line = hanging
          lineHasWord = false
        }
        if lineHasWord { line += " " }
        while line.count + word.count > Self.width && Self.width - line.count > 0 {
          let room = Self.width - line.count
          line += word.prefix(room)
          word = word.dropFirst(room)
          result.append(line)
          line = hanging
        }
        line += word
        lineHasWord = true
      }
      result.append(line)
    }
    return result
  }

  /// A printed line broken into pieces of 80 columns, each starting with `indent` spaces.
  func hardWrap(_ text: String, indent: Int) -> [String] {
    let prefix = String(repeating: " ", count: indent)
    var rest = Substring(text)
    var result: [String] = []
    repeat {
      result.append(prefix + rest.prefix(Self.width - indent))
      rest = rest.dropFirst(Self.width - indent)
    } while !rest.isEmpty
    return result
  }

  /// `line`, whose text after `indent` spaces starts with `label`, with the label styled.
  func styledLabel(_ line: String, _ label: String, indent: Int, _ style: Terminal.Style) -> String {
    guard !label.isEmpty, line.dropFirst(indent).hasPrefix(label) else { return line }
    return String(repeating: " ", count: indent) + terminal.styled(label, style) + line.dropFirst(indent + label.count)
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
