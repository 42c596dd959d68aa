import Foundation
import TestSupport
import Testing

/// A learner goes through the whole information-theory module with `practice start` and
/// `practice grade`: each scaffold fails, each reference solution passes, in course order.
@Suite("Module walkthrough")
struct ModuleWalkthroughTests {
  @Test("information-theory, from the first exercise to the last")
  func informationTheory() throws {
    let parent = try TemporaryDirectory()
    let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"]
    try runCommand(EndToEndTests.binary, ["init", "ws"], in: parent.url, environment: environment)
    let workspace = parent.url.appendingPathComponent("ws")
    let module = repositoryRoot.appendingPathComponent("Curriculum/information-theory")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: module.appendingPathComponent("module.json")))
    let exercises = try #require((json as? [String: Any])?["exercises"] as? [[String: Any]])
    #expect(exercises.count == 10)
    for exercise in exercises {
      let id = try #require(exercise["id"] as? String)
      let files = try #require(exercise["files"] as? [String])
      // `practice start` with no argument picks the next exercise not yet passed.
      let start = try runCommand(EndToEndTests.binary, ["start"], in: workspace, environment: environment)
      #expect(start.status == 0, "\(id): \(start.stderr)")
      #expect(start.stdout.contains("practice grade information-theory/\(id)"), "start should offer \(id)")
      let failing = try runCommand(EndToEndTests.binary, ["grade"], in: workspace, environment: environment)
      #expect(failing.status == 1, "\(id): the scaffold should fail: \(failing.stdout)\(failing.stderr)")
      for file in files {
        let solution = module.appendingPathComponent("\(id)/Solution/\(file)")
        let target = workspace.appendingPathComponent("Exercises/information-theory/\(id)/\(file)")
        try Data(contentsOf: solution).write(to: target)
      }
      let passing = try runCommand(EndToEndTests.binary, ["grade"], in: workspace, environment: environment)
      #expect(passing.status == 0, "\(id): the solution should pass: \(passing.stdout)\(passing.stderr)")
    }
    let status = try runCommand(EndToEndTests.binary, [], in: workspace, environment: environment)
    #expect(status.stdout.contains("100/100  10 of 10 passed"), "\(status.stdout)")
    #expect(status.stdout.contains("practice start foundations/"), "the next module comes next")
  }

  @Test("lstm, from one RNN step to a trained character LSTM and sampled text, on the learner's own code")
  func lstm() throws {
    let walk = try Walkthrough()
    // The training exercise trains with the learner's Adam from the foundations module.
    try walk.solve("foundations/adam", grade: true)
    let ids = try walk.module("lstm")
    #expect(
      ids == [
        "rnn-step", "rnn-sequence", "embedding", "temporal-softmax", "lstm-step", "lstm-sequence",
        "language-model-loss",
        "train-char-lstm", "sample-text",
      ])
    // The trained model's score is in the attempt, as a metric git can show.
    let log = try walk.practice(["log", "lstm/train-char-lstm"])
    #expect(log.stdout.contains("bits-per-char"), "\(log.stdout)")
    #expect(try walk.attemptMessages().contains("Metric-bits-per-char: 0."))
    let status = try walk.practice([])
    #expect(status.stdout.contains("120/120  9 of 9 passed"), "\(status.stdout)")
  }

  @Test("transformer, from LayerNorm to a trained character GPT, on the learner's own code")
  func transformer() throws {
    let walk = try Walkthrough()
    try walk.solve("foundations/adam", grade: true)
    #expect(try walk.module("transformer").count == 10)
    #expect(try walk.attemptMessages().contains("Metric-bits-per-char: 0."))
    let status = try walk.practice([])
    #expect(status.stdout.contains("120/120  10 of 10 passed"), "\(status.stdout)")
  }

  @Test("generation, from temperature to fine-tuning and the capstone, on the learner's own models")
  func generation() throws {
    let walk = try Walkthrough()
    // The GPT the module generates from, fine-tunes and the capstone's LSTM are the learner's own,
    // from the earlier modules (their files must be there; they need not be graded).
    let earlier =
      ["foundations/adam"]
      + [
        "layer-norm", "attention", "attention-backward", "multi-head", "gelu", "tiny-gpt", "gpt-backward", "schedules",
        "train-char-gpt",
      ].map { "transformer/\($0)" }
      + ["embedding", "temporal-softmax", "lstm-step", "lstm-sequence", "train-char-lstm"].map { "lstm/\($0)" }
    for key in earlier { try walk.solve(key, grade: false) }
    #expect(try walk.module("generation").first == "temperature")
    let messages = try walk.attemptMessages()
    for metric in ["speedup", "exact-match", "masked-bits-per-token", "excess-bits"] {
      #expect(messages.contains("Metric-\(metric): "), "\(metric)")
    }
  }
}

/// A fresh workspace driven through the CLI, for the walkthroughs of the modules whose exercises
/// build on earlier ones.
struct Walkthrough {
  let parent: TemporaryDirectory
  let workspace: URL
  let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"]

  init() throws {
    parent = try TemporaryDirectory()
    workspace = parent.url.appendingPathComponent("ws")
    try runCommand(EndToEndTests.binary, ["init", "ws"], in: parent.url, environment: environment)
  }

  func practice(_ arguments: [String]) throws -> CommandResult {
    try runCommand(EndToEndTests.binary, arguments, in: workspace, environment: environment)
  }

  /// Starts `key`, puts its reference solution in place, and optionally grades it (expecting a pass).
  func solve(_ key: String, grade: Bool) throws {
    #expect(try practice(["start", key]).status == 0, "start \(key)")
    let folder = repositoryRoot.appendingPathComponent("Curriculum/\(key)/Solution")
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      try Data(contentsOf: folder.appendingPathComponent(file))
        .write(to: workspace.appendingPathComponent("Exercises/\(key)/\(file)"))
    }
    if grade { #expect(try practice(["grade", key]).status == 0, "grade \(key)") }
  }

  /// Every exercise of a module in order: start (saying what it builds on), the scaffold fails, the
  /// reference solution passes. Returns the exercise ids.
  func module(_ id: String) throws -> [String] {
    let url = repositoryRoot.appendingPathComponent("Curriculum/\(id)/module.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    let exercises = try #require((json as? [String: Any])?["exercises"] as? [[String: Any]])
    var ids: [String] = []
    for exercise in exercises {
      let key = "\(id)/\(try #require(exercise["id"] as? String))"
      let start = try practice(["start", key])
      #expect(start.status == 0, "\(key): \(start.stderr)")
      if exercise["uses"] != nil { #expect(start.stdout.contains("builds on your code from"), "\(key)") }
      let failing = try practice(["grade"])
      #expect(failing.status == 1, "\(key): the scaffold should fail: \(failing.stdout)\(failing.stderr)")
      try solve(key, grade: false)
      let passing = try practice(["grade"])
      #expect(passing.status == 0, "\(key): the solution should pass: \(passing.stdout)\(passing.stderr)")
      ids.append(key.split(separator: "/").last.map(String.init) ?? key)
    }
    return ids
  }

  /// Every attempt's commit message, newest first, as stock git shows them.
  func attemptMessages() throws -> String {
    try git(["log", "--format=%B", "practice/attempts"], in: workspace).stdout
  }
}
