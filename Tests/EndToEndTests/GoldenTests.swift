import Foundation
import TestSupport
import Testing

/// The terminal output a learner reads, compared with golden files (colour off). Re-record after an
/// intended change with `PRACTICE_RECORD_GOLDEN=1 swift test --filter GoldenTests`, then review
/// the diff of Tests/EndToEndTests/Golden/.
@Suite("Golden terminal output", .serialized)
struct GoldenTests {
  static let folder = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Golden")

  /// Replaces what changes from run to run: the workspace path, commit ids, relative times; and
  /// drops the one-time "building the learner library" lines, printed only when the shared test
  /// cache does not have it yet.
  func normalise(_ text: String, workspace: URL) -> String {
    var result = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("  building the learner library") && !$0.hasPrefix("  built the learner library") }
      .joined(separator: "\n").replacingOccurrences(of: workspace.path, with: "<workspace>")
    let patterns = [
      ("[0-9a-f]{40}", "<commit>"), ("attempt [0-9a-f]{10}", "attempt <id>"),
      ("(just now|[0-9]+ min ago|[0-9]+ h ago)", "<when>"),
    ]
    for (pattern, replacement) in patterns {
      result = result.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
    }
    return result
  }

  func compare(_ name: String, _ actual: String) throws {
    let file = Self.folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["PRACTICE_RECORD_GOLDEN"] == "1" {
      try actual.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    if expected != actual {
      let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
      Issue.record(
        """
        \(name) differs from its golden file (PRACTICE_RECORD_GOLDEN=1 re-records it); first difference at line \
        \((first?.offset ?? min(expectedLines.count, actualLines.count)) + 1):
        expected: \(first.map { String($0.element.0) } ?? "(end)")
        actual:   \(first.map { String($0.element.1) } ?? "(end)")
        """)
    }
  }

  @Test("lesson, verdict table and home screen")
  func learnerScreens() throws {
    let parent = try TemporaryDirectory()
    let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1", "TZ": "UTC", "COLUMNS": "80"]
    try runCommand(EndToEndTests.binary, ["init", "ws"], in: parent.url, environment: environment)
    let workspace = parent.url.appendingPathComponent("ws")
    let start = try runCommand(EndToEndTests.binary, ["start", "entropy"], in: workspace, environment: environment)
    try compare("start-entropy.txt", normalise(start.stdout, workspace: workspace))
    let grade = try runCommand(EndToEndTests.binary, ["grade"], in: workspace, environment: environment)
    try compare("grade-entropy-scaffold.txt", normalise(grade.stdout, workspace: workspace))
  }

  @Test(
    "lessons reflowed to 80 and 120 columns (120 is capped at 100); code and tables verbatim",
    arguments: [
      ("information-theory/typical-set", 80), ("information-theory/typical-set", 120), ("transformer/gelu", 80),
      ("transformer/gelu", 120),
    ])
  func lesson(_ exercise: String, columns: Int) throws {
    let parent = try TemporaryDirectory()
    let environment = [
      "XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1", "TZ": "UTC", "COLUMNS": String(columns),
    ]
    try runCommand(EndToEndTests.binary, ["init", "ws"], in: parent.url, environment: environment)
    let workspace = parent.url.appendingPathComponent("ws")
    let start = try runCommand(EndToEndTests.binary, ["start", exercise], in: workspace, environment: environment)
    #expect(start.status == 0, "\(start.stderr)")
    let name = exercise.split(separator: "/").last.map(String.init) ?? exercise
    try compare("start-\(name)-\(columns).txt", normalise(start.stdout, workspace: workspace))
    // Wider lines are only the path of the file to edit (the workspace's path has any length).
    let wide = start.stdout.split(separator: "\n").filter {
      $0.count > min(columns, 100) && !$0.hasPrefix("  " + workspace.path)
    }
    #expect(wide.isEmpty, "\(wide)")
  }

  @Test("practice list fits 80 columns (the built-in course, the longest ids and titles)")
  func list() throws {
    let parent = try TemporaryDirectory()
    let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1", "TZ": "UTC", "COLUMNS": "80"]
    try runCommand(EndToEndTests.binary, ["init", "ws"], in: parent.url, environment: environment)
    let workspace = parent.url.appendingPathComponent("ws")
    try runCommand(EndToEndTests.binary, ["start", "entropy"], in: workspace, environment: environment)
    let list = try runCommand(EndToEndTests.binary, ["list"], in: workspace, environment: environment)
    #expect(list.status == 0, "\(list.stderr)")
    try compare("list-80.txt", normalise(list.stdout, workspace: workspace))
    let wide = list.stdout.split(separator: "\n").filter { $0.count > 80 }
    #expect(wide.isEmpty, "\(wide)")
  }

  @Test("home screen (on a fixed small course, so new course content does not change it)")
  func home() throws {
    let course = try CourseFixture()
    let parent = try TemporaryDirectory()
    let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1", "TZ": "UTC"]
    try runCommand(
      EndToEndTests.binary, ["init", "ws", "--course", course.root.path], in: parent.url, environment: environment)
    let workspace = parent.url.appendingPathComponent("ws")
    try runCommand(EndToEndTests.binary, ["start"], in: workspace, environment: environment)
    try runCommand(EndToEndTests.binary, ["grade"], in: workspace, environment: environment)
    let home = try runCommand(EndToEndTests.binary, [], in: workspace, environment: environment)
    try compare("home.txt", normalise(home.stdout, workspace: workspace))
  }

  /// Checks that report metrics with bars and optima, show a sample (with control characters and
  /// a line too long for the screen) and a note, print output, and fail with a long message.
  static let resultChecks = #"""
    import PracticeChecks

    let trainBar = 0.55
    let optimum = 0.39686

    let checks = CheckSuite {
      Check("train", "after 1000 steps, held-out Corpus W at ≤ \(trainBar) bits/char (optimum \(optimum))", points: 2) {
        print("step 1000: loss 0.61")
        let bits = 0.41953 + Double(add(0, 0))
        report("bits-per-char", bits, unit: "bits/char", bar: .atMost(trainBar), optimum: optimum)
        report("excess-bits", bits - optimum, unit: "bits/char")
        try expect(bits <= trainBar, "\(bits) bits/char; needs ≤ \(trainBar)")
      }
      Check("speedup", "the cache makes generation at least 3 times faster", points: 1) {
        report("speedup", 2.5 + Double(add(0, 0)), unit: "× faster with the cache", bar: .atLeast(3))
        show(note: "tier: none yet (bronze needs an excess ≤ 0.1)")
        try expect(add(1, 1) == 3, "cached 0.02 s vs uncached 0.05 s: 2.5×; needs ≥ 3× — a long message that must wrap at eighty columns")
      }
      Check("sample-text", "temperature 1 writes words", points: 1) {
        show(sample: "the one two\u{1B}[31m red\tand\n" + String(repeating: "word ", count: 30) + "\nthird\nfourth\nfifth\nsixth", label: "temperature 1, seed 2026")
        print("a passing check's output, shown with --verbose")
        try expectEqual(add(2, 3), 5)
      }
    }
    """#

  @Test("the grade table with metrics, samples and notes fits 80 columns; --verbose adds passing checks' output")
  func metricsAndSamples() throws {
    let course = try CourseFixture(checks: Self.resultChecks)
    let parent = try TemporaryDirectory()
    let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1", "TZ": "UTC"]
    try runCommand(
      EndToEndTests.binary, ["init", "ws", "--course", course.root.path], in: parent.url, environment: environment)
    let workspace = parent.url.appendingPathComponent("ws")
    try runCommand(EndToEndTests.binary, ["start"], in: workspace, environment: environment)
    try CourseFixture.defaultSolution.write(
      to: workspace.appendingPathComponent("Exercises/basics/add/Add.swift"), atomically: true, encoding: .utf8)
    let grade = try runCommand(EndToEndTests.binary, ["grade"], in: workspace, environment: environment)
    try compare("grade-metrics.txt", normalise(grade.stdout, workspace: workspace))
    let verbose = try runCommand(EndToEndTests.binary, ["grade", "--verbose"], in: workspace, environment: environment)
    try compare("grade-metrics-verbose.txt", normalise(verbose.stdout, workspace: workspace))
    for line in (grade.stdout + verbose.stdout).split(separator: "\n") {
      #expect(line.count <= 80, "wider than 80 columns: \(line)")
    }
    #expect(verbose.stdout.contains("a passing check's output, shown with --verbose"))
    #expect(!grade.stdout.contains("a passing check's output"))
    // `show` prints every check's output, and the metrics and samples, from the stored attempt.
    let show = try runCommand(EndToEndTests.binary, ["show", "last"], in: workspace, environment: environment)
    #expect(show.stdout.contains("        a passing check's output, shown with --verbose"))
    #expect(show.stdout.contains("        (pass ≤ 0.55; optimum 0.39686; excess 0.0227)"))
    #expect(show.stdout.contains("        the one two␛[31m red␉and"))
  }
}
