import Course
import Foundation
import Git
import History

/// A learner's workspace: a git repository with `.practice/workspace.json`, the exercises the
/// learner has started under `Exercises/`, and the attempts on the branch `practice/attempts`.
package struct Workspace {
  package static let configPath = ".practice/workspace.json"
  static let currentPath = ".practice/current"

  package var root: URL
  package var config: WorkspaceConfig
  package var course: Course
  package var home: ToolHome

  /// Creates `directory` as a new workspace following the course at `coursePath` (default: the
  /// built-in course). The repository's HEAD is left on an unborn `main` branch: the learner's
  /// branches are theirs.
  package static func create(at directory: URL, coursePath: URL?, home: ToolHome) throws(PracticeError) -> Workspace {
    let fileManager = FileManager.default
    if fileManager.fileExists(atPath: directory.path) {
      let contents = (try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? ["?"]
      guard contents.isEmpty else { throw .workspaceExists(directory.path) }
    }
    let course = try loadCourse(coursePath ?? home.builtinCourse)
    let builtin = course.root.path == home.builtinCourse.standardizedFileURL.resolvingSymlinksInPath().path
    let config = WorkspaceConfig(
      formatVersion: WorkspaceConfig.formatVersion,
      course: .init(id: course.id, version: course.version, path: course.root.path, builtin: builtin),
      created: Date())
    do {
      _ = try Repository.create(at: directory)
    } catch {
      throw .history(error)
    }
    let workspace = Workspace(root: directory.standardizedFileURL, config: config, course: course, home: home)
    try workspace.write(try encode(config), to: configPath)
    try workspace.write(Data(Self.gitignore.utf8), to: ".gitignore")
    return workspace
  }

  /// Opens the workspace that contains `directory` (searching upwards, like git).
  package static func open(from directory: URL, home: ToolHome) throws(PracticeError) -> Workspace {
    var folder = directory.standardizedFileURL
    while true {
      let file = folder.appendingPathComponent(configPath)
      if FileManager.default.fileExists(atPath: file.path) {
        let config: WorkspaceConfig
        do {
          config = try JSONDecoder.practice.decode(WorkspaceConfig.self, from: Data(contentsOf: file))
        } catch {
          throw .workspaceConfig(file.path, "cannot be read: \(error)")
        }
        guard config.formatVersion <= WorkspaceConfig.formatVersion else {
          throw .workspaceConfig(
            file.path, "format version \(config.formatVersion) is newer than this tool; update practice")
        }
        var coursePath = URL(fileURLWithPath: config.course.path)
        if config.course.builtin && !FileManager.default.fileExists(atPath: coursePath.path) {
          coursePath = home.builtinCourse
        }
        return Workspace(root: folder, config: config, course: try loadCourse(coursePath), home: home)
      }
      // Stops at the root, and for a path that does not shrink (the current folder was deleted,
      // so its path is empty or relative): never a loop.
      let parent = folder.deletingLastPathComponent()
      if folder.path == "/" || !folder.path.hasPrefix("/") || parent.path == folder.path {
        throw .notAWorkspace(directory.path.isEmpty ? "the current folder (deleted?)" : directory.path)
      }
      folder = parent
    }
  }

  /// Loads a course outside any workspace (for `verify`).
  package static func loadCourseForAuthoring(_ path: URL) throws(PracticeError) -> Course {
    try loadCourse(path)
  }

  static func loadCourse(_ path: URL) throws(PracticeError) -> Course {
    do {
      return try CourseLoader.load(from: path)
    } catch {
      throw .course(error)
    }
  }

  package func exercise(named name: String) throws(PracticeError) -> Exercise {
    do {
      return try course.exercise(named: name)
    } catch {
      throw .course(error)
    }
  }

  // MARK: Progress

  package func attemptStore() throws(PracticeError) -> AttemptStore {
    do {
      return try AttemptStore(workspace: root)
    } catch {
      throw .history(error)
    }
  }

  /// Best scores so far, from the newest attempt's snapshot.
  package func progress() throws(PracticeError) -> ProgressSnapshot {
    do {
      guard let data = try attemptStore().latestProgress() else { return ProgressSnapshot() }
      return try ProgressSnapshot.decode(data)
    } catch let error as PracticeError {
      throw error
    } catch {
      throw .history(error)
    }
  }

  /// The first exercise, in course order, that has not been passed.
  package func nextExercise(progress: ProgressSnapshot) -> Exercise? {
    course.exercises.first { progress.exercises[$0.key]?.passed != true }
  }

  /// The exercise to do after `current`: the next one not yet passed after it in its module, else
  /// an earlier one of its module not yet passed, else the first not passed after its module in
  /// course order, else the first not passed before it. Without `current`, the first not passed.
  package func nextExercise(after current: Exercise?, progress: ProgressSnapshot) -> Exercise? {
    Self.nextExercise(after: current, in: course.exercises) { progress.exercises[$0.key]?.passed == true }
  }

  /// The rule of `nextExercise(after:progress:)` over `exercises` in course order.
  package static func nextExercise(
    after current: Exercise?, in exercises: [Exercise], passed: (Exercise) -> Bool
  ) -> Exercise? {
    guard let current, let index = exercises.firstIndex(where: { $0.key == current.key }) else {
      return exercises.first { !passed($0) }
    }
    let module = current.moduleID
    let later = exercises[(index + 1)...]
    let earlier = exercises[..<index]
    return later.first { $0.moduleID == module && !passed($0) }
      ?? earlier.first { $0.moduleID == module && !passed($0) }
      ?? later.first { !passed($0) }
      ?? earlier.first { !passed($0) }
  }

  /// The exercise last started (`practice start`, `watch`) or last graded, whichever is later,
  /// else the next one not yet passed.
  package func currentExercise(progress: ProgressSnapshot) throws(PracticeError) -> Exercise {
    let startedURL = root.appendingPathComponent(Self.currentPath)
    var started: (exercise: Exercise, date: Date)?
    if let data = FileManager.default.contents(atPath: startedURL.path),
      let name = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
      let exercise = try? course.exercise(named: name)
    {
      let date =
        (try? FileManager.default.attributesOfItem(atPath: startedURL.path)[.modificationDate] as? Date) ?? .distantPast
      started = (exercise, date)
    }
    let graded = progress.exercises.max { $0.value.lastAttempt < $1.value.lastAttempt }
      .flatMap { entry in (try? course.exercise(named: entry.key)).map { ($0, entry.value.lastAttempt) } }
    if let current = Self.current(started: started, graded: graded) { return current }
    guard let next = nextExercise(progress: progress) else { throw .nothingLeft }
    return next
  }

  /// The later of the exercise last started and the one last graded (the started one on a tie).
  package static func current(
    started: (exercise: Exercise, date: Date)?, graded: (exercise: Exercise, date: Date)?
  ) -> Exercise? {
    guard let graded else { return started?.exercise }
    guard let started else { return graded.exercise }
    return graded.date > started.date ? graded.exercise : started.exercise
  }

  // MARK: Start

  /// What `start` did.
  package struct StartResult: Sendable {
    package var exercise: Exercise
    package var lesson: String
    /// Paths (from the workspace root) of the files the learner edits.
    package var files: [String]
    /// True when the scaffold was written now, false when the learner's files were already there.
    package var wroteScaffold: Bool
  }

  /// Writes the exercise's scaffold into the workspace unless it is there, and returns the lesson.
  package func start(_ exercise: Exercise) throws(PracticeError) -> StartResult {
    try checkUnlocked(exercise)
    let lesson: String
    do {
      lesson = try String(contentsOf: exercise.lesson, encoding: .utf8)
    } catch {
      throw .io("cannot read the lesson \(exercise.lesson.path): \(error.localizedDescription)")
    }
    var wrote = false
    for name in exercise.files {
      let relative = "\(exercise.workspaceFolder)/\(name)"
      if FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path) { continue }
      guard let data = FileManager.default.contents(atPath: exercise.scaffold.appendingPathComponent(name).path) else {
        throw .io("the course has no scaffold file \(exercise.scaffold.appendingPathComponent(name).path)")
      }
      try write(data, to: relative)
      wrote = true
    }
    try write(Data((exercise.key + "\n").utf8), to: Self.currentPath)
    return StartResult(
      exercise: exercise, lesson: lesson, files: exercise.files.map { "\(exercise.workspaceFolder)/\($0)" },
      wroteScaffold: wrote)
  }

  func write(_ data: Data, to relative: String) throws(PracticeError) {
    let url = root.appendingPathComponent(relative)
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url, options: .atomic)
    } catch {
      throw .io("cannot write \(url.path): \(error.localizedDescription)")
    }
  }

  static func encode<T: Encodable>(_ value: T) throws(PracticeError) -> Data {
    do {
      return try JSONEncoder.practice.encode(value) + Data("\n".utf8)
    } catch {
      throw .io("cannot encode \(T.self): \(error)")
    }
  }

  static let gitignore = """
    # practice: local state that is not part of your work
    .practice/current
    .practice/state.json
    .practice/report.html
    .build/
    compile_commands.json

    """
}
