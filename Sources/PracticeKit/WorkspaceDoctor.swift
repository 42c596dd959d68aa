import Foundation
import Git
import Grader
import History

/// One problem `practice doctor` found, in plain words, with what fixes it.
package struct DoctorFinding: Sendable, Equatable, Encodable {
  /// What is wrong, naming the file, reference or folder.
  package var problem: String
  /// The command (or the action) that fixes it.
  package var fix: String
  /// What `--repair` did about it; nil when it was not repaired.
  package var repaired: String?
}

/// What `practice doctor` found (and repaired).
package struct DoctorReport: Sendable, Encodable {
  /// The workspace's root folder.
  package var workspace: String
  package var findings: [DoctorFinding]
  /// What was checked and found in order, for the reader (`attempt history: 12 commits, complete`).
  package var checked: [String]
  /// True when nothing is wrong, or everything wrong was repaired.
  package var healthy: Bool { findings.allSatisfy { $0.repaired != nil } }
}

/// `practice doctor`: checks a workspace without opening it as `Workspace` does, so it works
/// when `.practice/workspace.json` or the course is what is broken.
package enum WorkspaceDoctor {
  /// Checks the workspace containing `directory` and, with `repair`, fixes what it can: rebuilds
  /// the progress snapshot, moves a broken attempts branch back to its newest complete commit
  /// (keeping the old tip under `refs/practice/broken/`), removes damaged cache entries and stale
  /// staging folders. HEAD, the index, the working tree and the learner's branches are never touched.
  package static func examine(
    from directory: URL, home: ToolHome?, cache: URL = Grader.defaultCache(), repair: Bool
  ) throws(PracticeError) -> DoctorReport {
    let root = try workspaceRoot(from: directory)
    var report = DoctorReport(workspace: root.path, findings: [], checked: [])
    checkConfiguration(root: root, home: home, report: &report)
    checkHistory(root: root, repair: repair, report: &report)
    checkCache(cache, repair: repair, report: &report)
    return report
  }

  /// The nearest folder upwards holding `.practice/workspace.json` (whether it parses or not).
  static func workspaceRoot(from directory: URL) throws(PracticeError) -> URL {
    var folder = directory.standardizedFileURL
    while true {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Workspace.configPath).path) {
        return folder
      }
      if folder.path == "/" { throw .notAWorkspace(directory.path) }
      folder = folder.deletingLastPathComponent()
    }
  }

  // MARK: workspace.json and the course

  static func checkConfiguration(root: URL, home: ToolHome?, report: inout DoctorReport) {
    let file = root.appendingPathComponent(Workspace.configPath)
    let config: WorkspaceConfig
    do {
      config = try JSONDecoder.practice.decode(WorkspaceConfig.self, from: Data(contentsOf: file))
    } catch {
      let problem = (error as? DecodingError).map(ProgressSnapshot.describe) ?? error.localizedDescription
      report.findings.append(
        DoctorFinding(
          problem: "\(Workspace.configPath) does not parse (\(problem))",
          fix: "edit it back to {formatVersion, course: {id, version, path, builtin}, created} (docs/ARCHITECTURE.md), "
            + "or `practice init` a new workspace and `practice pull` your attempts into it",
          repaired: nil))
      return
    }
    guard config.formatVersion <= WorkspaceConfig.formatVersion else {
      report.findings.append(
        DoctorFinding(
          problem: "\(Workspace.configPath) has format version \(config.formatVersion), newer than this tool",
          fix: "update practice", repaired: nil))
      return
    }
    report.checked.append("\(Workspace.configPath): parses")
    var coursePath = URL(fileURLWithPath: config.course.path)
    if config.course.builtin && !FileManager.default.fileExists(atPath: coursePath.path) {
      guard let home else {
        report.findings.append(
          DoctorFinding(
            problem: "the built-in course is not at \(config.course.path) and practice's own files cannot be found",
            fix: "set PRACTICE_HOME to the Practitioner checkout", repaired: nil))
        return
      }
      coursePath = home.builtinCourse
    }
    do {
      let course = try Workspace.loadCourse(coursePath)
      report.checked.append("course: \(course.id) \(course.version) at \(course.root.path)")
    } catch {
      report.findings.append(
        DoctorFinding(
          problem: "the course at \(coursePath.path) cannot be loaded: \(error.localizedDescription)",
          fix: "put the course back there, or point course.path in \(Workspace.configPath) at it", repaired: nil))
    }
  }

  // MARK: The attempts and the progress snapshot

  static func checkHistory(root: URL, repair: Bool, report: inout DoctorReport) {
    let store: AttemptStore
    let health: HistoryHealth
    do {
      store = try AttemptStore(workspace: root)
      health = try store.checkHistory()
    } catch {
      report.findings.append(
        DoctorFinding(
          problem: "the attempts cannot be read: \(error.localizedDescription)",
          fix: "check the repository with `git fsck`", repaired: nil))
      return
    }
    guard let tip = health.tip else {
      report.checked.append("practice/attempts: no attempts yet")
      return
    }
    var problems: [DoctorFinding] = []
    if let first = health.broken.first {
      problems.append(brokenHistoryFinding(first, health: health))
    } else {
      report.checked.append("practice/attempts: \(health.commitCount) commits, every commit, tree and blob readable")
      if let problem = progressProblem(store: store, tip: tip) {
        problems.append(
          DoctorFinding(
            problem: "\(AttemptStore.progressPath) at practice/attempts \(problem)",
            fix: "practice doctor --repair (rebuilds it from the attempts' trailers)", repaired: nil))
      } else {
        report.checked.append("\(AttemptStore.progressPath) at practice/attempts: parses")
      }
    }
    guard !problems.isEmpty, repair else {
      report.findings += problems
      return
    }
    do {
      let outcome = try store.repair { attempts in
        try JSONEncoder.practice.encode(ProgressSnapshot.rebuilt(from: attempts)) + Data("\n".utf8)
      }
      let done = outcome.map(describe) ?? "nothing to repair"
      report.findings += problems.map { DoctorFinding(problem: $0.problem, fix: $0.fix, repaired: done) }
      // Read everything back: a repair is only reported as such when the result is complete.
      let after = try store.checkHistory()
      if let first = after.broken.first {
        report.findings.append(brokenHistoryFinding(first, health: after))
      }
    } catch {
      report.findings += problems
      report.findings.append(
        DoctorFinding(
          problem: "the repair failed: \(error.localizedDescription)", fix: "practice doctor --repair (again)",
          repaired: nil))
    }
  }

  static func brokenHistoryFinding(_ first: BrokenCommit, health: HistoryHealth) -> DoctorFinding {
    let subject = first.subject.map { " (\($0))" } ?? ""
    let others = health.broken.count > 1 ? "; \(health.broken.count) of \(health.commitCount) commits are affected" : ""
    let target =
      health.newestComplete.map { "moves practice/attempts back to \($0.hex.prefix(10)), the newest complete commit" }
      ?? "starts practice/attempts again (no complete commit is left below the broken ones)"
    let kept = health.keepable.isEmpty ? "" : ", copies the \(health.keepable.count) readable commits above it onto it"
    return DoctorFinding(
      problem: "practice/attempts is damaged: commit \(first.id.hex.prefix(10))\(subject) cannot be read whole: "
        + "\(first.problem.description)\(others)",
      fix: "practice doctor --repair (\(target)\(kept), and keeps the old tip under refs/practice/broken/)",
      repaired: nil)
  }

  /// Why the snapshot at the tip is unusable, nil when it parses.
  static func progressProblem(store: AttemptStore, tip: ObjectID) -> String? {
    do {
      guard let data = try store.file(at: AttemptStore.progressPath, in: tip) else { return "is missing" }
      _ = try ProgressSnapshot.decode(Data(data))
      return nil
    } catch PracticeError.damagedProgress(let problem) {
      return "does not parse (\(problem))"
    } catch {
      return "cannot be read (\(error.localizedDescription))"
    }
  }

  static func describe(_ outcome: RepairOutcome) -> String {
    var parts: [String] = []
    if let back = outcome.movedBackTo {
      parts.append("moved practice/attempts back to \(back.hex.prefix(10))")
    } else if !outcome.skipped.isEmpty {
      parts.append("started practice/attempts again")
    }
    if !outcome.skipped.isEmpty { parts.append("skipped \(outcome.skipped.count) unreadable commit(s)") }
    if !outcome.kept.isEmpty { parts.append("kept \(outcome.kept.count) readable commit(s) above them") }
    if let backup = outcome.backup { parts.append("the old tip is \(backup)") }
    parts.append(
      "rebuilt \(AttemptStore.progressPath) from \(outcome.attempts) attempts in commit \(outcome.commit.hex.prefix(10)) "
        + "(Status: repair)")
    return parts.joined(separator: "; ")
  }

  // MARK: The grader's cache

  static func checkCache(_ cache: URL, repair: Bool, report: inout DoctorReport) {
    let damaged = Grader.damagedEntries(in: cache)
    let stale = Grader.staleStagingFolders(in: cache)
    for folder in damaged {
      if repair { Grader.removeCacheEntry(folder) }
      report.findings.append(
        DoctorFinding(
          problem: "the cache entry \(folder.path) is damaged (a file does not match its entry.digest)",
          fix: "practice doctor --repair (removes it; the next grade builds it again)",
          repaired: repair ? "removed" : nil))
    }
    for folder in stale {
      if repair { Grader.removeCacheEntry(folder) }
      report.findings.append(
        DoctorFinding(
          problem: "\(folder.path) is a staging folder left by a grade that was stopped over an hour ago",
          fix: "practice doctor --repair (removes it)", repaired: repair ? "removed" : nil))
    }
    if damaged.isEmpty && stale.isEmpty { report.checked.append("cache \(cache.path): every entry intact") }
  }
}
