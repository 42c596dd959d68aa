import Foundation
import Git

/// A commit of the attempts branch that cannot be read whole.
package struct BrokenCommit: Sendable {
  package var id: ObjectID
  /// The commit's subject, nil when the commit object itself cannot be read.
  package var subject: String?
  /// The first object that cannot be read.
  package var problem: UnreadableObject
}

/// What a "fsck from the tip" of `practice/attempts` found.
package struct HistoryHealth: Sendable {
  /// The branch's commit, nil before the first attempt.
  package var tip: ObjectID?
  /// How many commits were reached from the tip.
  package var commitCount: Int
  /// The commits that cannot be read whole, in walk order (newest first).
  package var broken: [BrokenCommit]
  /// The newest commit on the first-parent line whose history (itself, its tree and everything
  /// below it) is complete: where `repair` moves the branch back to. nil when there is none.
  package var newestComplete: ObjectID?
  /// The commits above `newestComplete` that read whole (their own trees are complete), oldest
  /// first: `repair` copies them onto the repaired history.
  package var keepable: [ObjectID]

  package var isComplete: Bool { broken.isEmpty }
}

/// What `repair` did.
package struct RepairOutcome: Sendable {
  /// The `Status: repair` commit, the branch's new tip.
  package var commit: ObjectID
  /// The commit the branch was moved back to (nil when its history was complete, or none was).
  package var movedBackTo: ObjectID?
  /// The readable commits above the broken one, copied onto the repaired history (old ids).
  package var kept: [ObjectID]
  /// The commits left out (still reachable from `backup`).
  package var skipped: [BrokenCommit]
  /// The reference that keeps the old tip (`refs/practice/broken/<date>`), when it was moved back.
  package var backup: String?
  /// How many attempts the progress snapshot was rebuilt from.
  package var attempts: Int
}

extension AttemptStore {
  /// Where the old tip of a repaired branch is kept.
  package static let brokenPrefix = "refs/practice/broken/"

  /// Reads every commit, tree and blob reachable from the tip (nothing is changed).
  package func checkHistory() throws -> HistoryHealth {
    guard let tip = try tip() else {
      return HistoryHealth(tip: nil, commitCount: 0, broken: [], newestComplete: nil, keepable: [])
    }
    let checks = repository.check(from: tip)
    let broken = checks.compactMap { check in
      check.problem.map { BrokenCommit(id: check.id, subject: check.info.map(subject(of:)), problem: $0) }
    }
    // The first-parent line from the tip: the attempts history is linear (pull and push only
    // fast-forward), so the newest complete commit is the one below the oldest broken one.
    var byID: [ObjectID: CommitCheck] = [:]
    for check in checks { byID[check.id] = check }
    var line: [CommitCheck] = []
    var next: ObjectID? = tip
    while let id = next, let check = byID[id] {
      line.append(check)
      next = check.info?.parents.first
    }
    guard let oldestBroken = line.lastIndex(where: { $0.problem != nil }) else {
      return HistoryHealth(
        tip: tip, commitCount: checks.count, broken: broken, newestComplete: tip, keepable: [])
    }
    let complete = oldestBroken + 1 < line.count ? line[oldestBroken + 1].id : nil
    let keepable = line[..<oldestBroken].filter { $0.problem == nil }.map(\.id).reversed()
    return HistoryHealth(
      tip: tip, commitCount: checks.count, broken: broken, newestComplete: complete, keepable: Array(keepable))
  }

  /// Repairs the branch and records a `Status: repair` commit on it with a progress snapshot
  /// recomputed from the attempts.
  ///
  /// When the history is complete, the commit goes on the tip. Otherwise the branch is moved back
  /// to the newest commit whose history is complete, the readable commits above the broken ones
  /// are copied onto it (same trees, messages, authors and dates), and the repair commit goes on
  /// top, its body naming the commits skipped; the old tip is kept under
  /// `refs/practice/broken/<date>`. No object is deleted. The branch moves by compare-and-swap;
  /// HEAD, the index, the working tree and every other branch are never touched.
  ///
  /// - Parameter progress: computes `.practice/progress.json` from the attempts of the repaired
  ///   history, oldest first.
  /// - Returns: nil when there are no attempts at all.
  package func repair(progress: ([AttemptSummary]) throws -> Data) throws -> RepairOutcome? {
    let health = try checkHistory()
    guard let oldTip = health.tip else { return nil }
    var base: ObjectID? = oldTip
    var backup: String?
    if !health.isComplete {
      base = health.newestComplete
      for commit in health.keepable {
        base = try wrapGit { try repository.copyCommit(commit, parents: base.map { [$0] } ?? []) }
      }
    }
    let attempts =
      try base.map { base in
        try wrapGit { try repository.history(from: base) }.reversed().compactMap(AttemptMessage.summary(of:))
      } ?? []
    let snapshot = try progress(attempts)
    let message = Self.repairMessage(health: health, attempts: attempts.count)
    let commit = try wrapGit {
      let tree = try repository.makeTree(
        base: base, replacingFolders: [], files: [TreeFile(path: Self.progressPath, contents: Array(snapshot))])
      return try repository.createCommit(tree: tree, parents: base.map { [$0] } ?? [], message: message)
    }
    if !health.isComplete { backup = try keepBackup(of: oldTip) }
    let moved = try wrapGit {
      try repository.updateReference(Self.branch, to: commit, expected: oldTip, logMessage: "practice: doctor --repair")
    }
    guard moved else { throw HistoryError.contention(Self.branch) }
    return RepairOutcome(
      commit: commit, movedBackTo: health.isComplete ? nil : health.newestComplete, kept: health.keepable,
      skipped: health.isComplete ? [] : health.broken, backup: backup, attempts: attempts.count)
  }

  /// Points a new `refs/practice/broken/<date>` at `tip` (a suffix when that name is taken).
  func keepBackup(of tip: ObjectID) throws -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    let stamp = formatter.string(from: Date()).replacingOccurrences(of: ":", with: "-")
    for suffix in 0..<100 {
      let name = Self.brokenPrefix + stamp + (suffix == 0 ? "" : "-\(suffix)")
      if try wrapGit({
        try repository.updateReference(name, to: tip, expected: nil, logMessage: "practice: broken tip")
      }) {
        return name
      }
    }
    throw HistoryError.contention(Self.brokenPrefix + stamp)
  }

  static func repairMessage(health: HistoryHealth, attempts: Int) -> String {
    var body: [String] = []
    if let tip = health.tip, !health.isComplete {
      let target = health.newestComplete.map { "to \($0.hex) (complete)" } ?? "to an empty history"
      body.append("Moved back from \(tip.hex) \(target).")
      for broken in health.broken {
        let subject = broken.subject.map { " (\($0))" } ?? ""
        body.append("Skipped \(broken.id.hex)\(subject): unreadable \(broken.problem.kind) \(broken.problem.id.hex)")
      }
      if !health.keepable.isEmpty {
        body += health.keepable.map { "Kept \($0.hex), copied onto the repaired history." }
      }
      body.append("The old tip stays reachable from refs/practice/broken/.")
    }
    body.append("Rebuilt \(progressPath) from \(attempts) attempts.")
    let subject =
      health.isComplete
      ? "repair practice/attempts: progress rebuilt" : "repair practice/attempts: skipped broken commits"
    return subject + "\n\n" + body.map(AttemptMessage.sanitize).joined(separator: "\n") + "\n\nStatus: repair\n"
  }

  private func subject(of commit: CommitInfo) -> String {
    AttemptMessage.subject(of: commit.message)
  }
}
