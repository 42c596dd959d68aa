import Foundation
import PracticeKit
import TestSupport
import Testing

@testable import PracticeCLI

@Suite("Markdown renderer: reflow to the terminal width")
struct MarkdownRendererTests {
  let plain = Terminal(color: .never, environment: [:])
  let colour = Terminal(color: .always, environment: [:])

  func render(_ markdown: String, width: Int, terminal: Terminal? = nil) -> [String] {
    MarkdownRenderer(terminal: terminal ?? plain, width: width).render(markdown)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The words of a text, whitespace of any kind between them.
  func words(_ text: String) -> [String] { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) }

  static let paragraph = """
    For a sequence x₁…xₙ of independent draws from p, the probability is the product p(x₁)·…·p(xₙ), and
    its per-symbol surprisal is an average of n independent surprisals. By the law of large numbers it
    converges to their mean, which is the entropy H(p). For a biased coin with p(1) = 0.1: H₂(0.1) ≈ 0.469
    bits, and a long run of flips has per-symbol surprisal close to 0.469 — whatever run you happen to get.
    """

  @Test("a paragraph wraps at spaces to the width and keeps every word whole and in order", arguments: [80, 120, 40])
  func paragraph(width: Int) {
    let lines = render(Self.paragraph, width: width)
    #expect(lines.allSatisfy { displayWidth($0) <= width }, "\(lines)")
    #expect(words(lines.joined(separator: "\n")) == words(Self.paragraph))
    // Greedy: the next line's first word would not have fitted on the line before.
    for (line, next) in zip(lines, lines.dropFirst()) {
      let first = next.split(separator: " ").first.map(String.init) ?? ""
      #expect(displayWidth(line) + 1 + displayWidth(first) > width, "\(line) | \(first)")
    }
  }

  @Test("widths 80 and 120 lay the same text out differently")
  func twoWidths() {
    let at80 = render(Self.paragraph, width: 80)
    let at120 = render(Self.paragraph, width: 120)
    #expect(at80.count > at120.count)
    #expect(at120.contains { displayWidth($0) > 80 })
  }

  @Test("a word longer than the line gets a line of its own, unbroken")
  func longWord() {
    let long = String(repeating: "abcdefghij", count: 5)
    let lines = render("short words then \(long) and more", width: 30)
    #expect(lines == ["short words then", long, "and more"])
  }

  @Test("an inline code span stays whole, unless it is wider than the line")
  func codeSpan() {
    let lines = render("run it with `practice grade information-theory/entropy` now", width: 40)
    #expect(lines == ["run it with practice grade", "information-theory/entropy now"])
    let fits = render("then run `practice grade entropy` to see", width: 30)
    #expect(fits == ["then run", "practice grade entropy to see"])
  }

