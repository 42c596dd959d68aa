import Course
import Foundation
import Git
import Grader
import History

/// `practice show`: one attempt with what graded it.
package struct ShownAttempt: Sendable {
  package var details: AttemptDetails
  /// The stored results, decoded (nil for a snapshot).
  package var results: GradeDocument?
}

/// `practice diff`: the code change and what it did to the checks and metrics.
package struct AttemptDiff: Sendable {
  package var exercise: String
  package var from: String
  /// nil: the files in the workspace.
  package var to: String?
  package var patch: String
  /// Checks whose status changed, in check order.
  package var flips: [(id: String, from: String, to: String)]
  package var metricDeltas: [(name: String, from: Double?, to: Double?)]
  package var score: (from: Double, to: Double)?
}

/// `practice rerun`: the old code graded again, compared with what was recorded.
package struct RerunOutcome: Sendable {
  package var attempt: String
  package var recorded: GradeDocument?
  package var report: GradeReport
  /// True when the stored checks were used (the exact checks that graded the attempt).
  package var usedStoredChecks: Bool
  /// True when the current course's checks differ from those that graded the attempt.
  package var checksChanged: Bool
  /// What differs between the recorded and the new results; empty when they reproduce.
  package var differences: [String]
  package var reproduced: Bool { differences.isEmpty }
}

/// `practice restore` / `practice reset`.
package struct RestoreOutcome: Sendable {
  package var exercise: Exercise
  /// The snapshot of the code that was there before, if there was any to keep.
  package var snapshot: String?
  package var files: [String]
}

extension Workspace {
  /// Resolves `last`, `EXERCISE` (its latest attempt), `EXERCISE~N` (N attempts back) or a commit
  /// id prefix.
  package func resolveAttempt(_ spec: String) throws(PracticeError) -> ObjectID {
    let store = try attemptStore()
    do {
      if spec == "last" {
        guard let latest = try store.attempts(limit: 1).first else { throw PracticeError.noAttempts(nil) }
        return try Self.objectID(latest.id)
      }
      var name = spec
      var back = 0
      if let tilde = spec.lastIndex(of: "~") {
        name = String(spec[..<tilde])
        guard let count = Int(spec[spec.index(after: tilde)...]), count >= 0 else {
          throw PracticeError.badAttempt(spec, "after ~ comes a number of attempts back, e.g. entropy~1")
        }
        back = count
      }
      if let exercise = try? course.exercise(named: name) {
        let attempts = try store.attempts(exercise: exercise.key, limit: back + 1)
        guard attempts.count > back else {
          throw attempts.isEmpty
            ? PracticeError.noAttempts(exercise.key)
            : PracticeError.badAttempt(spec, "\(exercise.key) has only \(attempts.count) attempts")
        }
        return try Self.objectID(attempts[back].id)
      }
      if back == 0, let id = try store.commit(prefix: spec) { return id }
      throw PracticeError.badAttempt(spec, "expected last, an exercise, EXERCISE~N or a commit id prefix (4+ digits)")
    } catch let error as PracticeError {
      throw error
    } catch {
      throw .history(error)
    }
  }

  static func objectID(_ hex: String) throws -> ObjectID {
    guard let id = ObjectID(hex: hex) else { throw PracticeError.badAttempt(hex, "not a commit id") }
    return id
  }

  /// The exercise an attempt's trailers name.
  static func exercise(of shown: ShownAttempt, _ spec: String) throws(PracticeError) -> String {
    if let exercise = shown.details.trailers["Exercise"], !shown.details.unreadable { return exercise }
    throw .badAttempt(
      spec, shown.details.unreadable ? "its trailers could not be parsed (see practice show)" : "it names no exercise")
  }

  package func show(_ spec: String) throws(PracticeError) -> ShownAttempt {
    let id = try resolveAttempt(spec)
    let details = try history { try $0.details(of: id, exerciseFolder: Self.folder(of:)) }
    let results = details.results.flatMap { try? JSONDecoder.practice.decode(GradeDocument.self, from: $0) }
    return ShownAttempt(details: details, results: results)
  }

