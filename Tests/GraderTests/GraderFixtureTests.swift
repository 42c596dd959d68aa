import Foundation
import Grader
import TestSupport
import Testing

/// The fixtures in `Fixtures/`: one learner submission per folder with the results it must get,
/// graded against the shared `Fixtures/Checks.swift` (exercism/swift-test-runner style).
@Suite("Grader fixtures")
struct GraderFixtureTests {
  static let fixtures = repositoryRoot.appendingPathComponent("Tests/GraderTests/Fixtures")

  struct Expected: Decodable {
    var status: String
    var score: Double
    var maxScore: Double?
    var checks: [String: String]
    var messageContains: [String: String]?
    var hints: [String: String]?
    var outputContains: [String]?
    var compilerContains: [String]?
    var metrics: [String: Double]?
    /// Per check: the metric details it must report, exactly.
    var details: [String: [MetricDetail]]?
    /// Per check: the texts it must show, exactly.
    var shown: [String: [ShownText]]?
    var checkOutputContains: [String: String]?
    var checkOutputExcludes: [String: String]?
    /// An argument of a process the submission starts, which must not be running after the grade.
    var noSurvivor: String?
  }

  static var names: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [])
      .filter {
        FileManager.default.fileExists(atPath: fixtures.appendingPathComponent("\($0)/expected_results.json").path)
      }
      .sorted()
  }

  @Test("each fixture gets exactly its expected results", arguments: names)
  func fixture(_ name: String) throws {
    let folder = Self.fixtures.appendingPathComponent(name)
    let expected = try JSONDecoder().decode(
      Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected_results.json")))
    let report = try makeGrader().grade(
      GradeRequest(
        sources: [
          try source(folder.appendingPathComponent("Solution.swift"), display: "Exercises/fixture/Solution.swift")
        ],
        checks: try source(Self.fixtures.appendingPathComponent("Checks.swift"), display: "Checks.swift"),
        interface: [try source(Self.fixtures.appendingPathComponent("Scaffold.swift"), display: "Scaffold.swift")],
        limits: Limits(checkSeconds: 5, runSeconds: 60, memoryMegabytes: 2048)))

    #expect(report.status.rawValue == expected.status, "\(report.compilerOutput)\n\(report.programOutput)")
    #expect(report.score == expected.score)
    #expect(report.maxScore == expected.maxScore)
    let statuses = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.id, $0.status.rawValue) })
    #expect(statuses == expected.checks, "\(report.checks.map { "\($0.id): \($0.message)" })")
    for (id, fragment) in expected.messageContains ?? [:] {
      let message = report.checks.first { $0.id == id }?.message ?? ""
      #expect(message.contains(fragment), "\(id): '\(message)' should contain '\(fragment)'")
    }
    for (id, hint) in expected.hints ?? [:] {
      #expect(report.checks.first { $0.id == id }?.hint == hint)
    }
    for fragment in expected.outputContains ?? [] {
      #expect(report.programOutput.contains(fragment), "output should contain '\(fragment)'")
    }
    for fragment in expected.compilerContains ?? [] {
      #expect(report.compilerOutput.contains(fragment), "'\(report.compilerOutput)' should contain '\(fragment)'")
    }
    if let metrics = expected.metrics { #expect(report.metrics == metrics) }
    for (id, details) in expected.details ?? [:] {
      #expect(report.checks.first { $0.id == id }?.details == details, "metric details of \(id)")
    }
    for (id, shown) in expected.shown ?? [:] {
      #expect(report.checks.first { $0.id == id }?.shown == shown, "texts shown by \(id)")
    }
    for (id, fragment) in expected.checkOutputContains ?? [:] {
      let output = report.checks.first { $0.id == id }?.output ?? ""
      #expect(output.contains(fragment), "\(id) printed '\(output)', which should contain '\(fragment)'")
    }
    for (id, fragment) in expected.checkOutputExcludes ?? [:] {
      #expect(report.checks.first { $0.id == id }?.output.contains(fragment) == false)
    }
    if let argument = expected.noSurvivor {
      #expect(processesWithArgument(argument).isEmpty, "a process started by the submission outlived the grade")
    }
    // Points are earned only by passing checks.
    for check in report.checks {
      #expect(check.points == (check.status == .pass ? check.maxPoints : 0))
    }
  }

  @Test("output is bounded however much the program prints")
  func boundedOutput() throws {
    let folder = Self.fixtures.appendingPathComponent("chatty")
    let report = try makeGrader().grade(
      GradeRequest(
        sources: [try source(folder.appendingPathComponent("Solution.swift"), display: "Solution.swift")],
        checks: try source(Self.fixtures.appendingPathComponent("Checks.swift"), display: "Checks.swift")))
    #expect(report.programOutput.utf8.count < 80 * 1024)
  }

  @Test("an exercise can ask for an optimised build of the learner's code")
  func optimised() throws {
    let folder = Self.fixtures.appendingPathComponent("passing")
    let report = try makeGrader().grade(
      GradeRequest(
        sources: [try source(folder.appendingPathComponent("Solution.swift"), display: "Solution.swift")],
        checks: try source(Self.fixtures.appendingPathComponent("Checks.swift"), display: "Checks.swift"),
        optimize: true))
    #expect(report.status == .passed)
    #expect(report.score == 7)
  }

  @Test("an identical submission reuses the program it built before")
  func reusesBuild() throws {
    let grader = try makeGrader()
    let unique = "func add(_ a: Int, _ b: Int) -> Int { a + b } // \(UUID())\n"
    let rest = try String(contentsOf: Self.fixtures.appendingPathComponent("passing/Solution.swift"), encoding: .utf8)
      .split(separator: "\n").dropFirst().joined(separator: "\n")
    let request = GradeRequest(
      sources: [
        SourceFile(name: "Solution.swift", displayPath: "Solution.swift", contents: Array((unique + rest + "\n").utf8))
      ],
      checks: try source(Self.fixtures.appendingPathComponent("Checks.swift"), display: "Checks.swift"))
    let first = try grader.grade(request)
    let second = try grader.grade(request)
    #expect(first.status == .passed && second.status == .passed)
    #expect(!first.reusedBuild)
    #expect(second.reusedBuild)
  }
}

