import Course
import Foundation
import Git
import Grader
import History

/// What `grade` produced.
package struct GradeOutcome: Sendable {
  package var exercise: Exercise
  package var report: GradeReport
  package var document: GradeDocument
  /// What the learner's program printed (bounded).
  package var programOutput: String { report.programOutput }
  /// The attempt's commit id.
  package var attempt: String
  /// The exercise's progress before this attempt (nil on a first attempt).
  package var previous: ProgressSnapshot.Entry?
  /// The exercise to do after this one, with this attempt counted (`nextExercise(after:progress:)`).
  package var next: Exercise? = nil
}

extension Workspace {
  /// A grader using the toolchain on PATH and the cache in `$XDG_CACHE_HOME/practice`; it compiles
  /// and runs in the sandbox unless `sandboxOff` or `PRACTICE_SANDBOX=off`.
  package func makeGrader(
    sandboxOff: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(PracticeError) -> Grader {
    try Self.makeGrader(home: home, sandboxOff: sandboxOff, environment: environment)
  }

  package static func makeGrader(
    home: ToolHome, sandboxOff: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(PracticeError) -> Grader {
    let cache = Grader.defaultCache(environment: environment)
    do {
      let toolchain = try Toolchain.locate(environment: environment, cache: cache)
      var grader = Grader(toolchain: toolchain, supportSources: home.supportSources, cache: cache)
      grader.sandbox = sandboxOff ? .off : SandboxMode.from(environment: environment)
      grader.bubblewrap = environment["PRACTICE_BWRAP"].flatMap { $0.isEmpty ? nil : $0 }
      return grader
    } catch {
      throw .grader(error)
    }
  }

  /// Grades the learner's files of `exercise` and records the attempt as a commit.
  ///
  /// SIGINT, SIGTERM and SIGHUP end the grade (`PracticeError.grader(.interrupted)`) without
  /// recording anything; once the attempt is being recorded, it is recorded whole. `onProgress`
  /// hears the long checks' progress, `onBuild` the build of the support modules on a first grade.
  ///
  /// - Parameter onCheckEnded: called as each check ends, with its row as the document will
  ///   hold it and the ids of all the checks, so a table can be printed as the checks run.
  package func grade(
    _ exercise: Exercise, with grader: Grader, onProgress: (@Sendable (CheckProgress) -> Void)? = nil,
    onBuild: (@Sendable (BuildProgress) -> Void)? = nil,
    onCheckEnded: (@Sendable (GradeDocument.CheckDocument, _ checkIDs: [String]) -> Void)? = nil
  ) throws(PracticeError) -> GradeOutcome {
    var outcome = try Interruption.during { () throws(PracticeError) -> GradeOutcome in
      try gradeAndRecord(exercise, with: grader, onProgress: onProgress, onBuild: onBuild, onCheckEnded: onCheckEnded)
    }
    // The editor's compile commands follow the support modules' cache key (the grade has just
    // built or verified them); a failure here never costs the grade.
    _ = try? writeEditorSupport(with: grader)
    outcome.next = nextExercise(after: exercise, progress: (try? progress()) ?? ProgressSnapshot())
    return outcome
  }

  private func gradeAndRecord(
    _ exercise: Exercise, with grader: Grader, onProgress: (@Sendable (CheckProgress) -> Void)?,
    onBuild: (@Sendable (BuildProgress) -> Void)?,
    onCheckEnded: (@Sendable (GradeDocument.CheckDocument, _ checkIDs: [String]) -> Void)?
  ) throws(PracticeError) -> GradeOutcome {
    try checkUnlocked(exercise)
    let submission = try Submission.workspace(self, exercise)
    let sources = submission.sources
    let checks = submission.checks
    let report = try Self.run(
      submission, grader: grader, onProgress: onProgress, onBuild: onBuild,
      onCheckEnded: onCheckEnded.map { callback in
        { @Sendable ended in callback(GradeDocument.CheckDocument(ended.result), ended.checkIDs) }
      })
    let maxScore = report.maxScore ?? Double(exercise.points)
    var document = GradeDocument(
      exercise: exercise.key, report: report, maxScore: maxScore, courseVersion: course.version)

    let store = try attemptStore()
    let before = try progress().exercises[exercise.key]
    var trailers: [(key: String, value: String)] = [
      ("Course", "\(course.id) \(course.version)"),
      ("Toolchain", report.toolchain),
    ]
    trailers += helpTrailers(for: exercise)
    if report.sandbox == .off { trailers.append(("Sandbox", "off")) }
    if let digest = try? ObjectID.blobID(of: checks.contents) {
      trailers.append(("Checks-Digest", "git-blob:\(digest.hex)"))
    }
    for (name, value) in report.metrics.sorted(by: { $0.key < $1.key }) {
      trailers.append(("Metric-\(name)", "\(value)"))
    }
    let resultsPath = AttemptStore.resultsPath(exercise.key)
    var record = AttemptRecord(
      exercise: exercise.key, score: report.score, maxScore: maxScore, status: report.status.rawValue,
      summaryLines: Self.summaryLines(report), extraTrailers: trailers, exerciseFolder: exercise.workspaceFolder,
      files: sources.map { TreeFile(path: $0.displayPath, contents: $0.contents) }
        + [
          TreeFile(path: resultsPath, contents: Array(try Self.encode(document))),
          TreeFile(path: AttemptStore.checksPath(exercise.key), contents: checks.contents),
        ])
    record.usedFolders = Array(submission.folders.dropFirst())
    let now = Date()
    do {
      try Interruption.check()
    } catch {
      throw .grader(error)
    }
    let attempt: ObjectID
    do {
      attempt = try store.record(record) { previous in
        var snapshot =
          try previous.map { data throws(PracticeError) in try ProgressSnapshot.decode(data) }
          ?? ProgressSnapshot()
        snapshot.add(
          exercise: exercise.key, score: report.score, maxScore: maxScore, status: report.status.rawValue, date: now)
        return try JSONEncoder.practice.encode(snapshot) + Data("\n".utf8)
      }
    } catch let error as PracticeError {
      throw error
    } catch {
      throw .history(error)
    }
    document.attempt = attempt.hex
    return GradeOutcome(exercise: exercise, report: report, document: document, attempt: attempt.hex, previous: before)
  }

  /// The build name of an earlier exercise's file compiled with a later one (unique in the build).
  package static func usedSourceName(_ exercise: Exercise, _ name: String) -> String {
    "\(exercise.moduleID).\(exercise.id).\(name)"
  }

  /// Grades a submission without recording anything (`verify`, `rerun`).
  package static func run(
    _ submission: Submission, grader: Grader, onProgress: (@Sendable (CheckProgress) -> Void)? = nil,
    onBuild: (@Sendable (BuildProgress) -> Void)? = nil,
    onCheckEnded: (@Sendable (CheckEnded) -> Void)? = nil
  ) throws(PracticeError) -> GradeReport {
    let exercise = submission.exercise
    var limits = Limits()
    if let value = exercise.limits.checkSeconds { limits.checkSeconds = value }
    if let value = exercise.limits.runSeconds { limits.runSeconds = value }
    if let value = exercise.limits.memoryMegabytes { limits.memoryMegabytes = value }
    let request = GradeRequest(
      sources: submission.sources, checks: submission.checks, interface: submission.interface, limits: limits,
      optimize: exercise.optimize, onProgress: onProgress, onBuild: onBuild, onCheckEnded: onCheckEnded)
    do {
      return try grader.grade(request)
    } catch {
      throw .grader(error)
    }
  }

  static func checksSource(_ exercise: Exercise) throws(PracticeError) -> SourceFile {
    guard let data = FileManager.default.contents(atPath: exercise.checks.path) else {
      throw .io("the course has no checks file \(exercise.checks.path)")
    }
    return SourceFile(name: "Checks.swift", displayPath: exercise.checks.path, contents: Array(data))
  }

  /// The commit body: one line per check, or the first compiler errors.
  static func summaryLines(_ report: GradeReport) -> [String] {
    if report.status == .compileError {
      let errors = report.compilerOutput.split(separator: "\n").filter { $0.contains("error:") }.prefix(5)
      return ["compile error"] + errors.map(String.init)
    }
    var lines = report.checks.map { check in
      let mark = check.status == .pass ? "✔" : (check.status == .skipped ? "–" : "✘")
      let points = "\(formatPoints(check.points))/\(formatPoints(check.maxPoints))"
      var line = "\(mark) \(check.id) \(points)"
      if check.status != .pass { line += " [\(check.status.rawValue)] \(check.message)" }
      return line
    }
    if let error = report.errorMessage { lines.append("error: \(error)") }
    return lines
  }
}

/// Live progress of a long check, for the CLI (the grader's type under the use-case layer's name).
package typealias LiveProgress = CheckProgress
/// The support modules' build on a first grade, for the CLI (the grader's type).
package typealias LiveBuildProgress = BuildProgress
