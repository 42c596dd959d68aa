import Foundation
import TestSupport
import Testing

/// `practice watch` in a real pseudo-terminal (tmux, 80 × 24, `bash -i`) on a two-exercise course:
/// `q` during a grade, `l`'s list, `n`.
@Suite("practice watch in a real terminal", .serialized)
struct WatchTerminalTests {
  let binary = EndToEndTests.binary

  static let moduleJSON = """
    {
      "formatVersion": 1, "id": "basics", "title": "Basics",
      "exercises": [
        {"id": "add", "title": "Add two numbers", "files": ["Add.swift"], "points": 3,
         "hints": ["Use +."], "limits": {"checkSeconds": 120, "runSeconds": 300}},
        {"id": "sub", "title": "Subtract two numbers", "files": ["Sub.swift"], "points": 1,
         "hints": ["Use -."], "limits": {"checkSeconds": 20}}
      ]
    }
    """

  /// The tiny course with a second exercise, basics/sub (its lesson, checks, solution, scaffold).
  static func twoExerciseCourse() throws -> CourseFixture {
    let course = try CourseFixture(moduleJSON: moduleJSON)
    try course.directory.write("# Subtract\n\nWrite `sub`.\n", to: "Curriculum/basics/sub.md")
    try course.directory.write(
      """
      import PracticeChecks

      let checks = CheckSuite {
        Check("sub", "5 - 3 = 2", points: 1) { try expectEqual(sub(5, 3), 2) }
      }
      """, to: "Curriculum/basics/sub/Checks.swift")
    try course.directory.write(
      "func sub(_ a: Int, _ b: Int) -> Int { a - b }\n", to: "Curriculum/basics/sub/Solution/Sub.swift")
    try course.directory.write(
      "func sub(_ a: Int, _ b: Int) -> Int {\n  // TODO\n  return 0\n}\n", to: "Exercises/basics/sub/Sub.swift")
    return course
  }

  /// The course, a workspace of it, and a shell in the workspace.
  final class Setup {
    let course: CourseFixture
    let parent: TemporaryDirectory
    let terminal: TerminalSession
    var workspace: URL { parent.url.appendingPathComponent("ws") }

    init(binary: String) throws {
      course = try WatchTerminalTests.twoExerciseCourse()
      parent = try TemporaryDirectory()
      let created = try runCommand(
        binary, ["init", "ws", "--course", course.root.path], in: parent.url,
        environment: ["XDG_CACHE_HOME": sharedTestCache.path])
      try #require(created.status == 0, "\(created.stderr)")
      terminal = try TerminalSession(
        directory: parent.url.appendingPathComponent("ws"),
        environment: ["XDG_CACHE_HOME": sharedTestCache.path, "PRACTICE_HOME": repositoryRoot.path])
      try #require(try terminal.waitForPrompt(seconds: 30) != nil, "no shell prompt")
    }

