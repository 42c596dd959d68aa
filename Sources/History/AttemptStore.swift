import Foundation
import Git

/// What one graded attempt leaves behind: the learner's files, the results, and the commit text.
package struct AttemptRecord: Sendable {
  /// `module/exercise`.
  package var exercise: String
  package var score: Double
  package var maxScore: Double
  /// `passed`, `failed`, `compileError` or `error`.
  package var status: String
  /// The body of the commit message: one line per check (already formatted), or compiler errors.
  package var summaryLines: [String]
  /// Trailers after the standard three (`Exercise`, `Score`, `Status`), e.g. `Toolchain`.
  package var extraTrailers: [(key: String, value: String)]
  /// The folder (slash separated, from the workspace root) whose content this attempt replaces.
  package var exerciseFolder: String
  /// The folders of earlier exercises whose code was compiled with this one (replaced as well, so
  /// the attempt's tree holds exactly the code that was graded).
  package var usedFolders: [String] = []
  /// Files to store, with paths from the workspace root: the learner's files and the results JSON.
  package var files: [TreeFile]

  package init(
    exercise: String, score: Double, maxScore: Double, status: String, summaryLines: [String],
    extraTrailers: [(key: String, value: String)], exerciseFolder: String, files: [TreeFile]
  ) {
    self.exercise = exercise
    self.score = score
    self.maxScore = maxScore
    self.status = status
    self.summaryLines = summaryLines
    self.extraTrailers = extraTrailers
    self.exerciseFolder = exerciseFolder
    self.files = files
  }
}

/// One attempt as read back from the attempts branch.
package struct AttemptSummary: Sendable, Equatable {
  package var id: String
  package var exercise: String
  package var status: String
  package var score: Double
  package var maxScore: Double
  package var date: Date
  /// Every trailer of the commit, in order (metrics, toolchain, course version, ...).
  package var trailers: [String: String]
  /// The first line of the commit message.
  package var subject: String = ""
  /// True when the commit's trailers could not be read as an attempt's (no `Exercise`, `Score` and
  /// `Status`, e.g. a commit made by hand with a broken trailer): `status` is `unreadable`, the
  /// score 0/0, and `exercise` whatever the trailers or the subject name (possibly empty).
  package var unreadable = false

  /// The status of an attempt whose trailers could not be read.
  package static let unreadableStatus = "unreadable"

  /// The `Metric-<name>` trailers, by name.
  package var metrics: [String: Double] {
    var result: [String: Double] = [:]
    for (key, value) in trailers where key.hasPrefix("Metric-") {
      if let number = Double(value) { result[String(key.dropFirst("Metric-".count))] = number }
    }
    return result
  }
}

/// The learner's attempts, stored as commits on the branch `practice/attempts` of the workspace
/// repository.
///
/// Each commit's tree is the previous attempt's tree with the graded exercise's folder replaced by
/// the learner's files as graded, plus `.practice/results/<module>/<exercise>.json` and
/// `.practice/progress.json`. HEAD, the index and every other branch are never touched; the branch
/// is moved with compare-and-swap, so concurrent grades all land.
package struct AttemptStore {
  package static let branch = "refs/heads/practice/attempts"
  package static let progressPath = ".practice/progress.json"

  let repository: Repository

  package init(workspace: URL) throws {
    do {
      repository = try Repository.open(at: workspace)
    } catch {
      throw HistoryError.repository(workspace.path, error)
    }
  }

  /// The newest attempt's commit, nil before the first attempt.
  package func tip() throws -> ObjectID? {
    try wrap { try repository.resolve(reference: Self.branch) }
  }

  /// Records an attempt as a new commit on top of the branch.
  ///
  /// - Parameter progress: computes the new `.practice/progress.json` from the one at the current
  ///   tip (nil before the first attempt). Called again if another writer won the race.
  /// - Returns: the new commit's id.
  package func record(_ attempt: AttemptRecord, progress: (Data?) throws -> Data) throws -> ObjectID {
    let message = try AttemptMessage.compose(attempt)
    var retry = RetryPolicy()
    while retry.next(removingStaleLock: removeStaleLock) {
      let parent = try tip()
      let previousProgress = try parent.flatMap { try file(at: Self.progressPath, in: $0) }.map { Data($0) }
      let newProgress = try progress(previousProgress)
      let files = attempt.files + [TreeFile(path: Self.progressPath, contents: Array(newProgress))]
      let commit = try wrap {
        let tree = try repository.makeTree(
          base: parent, replacingFolders: [attempt.exerciseFolder] + attempt.usedFolders, files: files)
        return try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], message: message)
      }
      let moved = try wrap {
        try repository.updateReference(
          Self.branch, to: commit, expected: parent, logMessage: "practice: \(attempt.exercise) \(attempt.status)")
      }
      if moved { return commit }
    }
    throw HistoryError.contention(Self.branch)
  }

  /// A grade killed while it held the branch's lock (held for microseconds) leaves the lock file
  /// behind; one older than `staleLockAge` seconds can only be such a leftover.
  static let staleLockAge: Double = 3

  func removeStaleLock() {
    let lock = repository.gitDirectory.appendingPathComponent("refs/heads/practice/attempts.lock")
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: lock.path),
      let modified = attributes[.modificationDate] as? Date, Date().timeIntervalSince(modified) > Self.staleLockAge
    else { return }
    try? FileManager.default.removeItem(at: lock)
  }

  /// The attempts, newest first, optionally only those of one exercise. An attempt whose trailers
  /// do not read is listed too, marked `unreadable` (snapshots are not attempts and are left out).
  package func attempts(exercise: String? = nil, limit: Int? = nil) throws -> [AttemptSummary] {
    guard let tip = try tip() else { return [] }
    var result: [AttemptSummary] = []
    for commit in try wrap({ try repository.history(from: tip) }) {
      guard let summary = AttemptMessage.listing(of: commit) else { continue }
      if let exercise, summary.exercise != exercise { continue }
      result.append(summary)
      if let limit, result.count >= limit { break }
    }
    return result
  }

  /// The bytes of a file in an attempt's tree.
  package func file(at path: String, in attempt: ObjectID) throws -> [UInt8]? {
    try wrap { try repository.fileContents(at: path, in: attempt) }
  }

  /// The progress snapshot stored with the newest attempt.
  package func latestProgress() throws -> Data? {
    guard let tip = try tip() else { return nil }
    return try file(at: Self.progressPath, in: tip).map { Data($0) }
  }

  private func wrap<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as GitError {
      throw HistoryError.from(error)
    }
  }
}

/// How a writer retries a compare-and-swap of the attempts branch that another writer (or a lock
/// left by a killed one) got in the way of: randomised backoff growing to 20 ms, a look for a stale
/// lock every 25 tries, and a deadline longer than the stale-lock age, so that a lock left by a
/// `kill -9` just before is always outlived and removed rather than reported as contention.
struct RetryPolicy {
  private var round = 0
  private let deadline = ContinuousClock.now + .seconds(AttemptStore.staleLockAge * 3)

  /// Waits before every try but the first; false once the deadline has passed.
  mutating func next(removingStaleLock removeStaleLock: () -> Void) -> Bool {
    defer { round += 1 }
    guard round > 0 else { return true }
    if ContinuousClock.now > deadline { return false }
    if round % 25 == 0 { removeStaleLock() }
    usleep(UInt32.random(in: 200...(1000 * UInt32(min(round, 20)))))
    return true
  }
}