  /// The diff from attempt `a` to attempt `b`, or to the workspace's files when `b` is nil.
  package func diff(_ a: String, _ b: String?) throws(PracticeError) -> AttemptDiff {
    let old = try show(a)
    let new = try b.map { spec throws(PracticeError) in try show(spec) }
    let exercise = try Self.exercise(of: old, a)
    if let new, new.details.trailers["Exercise"] != exercise {
      throw .badAttempt(b ?? "", "it is an attempt at \(new.details.trailers["Exercise"] ?? "?"), not \(exercise)")
    }
    // The code of the earlier exercises it builds on was compiled with it: their changes count too.
    let usedFolders = ((try? self.exercise(named: exercise)).map { course.usedExercises(of: $0) } ?? []).map(
      \.workspaceFolder)
    let patch = try history { store in
      try store.diff(
        from: try Self.objectID(old.details.id), to: try new.map { try Self.objectID($0.details.id) },
        folders: [Self.folder(of: exercise)] + usedFolders)
    }
    var result = AttemptDiff(
      exercise: exercise, from: old.details.id, to: new?.details.id, patch: patch, flips: [], metricDeltas: [],
      score: nil)
    if let before = old.results, let after = new?.results {
      let previous = Dictionary(uniqueKeysWithValues: before.checks.map { ($0.id, $0.status) })
      result.flips = after.checks.compactMap { check in
        let was = previous[check.id] ?? "absent"
        return was == check.status ? nil : (check.id, was, check.status)
      }
      let names = Set(before.metrics.keys).union(after.metrics.keys).sorted()
      result.metricDeltas = names.map { ($0, before.metrics[$0], after.metrics[$0]) }
      result.score = (before.score, after.score)
    }
    return result
  }

