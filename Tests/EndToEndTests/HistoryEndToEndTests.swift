import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The history commands through the built binary, and the history's guarantees under concurrency
/// and `kill -9`.
@Suite("practice history, end to end")
struct HistoryEndToEndTests {
  @discardableResult
  func practice(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> CommandResult {
    try runCommand(
      EndToEndTests.binary, arguments, in: directory,
      environment: ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"].merging(environment) { $1 })
  }

  /// A workspace with the entropy exercise started.
  func entropyWorkspace() throws -> (TemporaryDirectory, URL, URL) {
    let parent = try TemporaryDirectory()
    try practice(["init", "ws"], in: parent.url)
    let workspace = parent.url.appendingPathComponent("ws")
    try practice(["start", "entropy"], in: workspace)
    return (parent, workspace, workspace.appendingPathComponent("Exercises/information-theory/entropy/Entropy.swift"))
  }

  var solution: URL {
    repositoryRoot.appendingPathComponent("Curriculum/information-theory/entropy/Solution/Entropy.swift")
  }

  func attemptIDs(_ workspace: URL) throws -> [String] {
    let result = try git(["rev-list", "practice/attempts"], in: workspace)
    return result.status == 0 ? result.stdout.split(separator: "\n").map(String.init) : []
  }

  @Test("pull and push give up on a remote that accepts and never answers: exit 2, a message, nothing changed")
  func silentRemote() throws {
    let parent = try TemporaryDirectory()
    try practice(["init", "ws"], in: parent.url)
    let workspace = parent.url.appendingPathComponent("ws")
    // Something to push, made by stock git (no grade needed): one commit on practice/attempts.
    let tree = try git(["hash-object", "-t", "tree", "/dev/null"], in: workspace).stdout
    let commit = try git(
      ["commit-tree", "-m", "attempt", tree.trimmingCharacters(in: .whitespacesAndNewlines)], in: workspace)
    try git(
      ["update-ref", "refs/heads/practice/attempts", commit.stdout.trimmingCharacters(in: .whitespacesAndNewlines)],
      in: workspace)
    let before = try git(["for-each-ref"], in: workspace).stdout
    let listener = try SilentListener()
    let url = listener.url("git")
    for command in ["pull", "push"] {
      let result = try practice([command, "--timeout", "1", url], in: workspace)
      #expect(result.status == 2, "\(command): \(result.stdout)\(result.stderr)")
      let message =
        "gave up on 127.0.0.1:\(listener.port) after 1 s without an answer (waiting for the remote's list of references)"
      #expect(result.stderr.contains(message), "\(command): \(result.stderr)")
    }
    #expect(try git(["for-each-ref"], in: workspace).stdout == before)
  }

  @Test("show, diff, rerun, restore and reset")
  func commands() throws {
    let (parent, workspace, file) = try entropyWorkspace()
    _ = parent
    try practice(["grade"], in: workspace)
    try Data(contentsOf: solution).write(to: file)
    try practice(["grade"], in: workspace)

    let show = try practice(["show", "entropy~1"], in: workspace)
    #expect(show.status == 0, "\(show.stderr)")
    #expect(show.stdout.contains("Score:         1/8"))
    #expect(show.stdout.contains("Checks-Digest: git-blob:"))
    #expect(show.stdout.contains("Toolchain:     swift-"))
    #expect(show.stdout.contains("── Entropy.swift ──") && show.stdout.contains("TODO"))

    let diff = try practice(["diff", "entropy~1", "last"], in: workspace)
    #expect(diff.stdout.contains("score: 1 → 8"))
    #expect(diff.stdout.contains("fixed  half-quarter-quarter: fail → pass"))
    #expect(diff.stdout.contains("-  return 0"))

    let rerun = try practice(["rerun", "entropy~1"], in: workspace)
    #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
    #expect(rerun.stdout.contains("Reproduced"))
    #expect(try String(contentsOf: file, encoding: .utf8) == (try String(contentsOf: solution, encoding: .utf8)))

    // Restore the failing attempt: the current (passing, unchanged since graded) code is already in
    // git, so no snapshot is needed; then edit, and restore again: now a snapshot keeps the edit.
    let restore = try practice(["restore", "entropy~1"], in: workspace)
    #expect(restore.status == 0, "\(restore.stderr)")
    #expect(!restore.stdout.contains("snapshot"))
    #expect(try String(contentsOf: file, encoding: .utf8).contains("TODO"))
    try "// my unsaved idea\n".write(to: file, atomically: true, encoding: .utf8)
    let again = try practice(["restore", "last"], in: workspace)
    #expect(again.stdout.contains("kept as snapshot"))
    #expect(try String(contentsOf: file, encoding: .utf8) == (try String(contentsOf: solution, encoding: .utf8)))
    let kept = try git(["show", "practice/attempts:Exercises/information-theory/entropy/Entropy.swift"], in: workspace)
    #expect(kept.stdout == "// my unsaved idea\n")

    let reset = try practice(["reset", "entropy"], in: workspace)
    #expect(reset.status == 0)
    #expect(try String(contentsOf: file, encoding: .utf8).contains("TODO"))
    // Snapshots are not attempts: the log still shows two.
    let log = try practice(["log", "--json"], in: workspace)
    #expect(log.stdout.components(separatedBy: "\"attempt\"").count - 1 == 2)
    #expect(try git(["fsck", "--strict"], in: workspace).status == 0)

    let bad = try practice(["show", "entropy~9"], in: workspace)
    #expect(bad.status == 2 && bad.stderr.contains("has only 2 attempts"))
  }

  @Test("an attempt committed with stock git whose trailers do not parse is listed and shown as unreadable")
  func unreadableAttempt() throws {
    let (parent, workspace, _) = try entropyWorkspace()
    _ = parent
    let graded = try practice(["grade"], in: workspace)
    #expect(graded.status != 0 || graded.stdout.contains("1/8"), "\(graded.stderr)")
    let tip = try git(["rev-parse", "practice/attempts"], in: workspace).stdout.trimmingCharacters(in: .newlines)
    // `_` is not a trailer token: git and libgit2 then read no trailer at all in this message.
    let message = """
      grade information-theory/entropy: 8/8

      Exercise: information-theory/entropy
      Score: 8/8
      Status: passed
      Metric-binary_entropy: 0.5
      """
    let broken = try git(["commit-tree", "-p", tip, "-m", message, "\(tip)^{tree}"], in: workspace).stdout
      .trimmingCharacters(in: .newlines)
    try git(["update-ref", "refs/heads/practice/attempts", broken, tip], in: workspace)

    let log = try practice(["log"], in: workspace)
    #expect(log.status == 0, "\(log.stderr)")
    let lines = log.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix(String(broken.prefix(10))) == true, "\(log.stdout)")
    #expect(lines.first?.contains("unreadable") == true)
    #expect(lines.first?.contains("trailers could not be parsed: grade information-theory/entropy: 8/8") == true)
    #expect(lines.dropFirst().first?.hasPrefix(String(tip.prefix(10))) == true)

    let json = try practice(["log", "--json"], in: workspace)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
    let entries = try #require(document["attempts"] as? [[String: Any]], "\(json.stdout)")
    #expect(entries.count == 2)
    #expect(entries.first?["attempt"] as? String == broken)
    #expect(entries.first?["unreadable"] as? Bool == true)
    #expect(entries.first?["status"] as? String == "unreadable")
    #expect(entries.first?["exercise"] as? String == "information-theory/entropy")
    #expect(entries.first?["subject"] as? String == "grade information-theory/entropy: 8/8")
    #expect(entries.last?["unreadable"] as? Bool == false)
    #expect(entries.last?["subject"] == nil)

    // `last` and the exercise name it, rather than silently jumping to the older attempt.
    for spec in ["last", "entropy"] {
      let show = try practice(["show", spec], in: workspace)
      #expect(show.status == 0, "\(show.stderr)")
      #expect(show.stdout.contains("attempt \(broken)"))
      #expect(show.stdout.contains("the trailers of this attempt could not be parsed"))
      #expect(show.stdout.contains("Metric-binary_entropy: 0.5"))
      #expect(show.stdout.contains("── Entropy.swift ──"))
    }
    let shown = try practice(["show", "last", "--json"], in: workspace)
    #expect(shown.stdout.contains(#""unreadable" : true"#) || shown.stdout.contains(#""unreadable":true"#))
    let rerun = try practice(["rerun", "last"], in: workspace)
    #expect(rerun.status != 0)
    #expect(rerun.stderr.contains("trailers could not be parsed"), "\(rerun.stdout)\(rerun.stderr)")
    let older = try practice(["show", "entropy~1"], in: workspace)
    #expect(older.stdout.contains("attempt \(tip)") && older.stdout.contains("Score:         1/8"))
  }

  @Test("log fits 80 columns: many metrics go on lines of their own, sparklines shorten to fit")
  func logWidth() throws {
    let (parent, workspace, _) = try entropyWorkspace()
    _ = parent
    try practice(["grade"], in: workspace)
    // Attempts committed with stock git, as `practice` writes them, with more metrics than fit one line.
    for attempt in 0..<45 {
      let tip = try git(["rev-parse", "practice/attempts"], in: workspace).stdout.trimmingCharacters(in: .newlines)
      let message = """
        grade information-theory/markov-entropy-rate: 12/12

        Exercise: information-theory/markov-entropy-rate
        Score: 12/12
        Status: passed
        Metric-stationary-distribution-error: \(Double(attempt) * 1e-9)
        Metric-entropy-rate-bits-per-symbol: 0.6\(attempt)
        Metric-power-iteration-steps: \(100 + attempt)
        Metric-excess-bits-per-character: 0.0\(attempt)
        """
      let commit = try git(["commit-tree", "-p", tip, "-m", message, "\(tip)^{tree}"], in: workspace).stdout
        .trimmingCharacters(in: .newlines)
      try git(["update-ref", "refs/heads/practice/attempts", commit, tip], in: workspace)
    }
    let log = try practice(["log"], in: workspace, environment: ["COLUMNS": "80"])
    #expect(log.status == 0, "\(log.stderr)")
    let lines = log.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.filter { $0.count > 80 }.isEmpty, "\(log.stdout)")
    #expect(lines.first?.contains("markov-entropy-rate  12/12") == true, "\(log.stdout)")
    #expect(lines.contains { $0.hasPrefix("            ") && $0.contains("stationary-distribution-error=") })
    #expect(lines.contains { $0.contains("excess-bits-per-character ▁") })
  }

