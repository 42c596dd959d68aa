import Foundation
import Git
import History
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Browsing and syncing attempts")
struct SyncTests {
  func workspace() throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory("practice-sync")
    try git(["init", "-q", "-b", "main"], in: directory.url)
    return directory
  }

  @discardableResult
  func record(_ store: AttemptStore, _ exercise: String = "m/e", score: Double, code: String) throws -> ObjectID {
    let folder = "Exercises/\(exercise)"
    return try store.record(
      AttemptRecord(
        exercise: exercise, score: score, maxScore: 10, status: score == 10 ? "passed" : "failed", summaryLines: [],
        extraTrailers: [], exerciseFolder: folder,
        files: [TreeFile(path: "\(folder)/A.swift", contents: Array(code.utf8))])
    ) { _ in Data("{}".utf8) }
  }

  @Test("attempts resolve by id prefix and give back their files; diffs read like git's")
  func browse() throws {
    let repo = try workspace()
    let store = try AttemptStore(workspace: repo.url)
    let first = try record(store, score: 1, code: "let a = 1\n")
    let second = try record(store, score: 10, code: "let a = 2\n")
    #expect(try store.commit(prefix: String(first.hex.prefix(8))) == first)
    #expect(try store.commit(prefix: "zzzz") == nil)
    let details = try store.details(of: first) { "Exercises/\($0)" }
    #expect(details.files.map(\.name) == ["A.swift"])
    #expect(details.files.first?.contents == Array("let a = 1\n".utf8))
    #expect(details.summary?.score == 1)
    let patch = try store.diff(from: first, to: second, folder: "Exercises/m/e")
    #expect(patch.contains("-let a = 1") && patch.contains("+let a = 2"))
    #expect(patch == (try git(["diff", first.hex, second.hex, "--", "Exercises/m/e"], in: repo.url).stdout))
    // To the working files (no index involved): the file the learner has now.
    try repo.write("let a = 3\n", to: "Exercises/m/e/A.swift")
    let toWork = try store.diff(from: second, to: nil, folder: "Exercises/m/e")
    #expect(toWork.contains("-let a = 2") && toWork.contains("+let a = 3"))
  }

  @Test("a snapshot keeps the code and the progress, and is not an attempt")
  func snapshot() throws {
    let repo = try workspace()
    let store = try AttemptStore(workspace: repo.url)
    try record(store, score: 1, code: "let a = 1\n")
    let progress = try store.latestProgress()
    let snapshot = try store.recordSnapshot(
      exercise: "m/e", folder: "Exercises/m/e",
      files: [TreeFile(path: "Exercises/m/e/A.swift", contents: Array("let mine = 1\n".utf8))], reason: "before reset")
    #expect(try store.tip() == snapshot)
    #expect(try store.latestProgress() == progress)
    #expect(try store.attempts().count == 1)
    let status = try git(["log", "-1", "--format=%(trailers:key=Status,valueonly)", "practice/attempts"], in: repo.url)
    #expect(status.stdout == "snapshot\n\n")
  }

  @Test("a lock file left by a killed grade is cleared once it is stale")
  func staleLock() throws {
    let repo = try workspace()
    let store = try AttemptStore(workspace: repo.url)
    try record(store, score: 1, code: "1\n")
    let lock = repo.url.appendingPathComponent(".git/refs/heads/practice/attempts.lock")
    try Data().write(to: lock)
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: lock.path)
    try record(store, score: 2, code: "2\n")
    #expect(try store.attempts().count == 2)
  }

  @Test("push and pull through a bare repository: fast-forward only, divergence refused")
  func bareRemote() throws {
    let remote = try TemporaryDirectory("practice-remote")
    try git(["init", "-q", "--bare", remote.url.path], in: remote.url)
    try exercise(remote: remote.url.path, remoteRepository: remote.url)
  }

  @Test("a pull from a remote without attempts drops what an earlier fetch left in the tracking reference")
  func staleTracking() throws {
    let remote = try TemporaryDirectory("practice-remote")
    try git(["init", "-q", "--bare", remote.url.path], in: remote.url)
    let repo = try workspace()
    let store = try AttemptStore(workspace: repo.url)
    try record(store, score: 1, code: "1\n")
    try git(["update-ref", "refs/practice/fetched-attempts", "practice/attempts"], in: repo.url)
    #expect(try store.pull(from: remote.url.path) == .remoteEmpty)
    #expect(try git(["rev-parse", "-q", "--verify", "refs/practice/fetched-attempts"], in: repo.url).status != 0)
  }

  @Test("push and pull through git daemon on 127.0.0.1")
  func daemonRemote() throws {
    let served = try TemporaryDirectory("practice-daemon")
    let bare = served.url.appendingPathComponent("attempts.git")
    try git(["init", "-q", "--bare", bare.path], in: served.url)
    let port = Int.random(in: 20_000...40_000)
    let daemon = try BackgroundServer([
      "git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack", "--listen=127.0.0.1", "--port=\(port)",
      "--base-path=\(served.url.path)", served.url.path,
    ])
    defer { withExtendedLifetime(daemon) {} }
    // Wait (up to 5 s) until the daemon answers.
    let url = "git://127.0.0.1:\(port)/attempts.git"
    for _ in 0..<100 {
      if (try git(["ls-remote", url], in: served.url)).status == 0 { break }
      usleep(50_000)
    }
    try exercise(remote: url, remoteRepository: bare)
  }

  /// Two workspaces share attempts through `remote`.
  func exercise(remote: String, remoteRepository: URL) throws {
    let one = try workspace()
    let two = try workspace()
    let storeOne = try AttemptStore(workspace: one.url)
    let storeTwo = try AttemptStore(workspace: two.url)
    #expect(throws: HistoryError.self) { try storeOne.push(to: remote) }
    #expect(try storeTwo.pull(from: remote) == .remoteEmpty)

    try record(storeOne, score: 1, code: "1\n")
    let second = try record(storeOne, score: 5, code: "2\n")
    #expect(try storeOne.push(to: remote) == .pushed)
    #expect(try git(["rev-parse", "practice/attempts"], in: remoteRepository).stdout == second.hex + "\n")

    #expect(try storeTwo.pull(from: remote) == .created(count: 2))
    #expect(try storeTwo.tip() == second)
    #expect(try storeTwo.pull(from: remote) == .upToDate)
    let third = try record(storeTwo, score: 10, code: "3\n")
    #expect(try storeTwo.push(to: remote) == .pushed)
    #expect(try storeOne.pull(from: remote) == .fastForwarded(count: 1))
    #expect(try storeOne.tip() == third)

    // Both grade without syncing: the histories diverge, and neither side is changed.
    let fourOne = try record(storeOne, score: 6, code: "4a\n")
    try record(storeTwo, score: 7, code: "4b\n")
    #expect(try storeTwo.push(to: remote) == .pushed)
    if case .rejected = try storeOne.push(to: remote) {} else { Issue.record("a non-fast-forward push was accepted") }
    #expect(throws: HistoryError.diverged(local: 1, remote: 1)) { try storeOne.pull(from: remote) }
    #expect(try storeOne.tip() == fourOne)
    #expect(try git(["fsck", "--strict"], in: one.url).status == 0)
    // The learner's own branch and HEAD stay as they were (unborn main).
    #expect(try git(["symbolic-ref", "HEAD"], in: one.url).stdout == "refs/heads/main\n")
  }
}