func makeGrader() throws -> Grader {
  let toolchain = try Toolchain.locate(cache: sharedTestCache)
  return Grader(
    toolchain: toolchain, supportSources: repositoryRoot.appendingPathComponent("Sources"),
    cache: sharedTestCache)
}

func source(_ url: URL, display: String) throws -> SourceFile {
  SourceFile(name: url.lastPathComponent, displayPath: display, contents: Array(try Data(contentsOf: url)))
}

/// Pids of running processes with `argument` among their command-line arguments.
func processesWithArgument(_ argument: String) -> [String] {
  let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
  return entries.filter { entry in
    guard Int(entry) != nil, let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else {
      return false
    }
    return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == argument }
  }
}

/// Collects progress updates from the grading thread.
final class ProgressCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var updates: [CheckProgress] = []
  func add(_ update: CheckProgress) {
    lock.lock()
    updates.append(update)
    lock.unlock()
  }
  var all: [CheckProgress] {
    lock.lock()
    defer { lock.unlock() }
    return updates
  }
}

@Suite("Progress of long checks")
struct ProgressTests {
  @Test("a training-like check reports live progress, and its values become curves")
  func progress() throws {
    let checks = """
      import Glibc
      import PracticeChecks

      let checks = CheckSuite {
        Check("train", "loss goes down", points: 1) {
          var loss = 3.0
          for step in 1...300 {
            loss *= 0.99
            reportProgress(step: step, of: 300, ["loss": loss])
            usleep(1000)
          }
          try expect(loss < 3, "loss did not fall")
        }
      }
      """
    let collector = ProgressCollector()
    let report = try makeGrader().grade(
      GradeRequest(
        sources: [SourceFile(name: "Empty.swift", displayPath: "Empty.swift", contents: Array("\n".utf8))],
        checks: SourceFile(name: "Checks.swift", displayPath: "Checks.swift", contents: Array(checks.utf8)),
        onProgress: { collector.add($0) }))
    #expect(report.status == .passed, "\(report.compilerOutput)\(report.programOutput)")
    let updates = collector.all
    #expect(updates.count >= 2, "expected several live updates, got \(updates.count)")
    #expect(updates.last?.step == 300 && updates.last?.total == 300)
    #expect(updates.allSatisfy { $0.check == "train" && $0.values["loss"] != nil })
    let curve = try #require(report.checks.first?.curves["loss"])
    #expect(curve.count == updates.count)
    #expect(curve.first.map { $0[1] > curve.last?[1] ?? 0 } == true, "the loss curve falls")
  }
}