  @Test("two processes grading at once: 2 × 50 attempts, all kept, linear history")
  func concurrentGrades() throws {
    let (parent, workspace, file) = try entropyWorkspace()
    _ = parent
    try Data(contentsOf: solution).write(to: file)
    try practice(["grade"], in: workspace)  // builds the program once
    let group = DispatchGroup()
    for _ in 0..<2 {
      group.enter()
      DispatchQueue.global().async {
        for _ in 0..<50 { _ = try? self.practice(["grade"], in: workspace) }
        group.leave()
      }
    }
    group.wait()
    #expect(try attemptIDs(workspace).count == 101)
    #expect(try git(["rev-list", "--merges", "--count", "practice/attempts"], in: workspace).stdout == "0\n")
    #expect(try git(["fsck", "--strict"], in: workspace).status == 0)
    let progress = try git(["show", "practice/attempts:.practice/progress.json"], in: workspace).stdout
    #expect(progress.contains("\"attempts\" : 101"))
  }

  @Test("kill -9 at random moments never corrupts the repository nor loses an attempt")
  func killedGrades() throws {
    let (parent, workspace, file) = try entropyWorkspace()
    _ = parent
    let original = try String(contentsOf: solution, encoding: .utf8)
    var generator = SystemRandomNumberGenerator()
    var known: Set<String> = []
    for round in 0..<30 {
      // Every third round changes the code, so kills land in compiling, running and recording.
      if round % 3 == 0 { try (original + "// round \(round)\n").write(to: file, atomically: true, encoding: .utf8) }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: EndToEndTests.binary)
      process.arguments = ["grade"]
      process.currentDirectoryURL = workspace
      var environment = ProcessInfo.processInfo.environment
      environment["XDG_CACHE_HOME"] = sharedTestCache.path
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32.random(in: 0...300_000, using: &generator))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let ids = Set(try attemptIDs(workspace))
      #expect(ids.isSuperset(of: known), "an attempt was lost in round \(round)")
      known = ids
      let fsck = try git(["fsck", "--strict"], in: workspace)
      #expect(fsck.status == 0, "round \(round): \(fsck.stderr)")
    }
    // The repository still takes attempts.
    let after = try practice(["grade"], in: workspace)
    #expect(after.status == 0, "\(after.stderr)")
    #expect(try attemptIDs(workspace).count == known.count + 1)
  }

  @Test("a workspace that is the learner's own repository, with a detached HEAD, keeps working")
  func learnersOwnRepository() throws {
    let (parent, workspace, file) = try entropyWorkspace()
    _ = parent
    try git(["-c", "user.name=L", "-c", "user.email=l@example.com", "add", "-A"], in: workspace)
    try git(["-c", "user.name=L", "-c", "user.email=l@example.com", "commit", "-q", "-m", "mine"], in: workspace)
    try git(["checkout", "-q", "--detach"], in: workspace)
    try "// staged change\n".write(
      to: workspace.appendingPathComponent("notes.swift.txt"), atomically: true, encoding: .utf8)
    try git(["add", "notes.swift.txt"], in: workspace)
    try Data(contentsOf: solution).write(to: file)
    let head = try git(["rev-parse", "HEAD"], in: workspace).stdout
    let status = try git(["status", "--porcelain"], in: workspace).stdout
    let index = try Data(contentsOf: workspace.appendingPathComponent(".git/index"))
    let main = try git(["rev-parse", "main"], in: workspace).stdout

    let grade = try practice(["grade"], in: workspace)
    #expect(grade.status == 0, "\(grade.stderr)")
    #expect(try git(["rev-parse", "HEAD"], in: workspace).stdout == head)
    #expect(try git(["symbolic-ref", "-q", "HEAD"], in: workspace).status != 0, "HEAD stays detached")
    #expect(try git(["rev-parse", "main"], in: workspace).stdout == main)
    #expect(try git(["status", "--porcelain"], in: workspace).stdout == status)
    #expect(try Data(contentsOf: workspace.appendingPathComponent(".git/index")) == index)
    #expect(try attemptIDs(workspace).count == 1)
  }
}

