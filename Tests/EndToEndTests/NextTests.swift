import Foundation
import TestSupport
import Testing

/// "Next" means the same everywhere: bare `practice start` resumes the exercise you are on until it
/// passes, then goes to the next one after it (its module first), as grade's "Next:" line says.
@Suite("Next: bare start and grade agree")
struct NextTests {
  @Test("bare start resumes the current exercise, then after a pass starts the one grade named")
  func bareStartFollowsNext() throws {
    let course = try WatchTerminalTests.twoExerciseCourse()
    let parent = try TemporaryDirectory()
    let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"]
    func practice(_ arguments: [String], in folder: URL) throws -> CommandResult {
      try runCommand(EndToEndTests.binary, arguments, in: folder, environment: environment)
    }
    try #require(try practice(["init", "ws", "--course", course.root.path], in: parent.url).status == 0)
    let workspace = parent.url.appendingPathComponent("ws")

    // The second exercise first; bare start stays on it while it has not passed.
    #expect(try practice(["start", "sub"], in: workspace).status == 0)
    let again = try practice(["start"], in: workspace)
    #expect(
      again.stdout.contains("── basics/sub ──") && again.stdout.contains("Your files are already here"),
      "\(again.stdout)")

    // Solved and passed: grade names the next exercise, wrapping round within the module, and
    // bare start goes there.
    try "func sub(_ a: Int, _ b: Int) -> Int { a - b }\n".write(
      to: workspace.appendingPathComponent("Exercises/basics/sub/Sub.swift"), atomically: true, encoding: .utf8)
    let graded = try practice(["grade"], in: workspace)
    #expect(graded.status == 0, "\(graded.stdout)\(graded.stderr)")
    #expect(graded.stdout.contains("Next: practice start basics/add"), "\(graded.stdout)")
    let next = try practice(["start"], in: workspace)
    #expect(next.stdout.contains("── basics/add ──"), "\(next.stdout)")
  }
}
