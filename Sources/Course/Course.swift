import Foundation

/// A course: modules of exercises, loaded from `Curriculum/` (see `CourseLoader`).
package struct Course: Sendable, Equatable {
  /// The course format version this tool reads.
  package static let formatVersion = 1

  /// The folder holding `Curriculum/` and `Exercises/`; no path may leave it.
  package var root: URL
  package var id: String
  package var title: String
  package var version: String
  package var modules: [Module]

  /// Every exercise, in course order.
  package var exercises: [Exercise] { modules.flatMap(\.exercises) }

  /// Finds an exercise by `module/exercise` or by an exercise id that only one module uses.
  package func exercise(named name: String) throws(CourseError) -> Exercise {
    if let exact = exercises.first(where: { $0.key == name }) { return exact }
    let byID = exercises.filter { $0.id == name }
    if byID.count == 1 { return byID[0] }
    if byID.count > 1 { throw .ambiguousExercise(name, candidates: byID.map(\.key)) }
    let needle = name.lowercased()
    let suggestions = exercises.map(\.key).filter { key in
      key.contains(needle) || needle.split(separator: "/").last.map { key.contains($0) } == true
    }
    throw .unknownExercise(name, suggestions: Array(suggestions.prefix(5)))
  }
}

/// A module: a topic with its exercises, in `Curriculum/<id>/module.json`.
package struct Module: Sendable, Equatable {
  package var id: String
  package var title: String
  package var summary: String?
  /// Modules to finish first (ids).
  package var prerequisites: [String]
  package var folder: URL
  package var exercises: [Exercise]
}

/// One graded exercise.
package struct Exercise: Sendable, Equatable {
  package var id: String
  package var moduleID: String
  package var title: String
  /// The lesson text (Markdown).
  package var lesson: URL
  /// The Swift file with the graded checks.
  package var checks: URL
  /// The folder with the reference solution (same file names as `files`).
  package var solution: URL
  /// The folder with the scaffold the learner starts from.
  package var scaffold: URL
  /// The files the learner edits (plain file names, `.swift`).
  package var files: [String]
  /// The points the checks are worth together.
  package var points: Int
  /// Progressive hints, shown one at a time.
  package var hints: [String]
  package var limits: ExerciseLimits
  /// Build the learner's code optimised (for exercises that train models).
  package var optimize: Bool

  /// `module/exercise`, the name used on the command line, in commits and in results.
  package var key: String { "\(moduleID)/\(id)" }
  /// Where the learner's copy lives, relative to the workspace root.
  package var workspaceFolder: String { "Exercises/\(moduleID)/\(id)" }
}

/// Per-exercise bounds; nil means the tool's default.
package struct ExerciseLimits: Sendable, Equatable {
  package var checkSeconds: Double?
  package var runSeconds: Double?
  package var memoryMegabytes: Int?

  package init(checkSeconds: Double? = nil, runSeconds: Double? = nil, memoryMegabytes: Int? = nil) {
    self.checkSeconds = checkSeconds
    self.runSeconds = runSeconds
    self.memoryMegabytes = memoryMegabytes
  }
}
