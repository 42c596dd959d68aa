import Foundation
import TestSupport
import Testing

/// `practice doctor` through the built binary, on workspaces damaged with stock git.
@Suite("practice doctor, end to end")
struct DoctorTests {
  @discardableResult
  func practice(_ arguments: [String], in directory: URL, cache: URL = sharedTestCache) throws -> CommandResult {
    try runCommand(
      EndToEndTests.binary, arguments, in: directory, environment: ["XDG_CACHE_HOME": cache.path, "NO_COLOR": "1"])
  }

  /// A workspace on the tiny course with the one exercise started.
  func workspace() throws -> (CourseFixture, TemporaryDirectory, URL) {
    let fixture = try CourseFixture()
    let parent = try TemporaryDirectory()
    try practice(["init", "ws", "--course", fixture.root.path], in: parent.url)
    let workspace = parent.url.appendingPathComponent("ws")
    try practice(["start", "basics/add"], in: workspace)
    return (fixture, parent, workspace)
  }

  func line(_ result: CommandResult) -> String { result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }

  @Test("a progress snapshot that does not parse: list names it, doctor reports it, --repair rebuilds it")
  func brokenProgress() throws {
    let (fixture, parent, workspace) = try workspace()
    _ = (fixture, parent)
    let file = workspace.appendingPathComponent("Exercises/basics/add/Add.swift")
    try CourseFixture.defaultSolution.write(to: file, atomically: true, encoding: .utf8)
    #expect(try practice(["grade"], in: workspace).status == 0)
    // A bad .practice/progress.json committed on practice/attempts with stock git plumbing.
    let bad = workspace.appendingPathComponent("bad.json")
    try "{\"formatVersion\": 1, \"exercises\": ".write(to: bad, atomically: true, encoding: .utf8)
    let badBlob = line(try git(["hash-object", "-w", bad.path], in: workspace))
    try FileManager.default.removeItem(at: bad)
    let index = workspace.appendingPathComponent(".git/doctor-test-index").path
    #expect(try git(["read-tree", "--index-output=\(index)", "practice/attempts"], in: workspace).status == 0)
    let update = try runCommand(
      "git",
      ["-C", workspace.path, "update-index", "--add", "--cacheinfo", "100644,\(badBlob),.practice/progress.json"],
      environment: ["GIT_INDEX_FILE": index])
    #expect(update.status == 0, "\(update.stderr)")
    let tree = line(
      try runCommand("git", ["-C", workspace.path, "write-tree"], environment: ["GIT_INDEX_FILE": index]))
    let commit = line(try git(["commit-tree", "-p", "practice/attempts", "-m", "hand edit", tree], in: workspace))
    #expect(try git(["update-ref", "refs/heads/practice/attempts", commit], in: workspace).status == 0)

    let list = try practice(["list"], in: workspace)
    #expect(list.status == 2)
    #expect(list.stderr.contains(".practice/progress.json at practice/attempts does not parse"), "\(list.stderr)")
    #expect(list.stderr.contains("practice doctor --repair"))
    let grade = try practice(["grade"], in: workspace)
    #expect(grade.status == 2 && grade.stderr.contains(".practice/progress.json at practice/attempts"))

    let doctor = try practice(["doctor"], in: workspace)
    #expect(doctor.status == 1, "\(doctor.stdout)\(doctor.stderr)")
    #expect(doctor.stdout.contains("✘ .practice/progress.json at practice/attempts does not parse"))
    #expect(doctor.stdout.contains("practice doctor --repair"))

    let repair = try practice(["doctor", "--repair"], in: workspace)
    #expect(repair.status == 0, "\(repair.stdout)\(repair.stderr)")
    #expect(repair.stdout.contains("✔ repaired") && repair.stdout.contains("the workspace is healthy"))
    #expect(
      line(try git(["log", "-1", "--format=%(trailers:key=Status,valueonly)", "practice/attempts"], in: workspace))
        == "repair")

