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
    let parent = try TemporaryDirectory()
    let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"]
    try runCommand(EndToEndTests.binary, ["init", "ws"], in: parent.url, environment: environment)
    let workspace = parent.url.appendingPathComponent("ws")
    func practice(_ arguments: [String]) throws -> CommandResult {
      try runCommand(EndToEndTests.binary, arguments, in: workspace, environment: environment)
    }
    func solve(_ key: String, files: [String]) throws {
      for file in files {
        let solution = repositoryRoot.appendingPathComponent("Curriculum/\(key)/Solution/\(file)")
        try Data(contentsOf: solution).write(to: workspace.appendingPathComponent("Exercises/\(key)/\(file)"))
      }
    }
    // The training exercise trains with the learner's Adam from the foundations module.
    #expect(try practice(["start", "foundations/adam"]).status == 0)
    try solve("foundations/adam", files: ["Adam.swift"])
    #expect(try practice(["grade"]).status == 0)

    let module = repositoryRoot.appendingPathComponent("Curriculum/lstm")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: module.appendingPathComponent("module.json")))
    let exercises = try #require((json as? [String: Any])?["exercises"] as? [[String: Any]])
    #expect(
      exercises.map { $0["id"] as? String } == [
        "rnn-step", "rnn-sequence", "embedding", "temporal-softmax", "lstm-step", "lstm-sequence",
        "language-model-loss",
        "train-char-lstm", "sample-text",
      ])
    for exercise in exercises {
      let id = try #require(exercise["id"] as? String)
      let files = try #require(exercise["files"] as? [String])
      let start = try practice(["start", "lstm/\(id)"])
      #expect(start.status == 0, "\(id): \(start.stderr)")
      if exercise["uses"] != nil { #expect(start.stdout.contains("builds on your code from"), "\(id)") }
      let failing = try practice(["grade"])
      #expect(failing.status == 1, "\(id): the scaffold should fail: \(failing.stdout)\(failing.stderr)")
      try solve("lstm/\(id)", files: files)
      let passing = try practice(["grade"])
      #expect(passing.status == 0, "\(id): the solution should pass: \(passing.stdout)\(passing.stderr)")
    }
    // The trained model's score is in the attempt, as a metric git can show.
    let log = try practice(["log", "lstm/train-char-lstm"])
    #expect(log.stdout.contains("bits-per-char"), "\(log.stdout)")
    let attempt = try git(["log", "--format=%B", "practice/attempts"], in: workspace)
    #expect(attempt.stdout.contains("Metric-bits-per-char: 0."), "\(attempt.stdout)")
    let status = try practice([])
    #expect(status.stdout.contains("120/120  9 of 9 passed"), "\(status.stdout)")
  }

  @Test("transformer, from LayerNorm to a trained character GPT, on the learner's own code")
  func transformer() throws {
    let parent = try TemporaryDirectory()
    let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"]
    try runCommand(EndToEndTests.binary, ["init", "ws"], in: parent.url, environment: environment)
    let workspace = parent.url.appendingPathComponent("ws")
    func practice(_ arguments: [String]) throws -> CommandResult {
      try runCommand(EndToEndTests.binary, arguments, in: workspace, environment: environment)
    }
    func solve(_ key: String, files: [String]) throws {
      for file in files {
        let solution = repositoryRoot.appendingPathComponent("Curriculum/\(key)/Solution/\(file)")
        try Data(contentsOf: solution).write(to: workspace.appendingPathComponent("Exercises/\(key)/\(file)"))
      }
    }
    #expect(try practice(["start", "foundations/adam"]).status == 0)
    try solve("foundations/adam", files: ["Adam.swift"])
    #expect(try practice(["grade"]).status == 0)

    let module = repositoryRoot.appendingPathComponent("Curriculum/transformer")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: module.appendingPathComponent("module.json")))
    let exercises = try #require((json as? [String: Any])?["exercises"] as? [[String: Any]])
    #expect(exercises.count == 10)
    for exercise in exercises {
      let id = try #require(exercise["id"] as? String)
      let files = try #require(exercise["files"] as? [String])
      #expect(try practice(["start", "transformer/\(id)"]).status == 0, "\(id)")
      let failing = try practice(["grade"])
      #expect(failing.status == 1, "\(id): the scaffold should fail: \(failing.stdout)\(failing.stderr)")
      try solve("transformer/\(id)", files: files)
      let passing = try practice(["grade"])
      #expect(passing.status == 0, "\(id): the solution should pass: \(passing.stdout)\(passing.stderr)")
    }
    let attempt = try git(["log", "--format=%B", "practice/attempts"], in: workspace)
    #expect(attempt.stdout.contains("Metric-bits-per-char: 0."), "\(attempt.stdout)")
    let status = try practice([])
    #expect(status.stdout.contains("120/120  10 of 10 passed"), "\(status.stdout)")
  }

  @Test("generation, from temperature to a KV cache, on the learner's own GPT")
  func generation() throws {
    let parent = try TemporaryDirectory()
    let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"]
    try runCommand(EndToEndTests.binary, ["init", "ws"], in: parent.url, environment: environment)
    let workspace = parent.url.appendingPathComponent("ws")
    func practice(_ arguments: [String]) throws -> CommandResult {
      try runCommand(EndToEndTests.binary, arguments, in: workspace, environment: environment)
    }
    func solve(_ key: String) throws {
      let folder = repositoryRoot.appendingPathComponent("Curriculum/\(key)/Solution")
      for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        try Data(contentsOf: folder.appendingPathComponent(file))
          .write(to: workspace.appendingPathComponent("Exercises/\(key)/\(file)"))
      }
    }
    // The GPT the module generates from is the learner's, from the transformer module.
    for key in ["layer-norm", "attention", "attention-backward", "multi-head", "gelu", "tiny-gpt"] {
      #expect(try practice(["start", "transformer/\(key)"]).status == 0)
      try solve("transformer/\(key)")
    }
    let module = repositoryRoot.appendingPathComponent("Curriculum/generation")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: module.appendingPathComponent("module.json")))
    let exercises = try #require((json as? [String: Any])?["exercises"] as? [[String: Any]])
    for exercise in exercises {
      let id = try #require(exercise["id"] as? String)
      #expect(try practice(["start", "generation/\(id)"]).status == 0, "\(id)")
      let failing = try practice(["grade"])
      #expect(failing.status == 1, "\(id): the scaffold should fail: \(failing.stdout)\(failing.stderr)")
      try solve("generation/\(id)")
      let passing = try practice(["grade"])
      #expect(passing.status == 0, "\(id): the solution should pass: \(passing.stdout)\(passing.stderr)")
    }
    let attempt = try git(["log", "--format=%B", "practice/attempts"], in: workspace)
    #expect(attempt.stdout.contains("Metric-speedup: "), "\(attempt.stdout)")
  }
}
