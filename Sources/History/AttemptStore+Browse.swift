import Foundation
import Git

/// Everything stored with one attempt (or snapshot).
package struct AttemptDetails: Sendable {
  package var id: String
  package var message: String
  package var date: Date
  package var trailers: [String: String]
  /// nil for a snapshot commit (no score), and for an attempt whose trailers do not read.
  package var summary: AttemptSummary?
  /// True for an attempt (not a snapshot) whose trailers could not be read as an attempt's:
  /// `trailers` holds what could be read, the message and files are there as for any commit.
  package var unreadable = false
  /// The learner's files of the exercise, as graded.
  package var files: [(name: String, contents: [UInt8])]
  /// `.practice/results/<exercise>.json` as stored with the attempt.
  package var results: Data?
  /// The checks that graded it, as stored with the attempt (nil for attempts made before checks
  /// were stored).
  package var checks: Data?
}

/// What `pull` did to the local attempts branch.
package enum PullResult: Sendable, Equatable {
  case created(count: Int)
  case fastForwarded(count: Int)
  case upToDate
  /// The local branch already contains the remote's: nothing to bring.
  case ahead(count: Int)
  case remoteEmpty
}

extension AttemptStore {
  package static func resultsPath(_ exercise: String) -> String { ".practice/results/\(exercise).json" }
  package static func checksPath(_ exercise: String) -> String { ".practice/checks/\(exercise)/Checks.swift" }

  /// The attempt or snapshot whose commit id starts with `prefix`.
  package func commit(prefix: String) throws -> ObjectID? {
    try wrapGit { try repository.commit(prefix: prefix) }
  }

  /// The attempt's stored files, results, checks and trailers.
  package func details(of id: ObjectID, exerciseFolder: (String) -> String) throws -> AttemptDetails {
    let info = try wrapGit { try repository.commit(id) }
    var trailers: [String: String] = [:]
    for trailer in info.trailers { trailers[trailer.key] = trailer.value }
    let summary = AttemptMessage.summary(of: info)
    let unreadable = summary == nil && !AttemptMessage.isSnapshot(info) && !AttemptMessage.isRepair(info)
    // An unreadable attempt's exercise may still be named by its subject: its files are shown.
    let named =
      trailers["Exercise"]
      ?? (unreadable ? AttemptMessage.exercise(fromSubject: AttemptMessage.subject(of: info.message)) : nil)
    let exercise = named ?? ""
    let files = exercise.isEmpty ? [] : try wrapGit { try repository.files(in: exerciseFolder(exercise), at: id) }
    return AttemptDetails(
      id: id.hex, message: info.message, date: info.date, trailers: trailers, summary: summary, unreadable: unreadable,
      files: files,
      results: exercise.isEmpty ? nil : try file(at: Self.resultsPath(exercise), in: id).map { Data($0) },
      checks: exercise.isEmpty ? nil : try file(at: Self.checksPath(exercise), in: id).map { Data($0) })
  }

  /// The files of one folder as stored with an attempt.
  package func files(in folder: String, at id: ObjectID) throws -> [(name: String, contents: [UInt8])] {
    try wrapGit { try repository.files(in: folder, at: id) }
  }

  /// The code diff of an exercise folder between two attempts, or from an attempt to the files in
  /// the workspace (`to` nil).
  package func diff(from old: ObjectID, to new: ObjectID?, folder: String) throws -> String {
    try diff(from: old, to: new, folders: [folder])
  }

  /// The code diff of several folders (an exercise's and those of the exercises it uses).
  package func diff(from old: ObjectID, to new: ObjectID?, folders: [String]) throws -> String {
    try wrapGit { try repository.diff(from: old, to: new, folders: folders) }
  }

  /// Records the learner's current files of an exercise without grading them (before `restore`
  /// or `reset` replaces them), so nothing is ever lost. Progress is carried over unchanged.
  package func recordSnapshot(exercise: String, folder: String, files: [TreeFile], reason: String) throws -> ObjectID {
    let message = """
      snapshot \(exercise): \(AttemptMessage.sanitize(reason))

      Exercise: \(exercise)
      Status: snapshot
      Reason: \(AttemptMessage.sanitize(reason))

      """
    var retry = RetryPolicy()
    while retry.next(removingStaleLock: removeStaleLock) {
      let parent = try tip()
      let commit = try wrapGit {
        let tree = try repository.makeTree(base: parent, replacingFolders: [folder], files: files)
        return try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], message: message)
      }
      let moved = try wrapGit {
        try repository.updateReference(Self.branch, to: commit, expected: parent, logMessage: "practice: snapshot")
      }
      if moved { return commit }
    }
    throw HistoryError.contention(Self.branch)
  }

  /// How long push and pull wait without any progress from the remote before giving up.
  package static let defaultRemoteTimeout: Duration = .seconds(30)

  /// Sends the attempts branch to `remote` (a remote's name, a URL or a path); fast-forward only.
  /// Gives up (``HistoryError/remoteTimedOut(_:)``) after `timeout` without progress.
  package func push(to remote: String, timeout: Duration = defaultRemoteTimeout) throws -> PushResult {
    guard try tip() != nil else { throw HistoryError.nothingToPush }
    return try wrapGit { try repository.push(Self.branch, to: remote, timeout: timeout) }
  }

  /// Brings the attempts branch from `remote`; only a fast-forward is applied. Gives up
  /// (``HistoryError/remoteTimedOut(_:)``) after `timeout` without progress, with nothing changed.
  package func pull(from remote: String, timeout: Duration = defaultRemoteTimeout) throws -> PullResult {
    let tracking =
      repository.hasRemote(named: remote)
      ? "refs/remotes/\(remote)/practice/attempts" : "refs/practice/fetched-attempts"
    let fetched = try wrapGit { try repository.fetch(Self.branch, from: remote, into: tracking, timeout: timeout) }
    guard let theirs = fetched else { return .remoteEmpty }
    for _ in 0..<20 {
      let ours = try tip()
      if ours == theirs { return .upToDate }
      if let ours, try wrapGit({ try repository.isDescendant(ours, of: theirs) }) {
        return .ahead(count: try count(from: ours, until: theirs))
      }
      if let ours, !(try wrapGit { try repository.isDescendant(theirs, of: ours) }) {
        let base = try wrapGit { try repository.mergeBase(ours, theirs) }
        throw HistoryError.diverged(
          local: try count(from: ours, until: base), remote: try count(from: theirs, until: base))
      }
      let moved = try wrapGit {
        try repository.updateReference(Self.branch, to: theirs, expected: ours, logMessage: "practice: pull")
      }
      if moved {
        let brought = try count(from: theirs, until: ours)
        return ours == nil ? .created(count: brought) : .fastForwarded(count: brought)
      }
    }
    throw HistoryError.contention(Self.branch)
  }

  /// Commits reachable from `tip` and not from `base`.
  func count(from tip: ObjectID, until base: ObjectID?) throws -> Int {
    var count = 0
    for commit in try wrapGit({ try repository.history(from: tip) }) {
      if let base, commit.id == base { break }
      count += 1
    }
    return count
  }

  func wrapGit<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as GitError {
      throw HistoryError.from(error)
    }
  }
}
