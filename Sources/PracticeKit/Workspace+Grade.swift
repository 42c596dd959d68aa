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
}

extension Workspace {
  /// A grader using the toolchain on PATH and the cache in `$XDG_CACHE_HOME/practice`.
  package func makeGrader(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PracticeError)
    -> Grader
  {
    try Self.makeGrader(home: home, environment: environment)
  }

  package static func makeGrader(
    home: ToolHome, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(PracticeError) -> Grader {
    let cache = Grader.defaultCache(environment: environment)
    do {
      let toolchain = try Toolchain.locate(environment: environment, cache: cache)
      return Grader(toolchain: toolchain, supportSources: home.supportSources, cache: cache)
    } catch {
      throw .grader(error)
    }
  }

  /// Grades the learner's files of `exercise` and records the attempt as a commit.
  package func grade(
    _ exercise: Exercise, with grader: Grader, onProgress: (@Sendable (CheckProgress) -> Void)? = nil
  ) throws(PracticeError) -> GradeOutcome {
    try checkUnlocked(exercise)
    var sources = try learnerSources(of: exercise)
    let used = course.usedExercises(of: exercise)
    for earlier in used {
      do {
        sources += try learnerSources(of: earlier, renamed: true)
      } catch .notStarted {
        throw .usedNotStarted(exercise: exercise.key, uses: earlier.key)
      }
    }
    let report = try Self.run(exercise, sources: sources, grader: grader, onProgress: onProgress)
    let maxScore = report.maxScore ?? Double(exercise.points)
    let checks = try Self.checksSource(exercise)
    var document = GradeDocument(
      exercise: exercise.key, report: report, maxScore: maxScore, courseVersion: course.version)

    let store = try attemptStore()
    let before = try progress().exercises[exercise.key]
    var trailers: [(key: String, value: String)] = [
      ("Course", "\(course.id) \(course.version)"),
      ("Toolchain", report.toolchain),
    ]
    trailers += helpTrailers(for: exercise)
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
    record.usedFolders = used.map(\.workspaceFolder)
    let now = Date()
    let attempt: ObjectID
    do {
      attempt = try store.record(record) { previous in
        var snapshot =
          try previous.map { try JSONDecoder.practice.decode(ProgressSnapshot.self, from: $0) } ?? ProgressSnapshot()
        snapshot.add(
          exercise: exercise.key, score: report.score, maxScore: maxScore, status: report.status.rawValue, date: now)
        return try JSONEncoder.practice.encode(snapshot) + Data("\n".utf8)
      }
    } catch {
      throw .history(error)
    }
    document.attempt = attempt.hex
    return GradeOutcome(exercise: exercise, report: report, document: document, attempt: attempt.hex, previous: before)
  }

  /// The learner's files of `exercise` from the workspace. `renamed` gives them build names that
  /// cannot clash with another exercise's (for the code of earlier exercises an exercise uses).
  func learnerSources(of exercise: Exercise, renamed: Bool = false) throws(PracticeError) -> [SourceFile] {
    var sources: [SourceFile] = []
    for name in exercise.files {
      let relative = "\(exercise.workspaceFolder)/\(name)"
      let url = root.appendingPathComponent(relative)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        let folder = root.appendingPathComponent(exercise.workspaceFolder).path
        if !FileManager.default.fileExists(atPath: folder) {
          throw .notStarted(exercise: exercise.key, folder: exercise.workspaceFolder)
        }
        throw .missingFile(exercise: exercise.key, path: relative)
      }
      let buildName = renamed ? Self.usedSourceName(exercise, name) : name
      sources.append(SourceFile(name: buildName, displayPath: relative, contents: Array(data)))
    }
    return sources
  }

  /// The build name of an earlier exercise's file compiled with a later one (unique in the build).
  package static func usedSourceName(_ exercise: Exercise, _ name: String) -> String {
    "\(exercise.moduleID).\(exercise.id).\(name)"
  }

  /// Grades files without recording anything (used by `verify`).
  package static func run(
    _ exercise: Exercise, sources: [SourceFile], checks: SourceFile? = nil, grader: Grader,
    onProgress: (@Sendable (CheckProgress) -> Void)? = nil
  ) throws(PracticeError) -> GradeReport {
    var limits = Limits()
    if let value = exercise.limits.checkSeconds { limits.checkSeconds = value }
    if let value = exercise.limits.runSeconds { limits.runSeconds = value }
    if let value = exercise.limits.memoryMegabytes { limits.memoryMegabytes = value }
    let checksFile: SourceFile
    if let checks { checksFile = checks } else { checksFile = try checksSource(exercise) }
    let request = GradeRequest(
      sources: sources, checks: checksFile, limits: limits, optimize: exercise.optimize, onProgress: onProgress)
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