    let fixed = try practice(["list"], in: workspace)
    #expect(fixed.status == 0, "\(fixed.stderr)")
    #expect(fixed.stdout.contains("passed") && fixed.stdout.contains("3/3"), "\(fixed.stdout)")
    let healthy = try practice(["doctor"], in: workspace)
    #expect(healthy.status == 0 && healthy.stdout.contains("the workspace is healthy"), "\(healthy.stdout)")
  }

  @Test(
    "a tip whose tree is gone: grade names practice/attempts, doctor reports it, --repair moves back and keeps a backup"
  )
  func brokenTip() throws {
    let (fixture, parent, workspace) = try workspace()
    _ = (fixture, parent)
    #expect(try practice(["grade"], in: workspace).status == 1)
    let file = workspace.appendingPathComponent("Exercises/basics/add/Add.swift")
    try CourseFixture.defaultSolution.write(to: file, atomically: true, encoding: .utf8)
    #expect(try practice(["grade"], in: workspace).status == 0)
    let oldTip = line(try git(["rev-parse", "practice/attempts"], in: workspace))
    let first = line(try git(["rev-parse", "practice/attempts~1"], in: workspace))
    let tree = line(try git(["rev-parse", "practice/attempts^{tree}"], in: workspace))
    try FileManager.default.removeItem(
      at: workspace.appendingPathComponent(".git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))"))
    let head = try git(["symbolic-ref", "HEAD"], in: workspace).stdout

    let grade = try practice(["grade"], in: workspace)
    #expect(grade.status == 2)
    #expect(grade.stderr.contains("practice/attempts is damaged"), "\(grade.stderr)")
    #expect(grade.stderr.contains("practice doctor"))

    let doctor = try practice(["doctor"], in: workspace)
    #expect(doctor.status == 1, "\(doctor.stdout)\(doctor.stderr)")
    #expect(doctor.stdout.contains("practice/attempts is damaged: commit \(oldTip.prefix(10))"), "\(doctor.stdout)")
    #expect(doctor.stdout.contains("practice doctor --repair"))

    let repair = try practice(["doctor", "--repair"], in: workspace)
    #expect(repair.status == 0, "\(repair.stdout)\(repair.stderr)")
    let log = try git(
      ["log", "--format=%H %(trailers:key=Status,valueonly,separator=)", "practice/attempts"], in: workspace
    )
    .stdout.split(separator: "\n").map(String.init)
    #expect(log.count == 2, "\(log)")
    #expect(log.first?.hasSuffix(" repair") == true)
    #expect(log.last?.hasPrefix(first) == true)
    let body = try git(["log", "-1", "--format=%B", "practice/attempts"], in: workspace).stdout
    #expect(body.contains("Skipped \(oldTip)"), "\(body)")
    let backups = try git(["for-each-ref", "--format=%(objectname)", "refs/practice/broken/"], in: workspace)
    #expect(line(backups) == oldTip)
    #expect(try git(["fsck", "--strict", "practice/attempts"], in: workspace).status == 0)
    #expect(try git(["symbolic-ref", "HEAD"], in: workspace).stdout == head)

    let again = try practice(["grade"], in: workspace)
    #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    #expect(try practice(["doctor"], in: workspace).status == 0)
  }

  @Test("a damaged cache entry and a stale staging folder are reported, and removed by --repair")
  func cache() throws {
    let (fixture, parent, workspace) = try workspace()
    _ = (fixture, parent)
    let cache = try TemporaryDirectory("practice-cache")
    let entry = try cache.write("not the program\n", to: "practice/programs/0123abcd/program")
    try cache.write("00000000000000000000000000000000 3 program\n", to: "practice/programs/0123abcd/entry.digest")
    let staging = try cache.write("x", to: "practice/support/.staging-1/file")
      .deletingLastPathComponent()
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: staging.path)

    let doctor = try practice(["doctor"], in: workspace, cache: cache.url)
    #expect(doctor.status == 1)
    #expect(
      doctor.stdout.contains("the cache entry \(entry.deletingLastPathComponent().path) is damaged"), "\(doctor.stdout)"
    )
    #expect(doctor.stdout.contains(".staging-1 is a staging folder"))
    #expect(FileManager.default.fileExists(atPath: entry.path))

    let repair = try practice(["doctor", "--repair", "--json"], in: workspace, cache: cache.url)
    #expect(repair.status == 0, "\(repair.stdout)")
    #expect(repair.stdout.contains("\"healthy\" : true"))
    #expect(!FileManager.default.fileExists(atPath: entry.deletingLastPathComponent().path))
    #expect(!FileManager.default.fileExists(atPath: staging.path))
    #expect(try practice(["doctor"], in: workspace, cache: cache.url).status == 0)
  }

  @Test("outside a workspace doctor is a usage error (exit 2); a workspace.json that does not parse is named")
  func configuration() throws {
    let outside = try TemporaryDirectory()
    #expect(try practice(["doctor"], in: outside.url).status == 2)
    let (fixture, parent, workspace) = try workspace()
    _ = (fixture, parent)
    try "{ broken".write(
      to: workspace.appendingPathComponent(".practice/workspace.json"), atomically: true, encoding: .utf8)
    let doctor = try practice(["doctor"], in: workspace)
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains(".practice/workspace.json does not parse"), "\(doctor.stdout)")
  }
}
