import Foundation
import Grader
import PracticeKit
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What a grade compiles, and what it refuses to read.
@Suite("Submission")
struct SubmissionTests {
  let home = ToolHome(root: repositoryRoot)

  func grader(sandboxOff: Bool = false) throws -> Grader {
    try Workspace.makeGrader(home: home, sandboxOff: sandboxOff, environment: testEnvironment)
  }

  func attempts(_ workspace: Workspace) throws -> Int {
    (try? workspace.attempts(of: nil).count) ?? 0
  }

  @Test(
    "a learner file that is a link, a FIFO or a folder is refused with the reason, nothing recorded",
    arguments: ["link", "fifo", "folder"])
  func refusesOddFiles(_ kind: String) throws {
    let scratch = try Scratch(home: home)
    let workspace = scratch.workspace
    let exercise = try workspace.exercise(named: "add")
    _ = try workspace.start(exercise)
    let file = workspace.root.appendingPathComponent("Exercises/basics/add/Add.swift")
    try FileManager.default.removeItem(at: file)
    let outside = try TemporaryDirectory()
    let target = try outside.write("func add(_ a: Int, _ b: Int) -> Int { a + b }\n", to: "secret.swift")
    switch kind {
    case "link": try FileManager.default.createSymbolicLink(at: file, withDestinationURL: target)
    case "fifo": #expect(mkfifo(file.path, 0o644) == 0)
    default: try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
    }
    let before = try attempts(workspace)
    do {
      _ = try workspace.grade(exercise, with: try grader())
      Issue.record("a \(kind) was graded")
    } catch PracticeError.unsafeFile(let path, let problem) {
      #expect(path == "Exercises/basics/add/Add.swift")
      let expected = ["link": "symbolic link", "fifo": "FIFO", "folder": "folder"][kind] ?? ""
      #expect(problem.contains(expected), "\(problem)")
    }
    #expect(try attempts(workspace) == before)
  }

  @Test("a grade without the sandbox is recorded as Sandbox: off; one in it records nothing")
  func sandboxTrailer() throws {
    let scratch = try Scratch(home: home)
    let workspace = scratch.workspace
    let exercise = try workspace.exercise(named: "add")
    _ = try workspace.start(exercise)
    let inside = try workspace.grade(exercise, with: try grader())
    let outside = try workspace.grade(exercise, with: try grader(sandboxOff: true))
    let trailer = { (id: String) in
      try git(["log", "-1", "--format=%(trailers:key=Sandbox,valueonly)", id], in: workspace.root).stdout
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    #expect(try trailer(inside.attempt) == "")
    #expect(try trailer(outside.attempt) == "off")
  }
}

@Suite("Sandbox unavailable")
struct SandboxUnavailableTests {
  let home = ToolHome(root: repositoryRoot)

  @Test("where bubblewrap cannot create namespaces, the grade names the cause and the way out")
  func unavailable() throws {
    let scratch = try Scratch(home: home)
    let workspace = scratch.workspace
    let exercise = try workspace.exercise(named: "add")
    _ = try workspace.start(exercise)
    // A bwrap that fails as it does in a container without user namespaces.
    let fake = try TemporaryDirectory()
    let script = try fake.write(
      "#!/bin/sh\necho 'bwrap: No permissions to creating new namespace, likely because the kernel does not allow "
        + "non-privileged user namespaces.' >&2\nexit 1\n", to: "bwrap")
    #expect(chmod(script.path, 0o755) == 0)
    var environment = testEnvironment
    environment["PRACTICE_BWRAP"] = script.path
    let grader = try Workspace.makeGrader(home: home, environment: environment)
    do {
      _ = try workspace.grade(exercise, with: grader)
      Issue.record("graded without a sandbox and without being asked to")
    } catch {
      let message = error.localizedDescription
      #expect(message.contains("No permissions to creating new namespace"), "\(message)")
      #expect(message.contains("--no-sandbox"), "\(message)")
      #expect(message.contains("PRACTICE_SANDBOX=off"), "\(message)")
    }
    #expect((try? workspace.attempts(of: nil).count) ?? 0 == 0)
    // Opting out grades, and says so in the attempt.
    let optedOut = try workspace.grade(
      exercise, with: try Workspace.makeGrader(home: home, sandboxOff: true, environment: environment))
    #expect(optedOut.report.sandbox == .off)
  }
}
