import Foundation
import Git
import History
import TestSupport
import Testing

/// What gets into an attempt's commit message cannot break or forge its trailers, as stock git
/// reads them; an attempt whose trailers do not read is still listed.
@Suite("Attempt trailers are safe")
struct TrailerSafetyTests {
  func repository() throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory("practice-trailers")
    try git(["init", "-q", "-b", "main"], in: directory.url)
    try git(["config", "user.name", "Learner"], in: directory.url)
    try git(["config", "user.email", "learner@example.com"], in: directory.url)
    return directory
  }

  func attempt(
    summary: [String] = ["✔ first 5/5"], trailers: [(key: String, value: String)], exercise: String = "m/e"
  ) -> AttemptRecord {
    AttemptRecord(
      exercise: exercise, score: 7, maxScore: 10, status: "failed", summaryLines: summary, extraTrailers: trailers,
      exerciseFolder: "Exercises/\(exercise)",
      files: [TreeFile(path: "Exercises/\(exercise)/A.swift", contents: Array("let a = 1\n".utf8))])
  }

  /// Pieces of hostile text: line breaks of every kind, forged trailers, control characters, a
  /// patch divider, a comment, a continuation line.
  static let fragments = [
    "\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}", "\u{0}", "\u{1B}[31m", "\t",
    "Score: 10/10", "\nStatus: passed", "\nScore: 10/10\n", "\n\nExercise: m/forged\n", "---", "\n--- a/x\n",
    "\n# comment\n", "\n  continued", "Metric-x: 1", "é", "🙂", " ", ":", "",
    String(repeating: "long ", count: 400),
  ]

  /// A reproducible hostile value made of 1–6 fragments and some plain words.
  static func hostile(_ state: inout UInt64) -> String {
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    let count = 1 + next() % 6
    return (0..<count).map { _ in next() % 3 == 0 ? "word" : fragments[next() % fragments.count] }.joined()
  }

  @Test("odd values in trailers and body lines: stock git reads exactly the intended trailers")
  func oddValues() throws {
    let repo = try repository()
    let store = try AttemptStore(workspace: repo.url)
    var state: UInt64 = 2026
    for round in 0..<40 {
      let values = (0..<3).map { _ in Self.hostile(&state) }
      let summary = (0..<4).map { _ in Self.hostile(&state) }
      let record = attempt(
        summary: summary,
        trailers: [("Toolchain", values[0]), ("Course", values[1]), ("Metric-bits-per-char", values[2])])
      let id = try store.record(record) { _ in Data("{}".utf8) }
      // An extra trailer whose value is only blanks and control characters is left out.
      let shown = zip(["Toolchain", "Course", "Metric-bits-per-char"], values).filter { _, value in
        value.unicodeScalars.contains { !$0.properties.isWhitespace && $0.properties.generalCategory != .control }
      }
      let keys = ["Exercise", "Score", "Status"] + shown.map(\.0)

      // `git log --format=%(trailers)` …
      let listed = try git(["log", "-1", "--format=%(trailers:only,unfold)", id.hex], in: repo.url).stdout
      let lines = listed.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
      #expect(lines.map { String($0.prefix { $0 != ":" }) } == keys, "round \(round): \(listed.debugDescription)")
      #expect(lines.prefix(3) == ["Exercise: m/e", "Score: 7/10", "Status: failed"], "round \(round)")
      for line in lines { #expect(line.count <= 200, "round \(round): a value was not cut: \(line.count)") }

      // … `git interpret-trailers --parse` on the message …
      let message = try git(["log", "-1", "--format=%B", id.hex], in: repo.url).stdout
      let file = try repo.write(message, to: "message-\(round).txt")
      let parsed = try git(["interpret-trailers", "--parse", file.path], in: repo.url).stdout
      #expect(parsed == listed.trimmingCharacters(in: .newlines) + "\n", "round \(round): \(message.debugDescription)")

      // … and the store (libgit2) agree.
      let summaryRead = try #require(try store.attempts(limit: 1).first)
      #expect(!summaryRead.unreadable && summaryRead.score == 7 && summaryRead.status == "failed")
      #expect(summaryRead.trailers.keys.sorted() == keys.sorted(), "round \(round): \(message.debugDescription)")
      #expect(!message.contains("\r") && !message.contains("\u{2028}") && !message.contains("\u{85}"))
    }
    let fsck = try git(["fsck", "--strict"], in: repo.url)
    #expect(fsck.status == 0, "\(fsck.stderr)")
  }

  @Test("a trailer key that is not a token is refused with a typed error, and nothing is recorded")
  func invalidKeys() throws {
    let repo = try repository()
    let store = try AttemptStore(workspace: repo.url)
    let first = try store.record(attempt(trailers: [("Toolchain", "swift")])) { _ in Data("{}".utf8) }
    for key in [
      "Metric-binary_entropy", "Metric-bits per char", "Metric-x\nScore", "Metric-x:", "", "-x", "Métric",
      "Metric-" + String(repeating: "x", count: 100),
    ] {
      #expect(throws: HistoryError.invalidTrailerKey(key)) {
        try store.record(attempt(trailers: [(key, "1")])) { _ in Data("{}".utf8) }
      }
    }
    #expect(try store.tip() == first)
    #expect(
      HistoryError.invalidTrailerKey("Metric-a b").localizedDescription.contains(#""Metric-a b""#))
  }

  @Test("an attempt committed with stock git whose trailers do not read is listed as unreadable")
  func unreadableListed() throws {
    let repo = try repository()
    let store = try AttemptStore(workspace: repo.url)
    let readable = try store.record(attempt(trailers: [("Toolchain", "swift")])) { _ in Data("{}".utf8) }
    // An attempt with a metric name git does not read as a trailer token (the block is then no
    // trailer block at all), then a snapshot, both made with stock git on top.
    let message = "grade m/e: 9/10\n\nExercise: m/e\nScore: 9/10\nStatus: failed\nMetric-binary_entropy: 0.5\n"
    let broken = try git(["commit-tree", "-p", readable.hex, "-m", message, "\(readable.hex)^{tree}"], in: repo.url)
      .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let snapshot = try git(
      [
        "commit-tree", "-p", broken, "-m", "snapshot m/e: before reset\n\nExercise: m/e\nStatus: snapshot\n",
        "\(readable.hex)^{tree}",
      ], in: repo.url
    ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    try git(["update-ref", AttemptStore.branch, snapshot], in: repo.url)
    let stock = try git(["log", "-1", "--format=%(trailers:key=Score,valueonly)", broken], in: repo.url).stdout
    #expect(stock.trimmingCharacters(in: .newlines).isEmpty, "stock git reads no trailers either")

    let all = try store.attempts()
    #expect(all.map(\.id) == [broken, readable.hex])
    let unreadable = try #require(all.first)
    #expect(unreadable.unreadable)
    #expect(unreadable.status == "unreadable")
    #expect(unreadable.exercise == "m/e")
    #expect(unreadable.subject == "grade m/e: 9/10")
    #expect(!all[1].unreadable && all[1].status == "failed")
    #expect(try store.attempts(exercise: "m/e", limit: 1).first?.id == broken)

    let id = try #require(ObjectID(hex: broken))
    let details = try store.details(of: id) { "Exercises/\($0)" }
    #expect(details.unreadable && details.summary == nil)
    #expect(details.files.map(\.name) == ["A.swift"])
    let snapshotDetails = try store.details(of: try #require(ObjectID(hex: snapshot))) { "Exercises/\($0)" }
    #expect(!snapshotDetails.unreadable)
  }
}