    func write(_ source: String, to name: String) throws {
      let url = workspace.appendingPathComponent("Exercises/basics/\(name)")
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try source.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The attempts ref's log (empty before the first attempt).
    func attempts() throws -> String {
      try git(["log", "--format=%H", "practice/attempts", "--"], in: workspace).stdout
    }

    func current() -> String {
      (try? String(contentsOf: workspace.appendingPathComponent(".practice/current"), encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }
  }

  @Test("q during a grade kills the learner's program and all it started, records nothing, and quits")
  func quitDuringGrade() throws {
    let setup = try Setup(binary: binary)
    let terminal = setup.terminal
    let marker = "\(Int.random(in: 100_000...999_999)).25"
    // The program starts a process of its own (in a session of its own) and then never returns.
    try setup.write(
      """
      import Glibc

      func add(_ a: Int, _ b: Int) -> Int {
        var pid: pid_t = 0
        let args = ["/bin/sh", "-c", "setsid sleep \(marker) </dev/null >/dev/null 2>&1 &"]
        var cArgs = args.map { strdup($0) } + [nil]
        posix_spawn(&pid, "/bin/sh", nil, nil, &cArgs, environ)
        while true { sleep(1) }
      }
      """, to: "add/Add.swift")
    let before = try setup.attempts()
    try terminal.type("\(binary) watch add")
    let running = waitUntil(seconds: 300) { !processesWithArgument(marker).isEmpty }
    try #require(running, "the learner's program never started:\n\(terminal.diagnosis)")
    try terminal.press("q")
    let back = try terminal.waitForPrompt(seconds: 30)
    try #require(back != nil, "no prompt after q:\n\(terminal.diagnosis)")
    #expect(back?.contains("Grade cancelled") == true, "\(back ?? "")")
    #expect(waitUntil(seconds: 10) { processesWithArgument(marker).isEmpty }, "a child of the program survived")
    #expect(try terminal.processStates().allSatisfy { $0.command == "bash" || $0.command == "ps" })
    #expect(try setup.attempts() == before, "a cancelled grade recorded an attempt")
    try terminal.type("echo st\"\"atus=$?")
    #expect(try terminal.waitUntil(seconds: 30) { $0.contains("status=0") } != nil, "\(terminal.diagnosis)")
  }

  @Test("l lists the exercises within 80 × 24; Down and Enter start the second one")
  func listStartsSecond() throws {
    let setup = try Setup(binary: binary)
    let terminal = setup.terminal
    try terminal.type("\(binary) watch add")
    let graded = try terminal.waitUntil(seconds: 300) { $0.contains("keys: n next") }
    try #require(graded != nil, "the first grade never ended:\n\(terminal.diagnosis)")
    try terminal.press("l")
    let list = try terminal.waitUntil(seconds: 30) { $0.contains("▶ basics/add") }
    try #require(list != nil, "no list:\n\(terminal.diagnosis)")
    let screen = try terminal.screen()
    // Drawn within the window: its title row is still the top row, no row is wider than 80.
    #expect(screen.first?.hasPrefix("Exercises") == true && screen.allSatisfy { $0.count <= 80 }, "\(screen)")
    #expect(screen.contains { $0.contains("basics/sub") && $0.contains("not started") })
    try terminal.press("Down")
    try #require(try terminal.waitUntil(seconds: 30) { $0.contains("▶ basics/sub") } != nil, "\(terminal.diagnosis)")
    try terminal.press("Enter")
    let started = try terminal.waitUntil(seconds: 300) {
      $0.contains("grade basics/sub") && $0.contains("keys: n next")
    }
    try #require(started != nil, "the second exercise was not started:\n\(terminal.diagnosis)")
    #expect(setup.current() == "basics/sub")
    #expect(started?.contains("Sub.swift") == true)
    try terminal.press("q")
    #expect(try terminal.waitForPrompt(seconds: 30) != nil, "\(terminal.diagnosis)")
  }

  @Test("n shows the next lesson and the file to edit, and the edit line stays through later grades")
  func nextKeepsEditLine() throws {
    let setup = try Setup(binary: binary)
    let terminal = setup.terminal
    try setup.write(CourseFixture.defaultSolution, to: "add/Add.swift")
    try terminal.type("\(binary) watch add")
    let passed = try terminal.waitUntil(seconds: 300) { $0.contains("Next: practice start basics/sub") }
    try #require(passed != nil, "add did not pass, or Next did not name sub:\n\(terminal.diagnosis)")
    try terminal.press("n")
    let edit = "edit: " + setup.workspace.appendingPathComponent("Exercises/basics/sub/Sub.swift").path
    let shown = try terminal.waitUntil(seconds: 300) { $0.contains("grade basics/sub") && $0.contains("keys: n next") }
    try #require(shown != nil, "\(terminal.diagnosis)")
    // Rows joined without newlines: a path longer than a row wraps.
    var screen = try terminal.screen().joined()
    #expect(screen.contains("SUBTRACT") && screen.contains("Write sub"), "the lesson is on screen:\n\(screen)")
    #expect(screen.contains(edit), "the edit line is on screen:\n\(screen)")
    // A save re-grades (clearing the screen): the edit line comes back with the verdict.
    try setup.write("func sub(_ a: Int, _ b: Int) -> Int { a - b }\n", to: "sub/Sub.swift")
    let regraded = try terminal.waitUntil(seconds: 300) { $0.contains("Score: passed") }
    try #require(regraded != nil, "\(terminal.diagnosis)")
    screen = try terminal.screen().joined()
    #expect(screen.contains(edit), "the edit line is still on screen:\n\(screen)")
    try terminal.press("q")
    #expect(try terminal.waitForPrompt(seconds: 30) != nil, "\(terminal.diagnosis)")
  }
}
