import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C, SIGTERM and SIGHUP sent to a real `practice grade` while the learner's program runs or
/// while the compiler runs: the exit status is 128 + the signal, nothing the grade started is left
/// in /proc, no staging folder is left in the cache, and no attempt is recorded.
@Suite("Interruptions")
struct InterruptionTests {
  static let moduleJSON = """
    {
      "formatVersion": 1, "id": "basics", "title": "Basics",
      "exercises": [
        {"id": "add", "title": "Add two numbers", "files": ["Add.swift"], "points": 3,
         "limits": {"checkSeconds": 120, "runSeconds": 300}}
      ]
    }
    """
  static let checks = """
    import PracticeChecks

    let checks = CheckSuite {
      Check("adds", "2 + 3 = 5", points: 3) { try expectEqual(add(2, 3), 5) }
    }
    """

  /// A workspace following a one-exercise course, with a cache of its own (seeded with the shared
  /// test cache's support modules, so only the learner's program is built).
  final class Setup {
    let course: CourseFixture
    let parent: TemporaryDirectory
    let cache: TemporaryDirectory
    var workspace: URL { parent.url.appendingPathComponent("ws") }
    var environment: [String: String] { ["XDG_CACHE_HOME": cache.url.path, "NO_COLOR": "1"] }

    init() throws {
      course = try CourseFixture(moduleJSON: InterruptionTests.moduleJSON, checks: InterruptionTests.checks)
      parent = try TemporaryDirectory()
      cache = try TemporaryDirectory("practice-cache")
      let created = try runCommand(
        EndToEndTests.binary, ["init", "ws", "--course", course.root.path], in: parent.url,
        environment: ["XDG_CACHE_HOME": sharedTestCache.path])
      #expect(created.status == 0, "\(created.stderr)")
      // One honest grade through the shared cache builds the support modules if needed.
      _ = try runCommand(
        EndToEndTests.binary, ["start", "add"], in: workspace, environment: ["XDG_CACHE_HOME": sharedTestCache.path])
      _ = try runCommand(
        EndToEndTests.binary, ["grade", "add"], in: workspace, environment: ["XDG_CACHE_HOME": sharedTestCache.path])
      let practice = cache.url.appendingPathComponent("practice")
      try FileManager.default.createDirectory(at: practice, withIntermediateDirectories: true)
      for name in ["support", "toolchains"] {
        try FileManager.default.copyItem(
          at: sharedTestCache.appendingPathComponent("practice/\(name)"), to: practice.appendingPathComponent(name))
      }
    }

    func write(_ source: String) throws {
      try source.write(
        to: workspace.appendingPathComponent("Exercises/basics/add/Add.swift"), atomically: true, encoding: .utf8)
    }

    func attempts() throws -> Int {
      let log = try git(["rev-list", "--count", "practice/attempts"], in: workspace)
      return Int(log.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Folders the grader left in the cache's programs folder while building.
    func stagingLeft() -> [String] {
      let programs = cache.url.appendingPathComponent("practice/programs")
      return ((try? FileManager.default.contentsOfDirectory(atPath: programs.path)) ?? []).filter {
        $0.hasPrefix(".staging-")
      }
    }
  }

  @Test(
    "a signal while the program runs: exit 128+n, the program and its children gone, nothing recorded",
    arguments: [SIGINT, SIGTERM, SIGHUP])
  func duringRun(_ signal: Int32) throws {
    let setup = try Setup()
    let marker = "\(Int.random(in: 100_000...999_999)).75"
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
      """)
    let before = try setup.attempts()
    let grade = try SpawnedCommand(
      EndToEndTests.binary, ["grade", "add"], in: setup.workspace, environment: setup.environment)
    #expect(waitUntil(seconds: 120) { !processesWithArgument(marker).isEmpty }, "the program never started")
    grade.signal(signal)
    let status = grade.wait(seconds: 60)
    #expect(status == 128 + signal)
    #expect(waitUntil(seconds: 10) { processesWithArgument(marker).isEmpty }, "a child of the program survived")
    #expect(processesMentioning(setup.cache.url.path).isEmpty, "a process of the grade survived")
    #expect(setup.stagingLeft().isEmpty)
    #expect(try setup.attempts() == before, "an interrupted grade recorded an attempt")
  }

  @Test("a signal while the compiler runs: exit 128+n, no compiler left, no staging folder, nothing recorded")
  func duringCompile() throws {
    let setup = try Setup()
    // Enough code that the compiler is busy for a few seconds.
    var source = "func add(_ a: Int, _ b: Int) -> Int { a + b }\n"
    for index in 0..<6000 {
      source += "func f\(index)(_ x: [Double]) -> Double { x.map { $0 * \(index).5 + 1 }.reduce(0, +) }\n"
    }
    try setup.write(source)
    let before = try setup.attempts()
    let grade = try SpawnedCommand(
      EndToEndTests.binary, ["grade", "add"], in: setup.workspace, environment: setup.environment)
    let compiling = waitUntil(seconds: 60) {
      processesMentioning(setup.cache.url.path).contains { $0.contains("swift-frontend") }
    }
    #expect(compiling, "the compiler was never seen running")
    grade.signal(SIGTERM)
    #expect(grade.wait(seconds: 60) == 128 + SIGTERM)
    #expect(
      waitUntil(seconds: 10) { processesMentioning(setup.cache.url.path).isEmpty }, "a compiler process survived")
    #expect(setup.stagingLeft().isEmpty, "staging folders left: \(setup.stagingLeft())")
    #expect(try setup.attempts() == before)
  }
}

/// Polls `condition` every 20 ms until it holds or `seconds` pass.
func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if condition() { return true }
    usleep(20_000)
  }
  return condition()
}

/// Command lines (pid: arguments) of running processes that mention `text` in an argument.
func processesMentioning(_ text: String) -> [String] {
  let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
  return entries.compactMap { entry -> String? in
    guard Int32(entry) != nil, Int32(entry) != getpid(),
      let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"), !data.isEmpty,
      let stat = FileManager.default.contents(atPath: "/proc/\(entry)/stat"),
      !String(decoding: stat, as: UTF8.self).contains(") Z ")
    else { return nil }
    let line = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    return line.contains(text) ? "\(entry): \(line)" : nil
  }
}

/// Pids of running processes with `argument` among their arguments.
func processesWithArgument(_ argument: String) -> [String] {
  processesMentioning(argument).filter { line in line.split(separator: " ").contains { $0 == argument } }
}
