import Foundation
import TestSupport
import Testing

/// The built `practice` binary, run as a learner would, with the results read back by stock git.
@Suite("practice, end to end")
struct EndToEndTests {
  static let binary: String = {
    let besideTests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("practice")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests.path }
    return repositoryRoot.appendingPathComponent(".build/debug/practice").path
  }()

  @discardableResult
  func practice(_ arguments: [String], in directory: URL) throws -> CommandResult {
    try runCommand(
      Self.binary, arguments, in: directory, environment: ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"])
  }

  struct GradeJSON: Decodable {
    struct Check: Decodable {
      var id: String
      var title: String
      var status: String
      var points: Double
      var maxPoints: Double
      var message: String
    }
    var exercise: String
    var status: String
    var score: Double
    var maxScore: Double
    var checks: [Check]
    var attempt: String
  }

  struct LogJSON: Decodable {
    var attempt: String
    var exercise: String
    var status: String
    var score: Double
    var maxScore: Double
    var date: String
  }

  struct LogDocument: Decodable {
    var formatVersion: Int
    var attempts: [LogJSON]
  }

  @Test("init → start → grade (fails) → solve → grade (passes) → log, checked with stock git")
  func wholeLoop() throws {
    let parent = try TemporaryDirectory()
    let created = try practice(["init", "ws"], in: parent.url)
    #expect(created.status == 0, "\(created.stderr)")
    let workspace = parent.url.appendingPathComponent("ws")
    let status0 = try git(["status", "--porcelain"], in: workspace).stdout

    let start = try practice(["start"], in: workspace)
    #expect(start.status == 0, "\(start.stderr)")
    #expect(start.stdout.contains("ENTROPY: HOW MANY BITS"))
    #expect(start.stdout.contains("Exercises/information-theory/entropy/Entropy.swift"))
    let file = workspace.appendingPathComponent("Exercises/information-theory/entropy/Entropy.swift")
    #expect(try String(contentsOf: file, encoding: .utf8).contains("TODO"))

    // The scaffold fails, from a subfolder of the workspace.
    let failing = try practice(["grade", "--json"], in: file.deletingLastPathComponent())
    #expect(failing.status == 1, "\(failing.stderr)")
    let failed = try JSONDecoder().decode(GradeJSON.self, from: Data(failing.stdout.utf8))
    #expect(failed.exercise == "information-theory/entropy")
    #expect(failed.status == "failed")
    #expect(failed.maxScore == 8)
    #expect(failed.score < 8)
    #expect(failed.checks.contains { $0.status == "fail" && $0.message.contains("expected 1.5, got 0.0") })
    #expect(failed.checks.contains { $0.status == "skipped" })
    #expect(failed.attempt.count == 40)

    // Copying the reference solution over the scaffold solves it.
    let solution = repositoryRoot.appendingPathComponent("Curriculum/information-theory/entropy/Solution/Entropy.swift")
    try FileManager.default.removeItem(at: file)
    try FileManager.default.copyItem(at: solution, to: file)
    let passing = try practice(["grade", "information-theory/entropy", "--json"], in: workspace)
    #expect(passing.status == 0, "\(passing.stderr)")
    let passed = try JSONDecoder().decode(GradeJSON.self, from: Data(passing.stdout.utf8))
    #expect(passed.status == "passed" && passed.score == 8 && passed.checks.allSatisfy { $0.status == "pass" })

    let log = try practice(["log", "--json"], in: workspace)
    let entries = try JSONDecoder().decode(LogDocument.self, from: Data(log.stdout.utf8)).attempts
    #expect(entries.map(\.attempt) == [passed.attempt, failed.attempt])
    #expect(entries.map(\.status) == ["passed", "failed"])
    #expect(entries.first?.maxScore == 8)

    // Stock git sees the same history; the learner's HEAD, index and files are untouched.
    #expect(
      try git(["rev-list", "practice/attempts"], in: workspace).stdout == "\(passed.attempt)\n\(failed.attempt)\n")
    let trailers = try git(
      [
        "log", "-1",
        "--format=%(trailers:key=Exercise,valueonly)%(trailers:key=Score,valueonly)%(trailers:key=Status,valueonly)",
        "practice/attempts",
      ], in: workspace
    ).stdout
    #expect(trailers.split(separator: "\n") == ["information-theory/entropy", "8/8", "passed"])
    let course = try git(
      ["log", "-1", "--format=%(trailers:key=Course,valueonly)", "practice/attempts"], in: workspace
    ).stdout
    #expect(course.hasPrefix("practitioner-ml "))
    let stored = try git(
      ["show", "\(failed.attempt):Exercises/information-theory/entropy/Entropy.swift"], in: workspace
    ).stdout
    #expect(stored.contains("TODO"))
    let results = try git(
      ["show", "\(passed.attempt):.practice/results/information-theory/entropy.json"], in: workspace)
    #expect(results.status == 0 && results.stdout.contains("\"status\" : \"passed\""))
    #expect(try git(["symbolic-ref", "HEAD"], in: workspace).stdout == "refs/heads/main\n")
    #expect(try git(["rev-parse", "--verify", "-q", "HEAD"], in: workspace).status != 0)
    #expect(try git(["fsck", "--strict"], in: workspace).status == 0)
    #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent(".git/index").path))
    _ = status0

    // Status and list show the progress.
    let overview = try practice([], in: workspace)
    #expect(overview.stdout.contains("8/100"))
    #expect(overview.stdout.contains("practice start information-theory/joint-entropy"))
    let list = try practice(["list"], in: workspace)
    #expect(list.stdout.contains("entropy") && list.stdout.contains("passed") && list.stdout.contains("not started"))
  }

  @Test("the text report shows each check, the score and the attempt")
  func textReport() throws {
    let parent = try TemporaryDirectory()
    try practice(["init", "ws"], in: parent.url)
    let workspace = parent.url.appendingPathComponent("ws")
    try practice(["start", "kl-divergence"], in: workspace)
    let result = try practice(["grade"], in: workspace)
    #expect(result.status == 1)
    #expect(result.stdout.contains("grade information-theory/kl-divergence"))
    #expect(result.stdout.contains("✘ coin"))
    #expect(result.stdout.contains("expected 0.7369655941662062, got 0.0"))
    #expect(result.stdout.contains("hint: "))
    #expect(result.stdout.contains("Score: 1/10"))
    #expect(!result.stdout.contains("\u{1B}["), "NO_COLOR is honoured")
  }

  @Test("a classic bug is diagnosed, and each check reports its output and duration")
  func diagnosis() throws {
    let parent = try TemporaryDirectory()
    try practice(["init", "ws"], in: parent.url)
    let workspace = parent.url.appendingPathComponent("ws")
    try practice(["start", "entropy"], in: workspace)
    try """
    import Foundation

    func entropy(_ p: [Double], base: Double = 2) -> Double {
      print("computing entropy of", p)
      return -p.filter { $0 > 0 }.reduce(0) { $0 + $1 * log($1) }
    }

    """.write(
      to: workspace.appendingPathComponent("Exercises/information-theory/entropy/Entropy.swift"), atomically: true,
      encoding: .utf8)
    let result = try practice(["grade", "--json"], in: workspace)
    #expect(result.status == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let checks = try #require(json["checks"] as? [[String: Any]])
    let first = try #require(checks.first)
    #expect(first["id"] as? String == "half-quarter-quarter")
    #expect((first["message"] as? String)?.contains("likely cause: this is the entropy in nats") == true)
    #expect(first["output"] as? String == "computing entropy of [0.5, 0.25, 0.25]\n")
    #expect(first["durationMs"] is Double || first["durationMs"] is Int)
    #expect(first["hint"] is String)
    #expect(json["metrics"] is [String: Any])
  }

  @Test("a compile error is shown with the learner's path and recorded")
  func compileError() throws {
    let parent = try TemporaryDirectory()
    try practice(["init", "ws"], in: parent.url)
    let workspace = parent.url.appendingPathComponent("ws")
    try practice(["start", "entropy"], in: workspace)
    try "func entropy(_ p: [Double], base: Double = 2) -> Double { p.sum }\n".write(
      to: workspace.appendingPathComponent("Exercises/information-theory/entropy/Entropy.swift"), atomically: true,
      encoding: .utf8)
    let result = try practice(["grade", "--json"], in: workspace)
    #expect(result.status == 1)
    #expect(result.stdout.contains("\"status\" : \"compileError\""))
    #expect(result.stdout.contains("Exercises/information-theory/entropy/Entropy.swift:1:"))
    let subject = try git(
      ["log", "-1", "--format=%s%n%(trailers:key=Status,valueonly)", "practice/attempts"], in: workspace)
    #expect(subject.stdout == "grade information-theory/entropy: 0/8\ncompileError\n\n")
  }

  @Test("usage and setup errors exit with 2 or more and say what to do")
  func errors() throws {
    let outside = try TemporaryDirectory()
    let notWorkspace = try practice(["grade"], in: outside.url)
    #expect(notWorkspace.status == 2)
    #expect(notWorkspace.stderr.contains("practice init"))
    #expect(notWorkspace.stdout.isEmpty)

    let usage = try practice(["grade", "--no-such-flag"], in: outside.url)
    #expect(usage.status >= 2)

    try practice(["init", "ws"], in: outside.url)
    let workspace = outside.url.appendingPathComponent("ws")
    let unknown = try practice(["start", "entropi"], in: workspace)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no exercise 'entropi'"))
    let notStarted = try practice(["grade", "joint-entropy"], in: workspace)
    #expect(notStarted.status == 2)
    #expect(notStarted.stderr.contains("practice start information-theory/joint-entropy"))
    let again = try practice(["init", "ws"], in: outside.url)
    #expect(again.status == 2)
  }

  @Test("verify passes on the course fixture and fails, naming the exercise, on a broken one")
  func verify() throws {
    let good = try CourseFixture()
    let passing = try practice(["verify", "--course", good.root.path], in: good.root)
    #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
    #expect(passing.stdout.contains("2 passed, 0 failed"))

    let broken = try CourseFixture(solution: "func add(_ a: Int, _ b: Int) -> Int { 0 }\n")
    let failing = try practice(["verify", "--course", broken.root.path], in: broken.root)
    #expect(failing.status == 1)
    #expect(failing.stdout.contains("✘ basics/add: reference solution scores 0/3"))

    let invalid = try CourseFixture(
      moduleJSON: #"{"formatVersion": 1, "id": "basics", "title": "B", "exercises": [{"id": "add"}]}"#)
    let error = try practice(["verify", "--course", invalid.root.path], in: invalid.root)
    #expect(error.status == 2)
    #expect(error.stderr.contains("Curriculum/basics/module.json: $.exercises[0].title: missing"))
  }

  @Test("a workspace can follow another course")
  func otherCourse() throws {
    let course = try CourseFixture()
    let parent = try TemporaryDirectory()
    #expect(try practice(["init", "ws", "--course", course.root.path], in: parent.url).status == 0)
    let workspace = parent.url.appendingPathComponent("ws")
    let config = try String(contentsOf: workspace.appendingPathComponent(".practice/workspace.json"), encoding: .utf8)
    #expect(config.contains("\"id\" : \"tiny\"") && config.contains("\"version\" : \"1.2.3\""))
    #expect(try practice(["start"], in: workspace).stdout.contains("Write add."))
    let file = workspace.appendingPathComponent("Exercises/basics/add/Add.swift")
    try CourseFixture.defaultSolution.write(to: file, atomically: true, encoding: .utf8)
    #expect(try practice(["grade"], in: workspace).status == 0)
  }
}