  @Test("list items wrap with a hanging indent; numbered items keep their number")
  func listItems() {
    let markdown = """
      - if the interval lies in the lower half, the next output bit is 0: emit it and double the interval;
      - short one
        - nested item that is long enough to wrap around at forty columns
      1. **Pre-train** (done by the check, with your own `trainGPT`)
      """
    let lines = render(markdown, width: 40)
    #expect(
      lines == [
        "• if the interval lies in the lower",
        "  half, the next output bit is 0: emit",
        "  it and double the interval;",
        "• short one",
        "  • nested item that is long enough to",
        "    wrap around at forty columns",
        "1. Pre-train (done by the check, with",
        "   your own trainGPT)",
      ])
  }

  @Test("code blocks, fenced and indented, are verbatim — even wider than the width")
  func codeVerbatim() {
    let wide = "rate(s) = peak · (0.1 + 0.9 · ½ (1 + cos(π · (s − warmup) / (steps − warmup))))"
    let markdown =
      "Text.\n\n    \(wide)\n    a  =  b   (spaces kept)\n\n```swift\nfunc entropy(_ p: [Double]) -> Double\n```\n"
    let lines = render(markdown, width: 40)
    #expect(
      lines == [
        "Text.", "", "    \(wide)", "    a  =  b   (spaces kept)", "", "    func entropy(_ p: [Double]) -> Double",
      ])
  }

  @Test("an indented code line starting with | keeps its bars (typical-set, the Markov matrix)")
  func bars() throws {
    let typical = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Curriculum/information-theory/typical-set.md"), encoding: .utf8
    )
    #expect(render(typical, width: 80).contains("    | −(1/n) log₂ p(x₁…xₙ) − H | ≤ ε"))
    let markov = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Curriculum/information-theory/markov-entropy-rate.md"),
      encoding: .utf8)
    let lines = render(markov, width: 80)
    let row = try #require(lines.firstIndex(of: "    P = | 0.9  0.1 |"))
    #expect(lines[row + 1] == "        | 0.2  0.8 |")
  }

  @Test("emphasis may span a line break of the source: no literal ** left, each wrapped piece styled")
  func emphasisAcrossLines() {
    let markdown = "Embeddings: **wte gets two\ngradients**, the classic *omission that\nmatters*."
    let lines = render(markdown, width: 80)
    #expect(lines == ["Embeddings: wte gets two gradients, the classic omission that matters."])
    let styled = render(markdown, width: 18, terminal: colour)
    #expect(!styled.joined().contains("*"))
    #expect(styled.first == "Embeddings: \u{1B}[1mwte\u{1B}[0m")
    #expect(styled.dropFirst().first == "\u{1B}[1mgets\u{1B}[0m \u{1B}[1mtwo\u{1B}[0m")
  }

  @Test("ANSI styles are not counted: coloured text wraps where plain text wraps")
  func ansiNotCounted() {
    let markdown = "Some **bold words** and `code spans` and *italic words* in a line that wraps twice or more."
    let coloured = render(markdown, width: 30, terminal: colour)
    let uncoloured = render(markdown, width: 30)
    #expect(coloured.count == uncoloured.count)
    #expect(coloured.contains { $0.count > 30 }, "the escapes are there")
    #expect(coloured.allSatisfy { displayWidth($0) <= 30 })
    let stripped = coloured.map {
      $0.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
    #expect(stripped == uncoloured)
  }

  @Test("a table is aligned and never wrapped")
  func table() {
    let lines = render("| model | bits/char |\n|---|---|\n| uniform over 27 characters | 4.755 |\n", width: 20)
    let bar = { (count: Int) in String(repeating: "─", count: count) }
    #expect(
      lines == [
        "  model" + String(repeating: " ", count: 21) + " │ bits/char",
        "  " + bar(26) + "─┼─" + bar(9),
        "  uniform over 27 characters │ 4.755    ",
      ])
  }

  @Test("the width: the terminal's columns, else COLUMNS, else 80; at most 100")
  func width() {
    #expect(Terminal.width(terminalColumns: nil, columnsVariable: nil) == 80)
    #expect(Terminal.width(terminalColumns: nil, columnsVariable: 120) == 100)
    #expect(Terminal.width(terminalColumns: nil, columnsVariable: 72) == 72)
    #expect(Terminal.width(terminalColumns: 90, columnsVariable: 72) == 90)
    #expect(Terminal.width(terminalColumns: 200, columnsVariable: nil) == 100)
    #expect(Terminal(color: .never, environment: ["COLUMNS": "abc"]).columnsVariable == nil)
    #expect(Terminal(color: .never, environment: ["COLUMNS": "64"]).columnsVariable == 64)
  }

  @Test("every built-in lesson: reflowed lines fit the width, verbatim lines fit 80", arguments: [80, 100])
  func builtinLessons(width: Int) throws {
    let course = try Workspace.loadCourseForAuthoring(ToolHome(root: repositoryRoot).builtinCourse)
    var problems: [String] = []
    for exercise in course.exercises {
      let markdown = try String(contentsOf: exercise.lesson, encoding: .utf8)
      for block in LessonMarkdown.blocks(markdown) {
        let verbatim = block.kind == .code || block.kind == .table
        let source = block.lines.joined(separator: "\n")
        let markdownOfBlock: String
        switch block.kind {
        case .code: markdownOfBlock = block.lines.map { "    " + $0 }.joined(separator: "\n")
        case .heading(let level): markdownOfBlock = String(repeating: "#", count: level) + " " + source
        case .item(let indent, let marker):
          markdownOfBlock = String(repeating: " ", count: indent) + marker + " " + block.text
        case .quote: markdownOfBlock = "> " + block.text
        default: markdownOfBlock = source
        }
        for line in render(markdownOfBlock, width: width) where displayWidth(line) > (verbatim ? 80 : width) {
          problems.append("\(exercise.key) line \(block.line): \(displayWidth(line)) columns: \(line)")
        }
      }
      let whole = render(markdown, width: width)
      for line in whole where line.contains("**") || line.hasPrefix("#") {
        problems.append("\(exercise.key): markup left: \(line)")
      }
    }
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }
}
