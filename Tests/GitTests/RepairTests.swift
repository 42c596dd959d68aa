import Foundation
import Git
import History
import TestSupport
import Testing

/// The fsck from the tip and the repair of `practice/attempts`, on histories broken with stock git.
@Suite("Attempt history: check and repair")
struct RepairTests {
  /// A repository with `count` attempts of `m/e` recorded through the store (progress: a counter).
  func history(_ count: Int) throws -> (TemporaryDirectory, AttemptStore, [ObjectID]) {
    let directory = try TemporaryDirectory("practice-repair")
    try git(["init", "-q", "-b", "main"], in: directory.url)
    let store = try AttemptStore(workspace: directory.url)
    var ids: [ObjectID] = []
    for index in 0..<count {
      let record = AttemptRecord(
        exercise: "m/e", score: Double(index), maxScore: 10, status: "failed", summaryLines: [],
        extraTrailers: [], exerciseFolder: "Exercises/m/e",
        files: [TreeFile(path: "Exercises/m/e/File.swift", contents: Array("// version \(index)\n".utf8))])
      ids.append(try store.record(record) { _ in Data("{}\n".utf8) })
    }
    return (directory, store, ids)
  }

  /// Deletes the loose object of `commit`'s tree; read back with a new store (libgit2 caches
  /// objects per repository instance).
  func removeTree(of commit: ObjectID, in directory: URL) throws {
    let tree = try git(["rev-parse", "\(commit.hex)^{tree}"], in: directory).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let object = directory.appendingPathComponent(".git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))")
    try FileManager.default.removeItem(at: object)
  }

  @Test("a complete history checks clean; every commit is reached")
  func clean() throws {
    let (directory, store, ids) = try history(3)
    _ = directory
    let health = try store.checkHistory()
    #expect(health.isComplete && health.commitCount == 3 && health.newestComplete == ids[2])
  }

  @Test("a commit whose tree is gone is named; the newest complete commit is the one below it")
  func brokenMiddle() throws {
    let (directory, _, ids) = try history(4)
    try removeTree(of: ids[1], in: directory.url)
    let store = try AttemptStore(workspace: directory.url)
    let health = try store.checkHistory()
    #expect(health.broken.map(\.id) == [ids[1]])
    #expect(health.broken.first?.problem.kind == "tree")
    #expect(health.newestComplete == ids[0])
    #expect(health.keepable == [ids[2], ids[3]])
    // Reading the broken commit's files says the history is damaged, naming the branch.
    #expect(throws: HistoryError.self) { try store.file(at: "Exercises/m/e/File.swift", in: ids[1]) }
    do {
      _ = try store.file(at: "Exercises/m/e/File.swift", in: ids[1])
    } catch let error as HistoryError {
      guard case .damaged(let branch, _) = error else {
        Issue.record("expected .damaged, got \(error)")
        return
      }
      #expect(branch == AttemptStore.branch)
      #expect(error.localizedDescription.contains("practice/attempts is damaged"))
      #expect(error.localizedDescription.contains("practice doctor"))
    }
  }

  @Test("repair keeps the readable commits above the broken one, with their trees and messages, and a backup ref")
  func repairKeeps() throws {
    let (directory, _, ids) = try history(4)
    try removeTree(of: ids[1], in: directory.url)
    let store = try AttemptStore(workspace: directory.url)
    let head = try git(["symbolic-ref", "HEAD"], in: directory.url).stdout
    var seen: [AttemptSummary] = []
    let outcome = try #require(
      try store.repair { attempts in
        seen = attempts
        return Data("{\"rebuilt\": \(attempts.count)}\n".utf8)
      })
    #expect(outcome.movedBackTo == ids[0] && outcome.kept == [ids[2], ids[3]])
    #expect(outcome.skipped.map(\.id) == [ids[1]])
    #expect(seen.map(\.score) == [0, 2, 3])
    let backup = try #require(outcome.backup)
    #expect(try git(["rev-parse", backup], in: directory.url).stdout.hasPrefix(ids[3].hex))
    #expect(try git(["fsck", "--strict", "practice/attempts"], in: directory.url).status == 0)
    let log = try git(["log", "--format=%s|%T", "practice/attempts"], in: directory.url).stdout
      .split(separator: "\n").map(String.init)
    #expect(log.count == 4)
    #expect(log[0].hasPrefix("repair practice/attempts"))
    let originalTree = try git(["rev-parse", "\(ids[3].hex)^{tree}"], in: directory.url).stdout
      .trimmingCharacters(in: .newlines)
    #expect(log[1] == "grade m/e: 3/10|\(originalTree)")
    let body = try git(["log", "-1", "--format=%B", "practice/attempts"], in: directory.url).stdout
    #expect(body.contains("Skipped \(ids[1].hex)") && body.contains("Status: repair"))
    #expect(
      try git(["show", "practice/attempts:.practice/progress.json"], in: directory.url).stdout == "{\"rebuilt\": 3}\n")
    #expect(try git(["symbolic-ref", "HEAD"], in: directory.url).stdout == head)
    // Repair commits are not attempts.
    #expect(try store.attempts().map(\.score) == [3, 2, 0])
    #expect(try store.checkHistory().isComplete)
  }
}