@Suite("practice watch, end to end")
struct WatchEndToEndTests {
  @Test("grades at start, re-grades on save, answers keys, quits on q")
  func watchLoop() throws {
    let parent = try TemporaryDirectory()
    let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"]
    try runCommand(EndToEndTests.binary, ["init", "ws"], in: parent.url, environment: environment)
    let workspace = parent.url.appendingPathComponent("ws")
    let watch = try InteractiveCommand(
      EndToEndTests.binary, ["watch", "entropy"], in: workspace, environment: environment)
    #expect(watch.waitFor("Score: 1/8"), "the first verdict: \(watch.output)")
    #expect(watch.output.contains("keys: n next · h hint · l list · q quit"))

    watch.send("h")
    // The hints of the checks that failed (the scaffold returns 0, so `certain` passes).
    #expect(watch.waitFor("hint for half-quarter-quarter, which failed"), "h hints at a failure: \(watch.output)")
    #expect(!watch.output.contains("hint for certain"), "no hint for the check that passed")
    watch.send("n")
    #expect(watch.waitFor("is not passed yet"), "n refuses before passing")

    let solution = repositoryRoot.appendingPathComponent("Curriculum/information-theory/entropy/Solution/Entropy.swift")
    let file = workspace.appendingPathComponent("Exercises/information-theory/entropy/Entropy.swift")
    try Data(contentsOf: solution).write(to: file, options: .atomic)
    #expect(watch.waitFor("Score: passed 8/8"), "a save re-grades: \(watch.output)")
    #expect(watch.output.contains("Next: practice start information-theory/joint-entropy"))
    watch.send("h")
    #expect(watch.waitFor("no hint needed"), "nothing to hint at after a pass: \(watch.output)")

    watch.send("n")
    #expect(watch.waitFor("── information-theory/joint-entropy ──"), "n moves on: \(watch.output)")
    #expect(watch.waitFor("Score: 0/12"), "and grades the next scaffold: \(watch.output)")

    watch.send("q")
    #expect(watch.finish() == 0)
    #expect(watch.output.contains("Stopped watching."))
    // Every grade was recorded: scaffold, solution, next scaffold.
    #expect(try git(["rev-list", "--count", "practice/attempts"], in: workspace).stdout == "3\n")
  }
}
