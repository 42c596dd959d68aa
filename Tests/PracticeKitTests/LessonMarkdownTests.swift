import Foundation
import Grader
import PracticeKit
import TestSupport
import Testing

@Suite("Lesson Markdown: blocks, display width, the 80-column rule for code and tables")
struct LessonMarkdownTests {
  @Test("display width counts grapheme clusters, not bytes or scalars; ANSI styles count nothing")
  func width() {
    #expect(displayWidth("| −(1/n) log₂ p − H | ≤ ε") == 25)
    #expect(displayWidth("‖x‖₂") == 4)
    #expect(displayWidth("x̂") == 1)  // x + U+0302, one column
    #expect(displayWidth("\u{1B}[1;33mbold\u{1B}[0m") == 4)
    #expect(displayWidth("日本") == 4)
    #expect(displayWidth("") == 0)
  }

  @Test("every line of an indented code block is code, also one starting with |")
  func barsInCode() {
    let markdown = """
      Call it typical if

          | −(1/n) log₂ p(x₁…xₙ) − H | ≤ ε

      and the matrix is

          P = | 0.9  0.1 |
              | 0.2  0.8 |
      """
    let code = LessonMarkdown.blocks(markdown).filter { $0.kind == .code }
    #expect(code.map(\.lines) == [["| −(1/n) log₂ p(x₁…xₙ) − H | ≤ ε"], ["P = | 0.9  0.1 |", "    | 0.2  0.8 |"]])
    #expect(code.map(\.line) == [3, 7])
  }

  @Test("a table needs its delimiter row; a paragraph line starting with | stays text")
  func tables() {
    let blocks = LessonMarkdown.blocks("| a | b |\n|---|:-:|\n| 1 | 2 |\n\nsum over\n|a| + 1 letters\n")
    #expect(blocks.map(\.kind) == [.table, .blank, .paragraph])
    #expect(blocks[2].text == "sum over |a| + 1 letters")
    #expect(LessonMarkdown.tableCells(blocks[0].lines) == [["a", "b"], nil, ["1", "2"]])
  }

  @Test("paragraph and item lines are joined, so emphasis may span a line break")
  func emphasisAcrossLines() {
    let blocks = LessonMarkdown.blocks("The **wte gets two\ngradients** here.\n\n- an *item that\n  goes on* here\n")
    #expect(blocks.map(\.kind) == [.paragraph, .blank, .item(indent: 0, marker: "-")])
    #expect(
      LessonMarkdown.spans(blocks[0].text) == [
        .init(text: "The ", emphasis: .plain), .init(text: "wte gets two gradients", emphasis: .bold),
        .init(text: " here.", emphasis: .plain),
      ])
    #expect(LessonMarkdown.spans(blocks[2].text).contains(.init(text: "item that goes on", emphasis: .italic)))
    #expect(LessonMarkdown.plain("a * b and 2 * 3, `x*y`") == "a * b and 2 * 3, x*y")
  }

  @Test("an indented line cannot interrupt a paragraph; a numbered item is an item")
  func continuation() {
    let blocks = LessonMarkdown.blocks("text\n    more text\n\n1. first\n   continued\n2. second\n")
    #expect(blocks.map(\.kind) == [.paragraph, .blank, .item(indent: 0, marker: "1."), .item(indent: 0, marker: "2.")])
    #expect(blocks[0].text == "text more text")
    #expect(blocks[2].text == "first continued")
  }

  @Test("wide verbatim lines: code as shown (fenced ones get four spaces), tables at their aligned width")
  func wideLines() {
    let eighty = String(repeating: "x", count: 76)
    let markdown = """
      A paragraph line may be as long as it likes: \(String(repeating: "word ", count: 30))

          \(eighty)
          \(eighty)y

      ```
      \(String(repeating: "z", count: 77))
      ```

      | \(String(repeating: "a", count: 40)) | \(String(repeating: "b", count: 36)) |
      |---|---|
      | 1 | **2** |
      """
    let wide = LessonMarkdown.wideVerbatimLines(markdown)
    #expect(
      wide == [
        .init(line: 4, width: 81, kind: "code line"), .init(line: 7, width: 81, kind: "code line"),
        .init(line: 10, width: 81, kind: "table"),
      ])
  }

  @Test("no lesson of the built-in course has a code line or table wider than 80 columns")
  func builtinCourse() throws {
    let home = ToolHome(root: repositoryRoot)
    let course = try Workspace.loadCourseForAuthoring(home.builtinCourse)
    let verifier = CourseVerifier(
      course: course, grader: try Workspace.makeGrader(home: home, environment: testEnvironment))
    let findings = course.exercises.flatMap { verifier.lessonFindings($0) }
    #expect(findings.isEmpty, "\(findings.map(\.message).joined(separator: "\n"))")
    #expect(course.exercises.count > 40)
  }

  @Test("verify reports a wide lesson line as a failing finding naming the file and line, before compiling")
  func verifierFinding() throws {
    let fixture = try CourseFixture()
    let lesson = "# Add\n\nWrite `add`:\n\n    \(String(repeating: "=", count: 90))\n"
    try lesson.write(
      to: fixture.root.appendingPathComponent("Curriculum/basics/add.md"), atomically: true, encoding: .utf8)
    let home = ToolHome(root: repositoryRoot)
    let course = try Workspace.loadCourseForAuthoring(fixture.root)
    let verifier = CourseVerifier(
      course: course, grader: try Workspace.makeGrader(home: home, environment: testEnvironment))
    let exercise = try #require(course.exercises.first)
    let findings = verifier.lessonFindings(exercise)
    #expect(findings.count == 1)
    #expect(findings.first?.ok == false)
    #expect(findings.first?.message.hasPrefix("Curriculum/basics/add.md:5: code line 94 columns wide") == true)
    let (all, _) = verifier.verify()
    #expect(all.first?.message == findings.first?.message, "the lesson check runs first")
  }
}
