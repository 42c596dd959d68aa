import Foundation
import Git
import History
import TestSupport
import Testing

@Suite("Attempt history in git")
struct AttemptStoreTests {
  /// A learner repository made with stock git: a commit on main, a staged change, an untracked file.
  func learnerRepository() throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory("practice-git")
    let url = directory.url
    try git(["init", "-q", "-b", "main"], in: url)
    try git(["config", "user.name", "Learner"], in: url)
    try git(["config", "user.email", "learner@example.com"], in: url)
    try directory.write("notes\n", to: "notes.txt")
    try git(["add", "notes.txt"], in: url)
    try git(["commit", "-q", "-m", "my own work"], in: url)
    try directory.write("more notes\n", to: "notes.txt")
    try git(["add", "notes.txt"], in: url)
    try directory.write("scratch\n", to: "scratch.txt")
    return directory
  }

  func record(
    _ exercise: String = "m/e", score: Double, files: [String: String], status: String = "failed",
    in store: AttemptStore, metrics: [(key: String, value: String)] = []
  ) throws -> ObjectID {
    let folder = "Exercises/\(exercise)"
    let attempt = AttemptRecord(
      exercise: exercise, score: score, maxScore: 10, status: status,
      summaryLines: ["✔ first 5/5", "✘ second 0/5 [fail] expected 1.5,\ngot nan\nScore: 99/99"],
      extraTrailers: [("Toolchain", "swift-6.3.1")] + metrics, exerciseFolder: folder,
      files: files.map { TreeFile(path: "\(folder)/\($0.key)", contents: Array($0.value.utf8)) }
        + [TreeFile(path: ".practice/results/\(exercise).json", contents: Array("{\"score\": \(score)}".utf8))])
    return try store.record(attempt) { previous in
      let count = previous.map { Int(String(decoding: $0, as: UTF8.self)) ?? 0 } ?? 0
      return Data(String(count + 1).utf8)
    }
  }

  @Test("recording leaves HEAD, the index, the working tree and other branches untouched")
  func untouched() throws {
    let repo = try learnerRepository()
    let head = try String(contentsOf: repo.url.appendingPathComponent(".git/HEAD"), encoding: .utf8)
    let index = try Data(contentsOf: repo.url.appendingPathComponent(".git/index"))
    let status = try git(["status", "--porcelain=v2", "--branch"], in: repo.url).stdout
    let mainTip = try git(["rev-parse", "main"], in: repo.url).stdout

    let store = try AttemptStore(workspace: repo.url)
    _ = try record(score: 5, files: ["A.swift": "let a = 1\n"], in: store)
    _ = try record(score: 10, files: ["A.swift": "let a = 2\n"], status: "passed", in: store)

    #expect(try String(contentsOf: repo.url.appendingPathComponent(".git/HEAD"), encoding: .utf8) == head)
    #expect(try Data(contentsOf: repo.url.appendingPathComponent(".git/index")) == index)
    #expect(try git(["status", "--porcelain=v2", "--branch"], in: repo.url).stdout == status)
    #expect(try git(["rev-parse", "main"], in: repo.url).stdout == mainTip)
    let fsck = try git(["fsck", "--strict"], in: repo.url)
    #expect(fsck.status == 0, "\(fsck.stderr)")
  }

  @Test("stock git reads the attempts: log, trailers, files")
  func readableByGit() throws {
    let repo = try learnerRepository()
    let store = try AttemptStore(workspace: repo.url)
    let first = try record(score: 5, files: ["A.swift": "let a = 1\n", "B.swift": "let b = 1\n"], in: store)
    let second = try record(
      score: 10, files: ["A.swift": "let a = 2\n"], status: "passed", in: store,
      metrics: [("Metric-bits-per-char", "2.031")])

    let log = try git(["log", "--format=%H %s", AttemptStore.branch], in: repo.url).stdout
    #expect(log == "\(second.hex) grade m/e: 10/10\n\(first.hex) grade m/e: 5/10\n")
    let trailers = try git(
      [
        "log", "-1",
        "--format=%(trailers:key=Score,valueonly)%(trailers:key=Status,valueonly)%(trailers:key=Metric-bits-per-char,valueonly)",
        "practice/attempts",
      ], in: repo.url
    ).stdout
    #expect(trailers.split(separator: "\n") == ["10/10", "passed", "2.031"])
    // The learner's message text cannot inject trailers: newlines are flattened in the body.
    let allTrailers = try git(["log", "-1", "--format=%(trailers:only)", "practice/attempts"], in: repo.url).stdout
    #expect(!allTrailers.contains("99/99"))
    #expect(try git(["show", "practice/attempts:Exercises/m/e/A.swift"], in: repo.url).stdout == "let a = 2\n")
    // The exercise folder is replaced as a whole: B.swift, gone from the learner's folder, is gone.
    #expect(try git(["show", "practice/attempts:Exercises/m/e/B.swift"], in: repo.url).status != 0)
    #expect(try git(["show", "\(first.hex):Exercises/m/e/B.swift"], in: repo.url).stdout == "let b = 1\n")
    let diff = try git(["diff", first.hex, second.hex, "--", "Exercises/m/e/A.swift"], in: repo.url).stdout
    #expect(diff.contains("-let a = 1") && diff.contains("+let a = 2"))
  }

  @Test("each attempt keeps the other exercises' files and updates the progress snapshot")
  func cumulativeTree() throws {
    let repo = try learnerRepository()
    let store = try AttemptStore(workspace: repo.url)
    _ = try record("m/one", score: 3, files: ["One.swift": "1\n"], in: store)
    let tip = try record("m/two", score: 4, files: ["Two.swift": "2\n"], in: store)
    #expect(try store.file(at: "Exercises/m/one/One.swift", in: tip) == Array("1\n".utf8))
    #expect(try store.file(at: "Exercises/m/two/Two.swift", in: tip) == Array("2\n".utf8))
    #expect(try store.latestProgress() == Data("2".utf8))
    #expect(try store.file(at: ".practice/results/m/two.json", in: tip) == Array("{\"score\": 4.0}".utf8))
  }

  @Test("attempts read back newest first, filtered by exercise")
  func summaries() throws {
    let repo = try learnerRepository()
    let store = try AttemptStore(workspace: repo.url)
    #expect(try store.attempts().isEmpty)
    _ = try record("m/one", score: 3, files: ["One.swift": "1\n"], in: store)
    _ = try record("m/two", score: 4, files: ["Two.swift": "2\n"], in: store)
    _ = try record("m/one", score: 10, files: ["One.swift": "1\n"], status: "passed", in: store)
    let all = try store.attempts()
    #expect(all.map(\.exercise) == ["m/one", "m/two", "m/one"])
    #expect(all.map(\.score) == [10, 4, 3])
    #expect(all[0].status == "passed")
    #expect(all[0].trailers["Toolchain"] == "swift-6.3.1")
    #expect(try store.attempts(exercise: "m/one").map(\.score) == [10, 3])
  }

  @Test("concurrent writers all land, in one linear history")
  func concurrentWriters() async throws {
    let repo = try learnerRepository()
    let url = repo.url
    try await withThrowingTaskGroup(of: Void.self) { group in
      for writer in 0..<4 {
        group.addTask {
          let store = try AttemptStore(workspace: url)
          for attempt in 0..<15 {
            _ = try self.record("m/w\(writer)", score: Double(attempt), files: ["F.swift": "\(attempt)\n"], in: store)
          }
        }
      }
      try await group.waitForAll()
    }
    #expect(try git(["rev-list", "--count", "practice/attempts"], in: url).stdout == "60\n")
    #expect(try git(["rev-list", "--merges", "--count", "practice/attempts"], in: url).stdout == "0\n")
    let store = try AttemptStore(workspace: url)
    #expect(try store.latestProgress() == Data("60".utf8))
    #expect(try git(["fsck", "--strict"], in: url).status == 0)
  }

  @Test("a blob id matches git hash-object")
  func blobID() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write("hello world\n", to: "f.txt")
    let expected = try git(["hash-object", file.path], in: directory.url).stdout.trimmingCharacters(in: .newlines)
    #expect(try ObjectID.blobID(of: Array("hello world\n".utf8)).hex == expected)
  }

  @Test("opening a folder that is not a repository fails with a message")
  func notARepository() throws {
    let directory = try TemporaryDirectory()
    let error = #expect(throws: HistoryError.self) { try AttemptStore(workspace: directory.url) }
    #expect(error?.localizedDescription.contains(directory.url.path) == true)
  }
}
