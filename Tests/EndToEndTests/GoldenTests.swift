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
}
