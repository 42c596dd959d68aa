import Foundation
import Grader
import PracticeKit
import TestSupport
import Testing

@Suite("Metrics and samples on the screen")
struct GradeFormattingTests {
  @Test("a metric with unit, bar and optimum reads as the issue asks")
  func summary() {
    let detail = MetricDetail(
      name: "bits-per-char", value: 0.41953, unit: "bits/char",
      bar: MetricDetail.Bar(comparison: "atMost", value: 0.55),
      optimum: 0.39686)
    #expect(GradeFormatting.summary(detail) == "0.4195 bits/char (pass ≤ 0.55; optimum 0.39686; excess 0.0227)")
    let speedup = MetricDetail(
      name: "speedup", value: 5.04321, unit: "× faster", bar: MetricDetail.Bar(comparison: "atLeast", value: 3))
    #expect(GradeFormatting.summary(speedup) == "5.043× faster (pass ≥ 3)")
    let reference = MetricDetail(name: "loss", value: 2.5, reference: 3.295836866004329)
    #expect(GradeFormatting.summary(reference) == "2.5 (reference 3.295836866004329)")
    // Against an optimum of 0 the excess would repeat the value.
    let bits = MetricDetail(name: "reply-bits", value: 0.1234, unit: "bits", optimum: 0)
    #expect(GradeFormatting.summary(bits) == "0.1234 bits (optimum 0)")
    #expect(GradeFormatting.summary(MetricDetail(name: "plain", value: 42)) == "42")
  }

  @Test("numbers: 4 significant digits, no trailing zeros, exponents only when very small or large")
  func numbers() {
    #expect(GradeFormatting.number(0.41953) == "0.4195")
    #expect(GradeFormatting.number(3.2146) == "3.215")
    #expect(GradeFormatting.number(12.5) == "12.5")
    #expect(GradeFormatting.number(1) == "1")
    #expect(GradeFormatting.number(-0.02264, digits: 3) == "-0.0226")
    #expect(GradeFormatting.number(0.000012345) == "1.234e-05" || GradeFormatting.number(0.000012345) == "1.235e-05")
    #expect(GradeFormatting.number(.nan) == "nan")
    #expect(GradeFormatting.number(-.infinity) == "-inf")
    #expect(GradeFormatting.constant(0.55) == "0.55")
    #expect(GradeFormatting.constant(3) == "3")
  }

  @Test("metrics without details (older attempts) are listed by name")
  func olderAttempts() throws {
    let json = #"""
      {"id":"train","title":"t","status":"pass","points":1,"maxPoints":1,"message":"","output":"",
       "durationMs":1,"metrics":{"b":2,"a":0.5}}
      """#
    let check = try JSONDecoder().decode(GradeDocument.CheckDocument.self, from: Data(json.utf8))
    #expect(GradeFormatting.metricLines(check) == ["a: 0.5", "b: 2"])
  }

  @Test("a sample: at most 5 rows of at most the width, control characters made visible")
  func sampleRows() {
    #expect(GradeFormatting.visible("a\u{1B}[31mb\tc\u{7F}\u{85}") == "a␛[31mb␉c␡\u{FFFD}")
    #expect(GradeFormatting.sampleRows("one\ntwo\n\n") == ["one", "two"])
    let long = String(repeating: "abcdefghij", count: 10)
    #expect(
      GradeFormatting.sampleRows(long, width: 40) == [
        String(long.prefix(40)), String(long.dropFirst(40).prefix(40)), String(long.dropFirst(80)),
      ])
    let many = (1...9).map { "line \($0)" }.joined(separator: "\n")
    let rows = GradeFormatting.sampleRows(many, rows: 5, width: 72)
    #expect(rows == ["line 1", "line 2", "line 3", "line 4", "line 5…"])
    let wide = GradeFormatting.sampleRows(String(repeating: "x", count: 1000), rows: 5, width: 72)
    #expect(wide.count == 5 && wide.allSatisfy { $0.count <= 72 } && wide.last?.hasSuffix("…") == true)
    #expect(GradeFormatting.sampleRows("crlf\r\nline") == ["crlf", "line"])
  }
}

@Suite("Check results as the checks end")
struct CheckEndedTests {
  let home = ToolHome(root: repositoryRoot)

  static let checks = """
    import PracticeChecks

    let checks = CheckSuite {
      Check("first", "reports a rate", points: 1) {
        print("training…")
        report("bits-per-char", 0.42, unit: "bits/char", bar: .atMost(0.55), optimum: 0.39686)
        try expectEqual(add(2, 3), 5)
      }
      Check("crash", "crashes", points: 1) {
        let empty: [Int] = []
        _ = empty[add(0, 0)]
      }
      Check("sample", "shows a sample", points: 1) {
        show(sample: "one two\\nthree", label: "words")
        show(note: "tier: gold")
        try expectEqual(add(1, 1), 3, "deliberately wrong")
      }
    }
    """

  @Test("each check's row arrives once, in order, as the document and the attempt hold it")
  func rowsArriveInOrder() throws {
    let fixture = try CourseFixture(checks: Self.checks)
    let parent = try TemporaryDirectory()
    let workspace = try Workspace.create(
      at: parent.url.appendingPathComponent("ws"), coursePath: fixture.root, home: home)
    let exercise = try workspace.exercise(named: "add")
    _ = try workspace.start(exercise)
    try CourseFixture.defaultSolution.write(
      to: workspace.root.appendingPathComponent("Exercises/basics/add/Add.swift"), atomically: true, encoding: .utf8)
    let rows = Rows()
    let outcome = try workspace.grade(
      exercise, with: try Workspace.makeGrader(home: home, environment: testEnvironment),
      onCheckEnded: { check, ids in rows.add(check, ids) })
    let streamed = rows.all
    #expect(streamed.map(\.check.id) == ["first", "crash", "sample"])
    #expect(streamed.allSatisfy { $0.ids == ["first", "crash", "sample"] })
    #expect(streamed.map(\.check) == outcome.document.checks)
    #expect(outcome.document.checks.map(\.status) == ["pass", "crash", "fail"])
    let first = outcome.document.checks[0]
    #expect(first.output.contains("training…"))
    #expect(first.metrics == ["bits-per-char": 0.42])
    #expect(
      first.details == [
        MetricDetail(
          name: "bits-per-char", value: 0.42, unit: "bits/char",
          bar: MetricDetail.Bar(comparison: "atMost", value: 0.55),
          optimum: 0.39686)
      ])
    #expect(
      outcome.document.checks[2].shown == [
        ShownText(label: "words", text: "one two\nthree"), ShownText(label: nil, text: "tier: gold"),
      ])
    // The stored attempt keeps the details beside the plain metrics and the trailer.
    let shown = try workspace.show("last")
    #expect(shown.results?.checks == outcome.document.checks)
    #expect(shown.details.trailers["Metric-bits-per-char"] == "0.42")
  }
}

final class Rows: @unchecked Sendable {
  private let lock = NSLock()
  private var rows: [(check: GradeDocument.CheckDocument, ids: [String])] = []

  func add(_ check: GradeDocument.CheckDocument, _ ids: [String]) {
    lock.lock()
    rows.append((check, ids))
    lock.unlock()
  }

  var all: [(check: GradeDocument.CheckDocument, ids: [String])] {
    lock.lock()
    defer { lock.unlock() }
    return rows
  }
}