  /// Grades the exact code of an old attempt again (from git, in memory; the workspace's files are
  /// not touched) and compares the results with those recorded.
  package func rerun(_ spec: String, with grader: Grader) throws(PracticeError) -> RerunOutcome {
    let shown = try show(spec)
    let key = try Self.exercise(of: shown, spec)
    let exercise = try self.exercise(named: key)
    let current = try Self.checksSource(exercise)
    let checks =
      shown.details.checks.map {
        SourceFile(name: "Checks.swift", displayPath: current.displayPath, contents: Array($0))
      }
      ?? current
    guard shown.details.files.contains(where: { exercise.files.contains($0.name) }) else {
      throw .badAttempt(spec, "it holds none of \(exercise.key)'s files")
    }
    guard let id = ObjectID(hex: shown.details.id) else { throw .badAttempt(spec, "not a commit id") }
    let submission = try Submission.attempt(exercise, course: course, checks: checks) { part throws(PracticeError) in
      if part.key == exercise.key {
        return Dictionary(shown.details.files.map { ($0.name, $0.contents) }) { first, _ in first }
      }
      let stored = try history { try $0.files(in: part.workspaceFolder, at: id) }
      return Dictionary(stored.map { ($0.name, $0.contents) }) { first, _ in first }
    }
    let report = try Self.run(submission, grader: grader)
    var differences: [String] = []
    if let recorded = shown.results {
      if recorded.status != report.status.rawValue {
        differences.append("status: recorded \(recorded.status), now \(report.status.rawValue)")
      }
      if recorded.score != report.score {
        differences.append("score: recorded \(formatPoints(recorded.score)), now \(formatPoints(report.score))")
      }
      let now = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.id, $0) })
      for check in recorded.checks {
        guard let again = now[check.id] else {
          differences.append("\(check.id): no longer a check")
          continue
        }
        if again.status.rawValue != check.status {
          differences.append("\(check.id): recorded \(check.status), now \(again.status.rawValue)")
        }
        for (name, value) in check.metrics {
          let new = again.metrics[name]
          if new.map({ abs($0 - value) > 1e-9 * max(1, abs(value)) }) ?? true {
            differences.append("\(check.id) metric \(name): recorded \(value), now \(new.map { "\($0)" } ?? "absent")")
          }
        }
      }
    } else {
      differences.append("no results were recorded with this attempt")
    }
    return RerunOutcome(
      attempt: shown.details.id, recorded: shown.results, report: report, usedStoredChecks: shown.details.checks != nil,
      checksChanged: shown.details.checks.map { Array($0) != current.contents } ?? false, differences: differences)
  }

  /// Brings the code of an old attempt back into the workspace, after recording the current code
  /// as a snapshot (when it differs from what is already recorded).
  package func restore(_ spec: String) throws(PracticeError) -> RestoreOutcome {
    let shown = try show(spec)
    let key = try Self.exercise(of: shown, spec)
    let exercise = try self.exercise(named: key)
    let snapshot = try snapshotCurrentFiles(of: exercise, reason: "before restoring \(shown.details.id.prefix(10))")
    var written: [String] = []
    for file in shown.details.files where exercise.files.contains(file.name) {
      let relative = "\(exercise.workspaceFolder)/\(file.name)"
      try write(Data(file.contents), to: relative)
      written.append(relative)
    }
    return RestoreOutcome(exercise: exercise, snapshot: snapshot, files: written)
  }

  /// Puts the scaffold back, after recording the current code as a snapshot.
  package func reset(_ exercise: Exercise) throws(PracticeError) -> RestoreOutcome {
    let snapshot = try snapshotCurrentFiles(of: exercise, reason: "before reset")
    var written: [String] = []
    for name in exercise.files {
      guard let data = FileManager.default.contents(atPath: exercise.scaffold.appendingPathComponent(name).path) else {
        throw .io("the course has no scaffold file \(exercise.scaffold.appendingPathComponent(name).path)")
      }
      let relative = "\(exercise.workspaceFolder)/\(name)"
      try write(data, to: relative)
      written.append(relative)
    }
    return RestoreOutcome(exercise: exercise, snapshot: snapshot, files: written)
  }

  /// Records the learner's current files of `exercise` unless the newest commit already holds
  /// exactly them. Returns the snapshot's id, or nil when there was nothing new to keep.
  func snapshotCurrentFiles(of exercise: Exercise, reason: String) throws(PracticeError) -> String? {
    var files: [TreeFile] = []
    for name in exercise.files {
      let relative = "\(exercise.workspaceFolder)/\(name)"
      if let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) {
        files.append(TreeFile(path: relative, contents: Array(data)))
      }
    }
    if files.isEmpty { return nil }
    return try history { store in
      if let tip = try store.tip(), try files.allSatisfy({ try store.file(at: $0.path, in: tip) == $0.contents }) {
        return nil
      }
      return try store.recordSnapshot(
        exercise: exercise.key, folder: exercise.workspaceFolder, files: files, reason: reason
      ).hex
    }
  }

  /// How long push and pull wait without any progress from the remote before giving up (30 s).
  package static let remoteTimeout = AttemptStore.defaultRemoteTimeout

  /// Sends the attempts to `remote` (else `origin` when configured); gives up after `timeout`
  /// without progress from the remote.
  package func push(to remote: String?, timeout: Duration = remoteTimeout) throws(PracticeError)
    -> (remote: String, result: PushResult)
  {
    let target = try remoteName(remote)
    return (target, try history { try $0.push(to: target, timeout: timeout) })
  }

  /// Brings the attempts from `remote` (else `origin` when configured); gives up after `timeout`
  /// without progress from the remote, with nothing changed.
  package func pull(from remote: String?, timeout: Duration = remoteTimeout)
    throws(PracticeError) -> (remote: String, result: PullResult)
  {
    let target = try remoteName(remote)
    return (target, try history { try $0.pull(from: target, timeout: timeout) })
  }

  /// The remote to use: the one named, else `origin` when configured.
  func remoteName(_ remote: String?) throws(PracticeError) -> String {
    if let remote { return remote }
    let repository: Repository
    do {
      repository = try Repository.open(at: root)
    } catch {
      throw .history(error)
    }
    guard repository.hasRemote(named: "origin") else { throw .noRemote }
    return "origin"
  }

  static func folder(of exercise: String) -> String { "Exercises/\(exercise)" }

  func history<T>(_ body: (AttemptStore) throws -> T) throws(PracticeError) -> T {
    let store = try attemptStore()
    do {
      return try body(store)
    } catch let error as PracticeError {
      throw error
    } catch {
      throw .history(error)
    }
  }
}
