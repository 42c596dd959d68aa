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

  /// The exercises whose code `exercise` compiles with: its `uses`, and theirs, in course order.
  package func usedExercises(of exercise: Exercise) -> [Exercise] {
    var needed: Set<String> = []
    var pending = exercise.uses
    while let key = pending.popLast() {
      guard needed.insert(key).inserted, let used = exercises.first(where: { $0.key == key }) else { continue }
      pending += used.uses
    }
    return exercises.filter { needed.contains($0.key) }
  }

  /// Finds an exercise by `module/exercise` or by an exercise id that only one module uses.
  package func exercise(named name: String) throws(CourseError) -> Exercise {
    if let exact = exercises.first(where: { $0.key == name }) { return exact }
    let byID = exercises.filter { $0.id == name }
    if byID.count == 1 { return byID[0] }
    if byID.count > 1 { throw .ambiguousExercise(name, candidates: byID.map(\.key)) }
    throw .unknownExercise(name, suggestions: closest(to: name))
  }

  /// The exercise keys closest to a mistyped name: by edit distance to the key or the id, or
  /// containing it; at most three, best first.
  func closest(to name: String) -> [String] {
    let needle = name.lowercased()
    let tail = String(needle.split(separator: "/").last ?? Substring(needle))
    let scored = exercises.map { exercise -> (key: String, distance: Int) in
      let distance = min(editDistance(needle, exercise.key), editDistance(tail, exercise.id))
      let contains = !tail.isEmpty && (exercise.key.contains(tail) || tail.contains(exercise.id))
      return (exercise.key, contains ? min(distance, 1) : distance)
    }
    let allowed = max(2, tail.count / 3)
    return scored.filter { $0.distance <= allowed }.sorted { $0.distance < $1.distance }.prefix(3).map(\.key)
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
  /// The points the checks are worth together (within `Exercise.pointsRange`).
  package var points: Int
  /// Progressive hints, shown one at a time.
  package var hints: [String]
  package var limits: ExerciseLimits
  /// Build the learner's code optimised (for exercises that train models).
  package var optimize: Bool
  /// Earlier exercises (keys, `module/exercise`) whose learner code this one builds on: their files
  /// are compiled with this exercise's, so a later exercise runs the learner's own earlier work.
  package var uses: [String] = []

  /// The accepted `points` of an exercise.
  package static let pointsRange: ClosedRange<Int> = 1...1000

  /// `module/exercise`, the name used on the command line, in commits and in results.
  package var key: String { "\(moduleID)/\(id)" }
  /// Where the learner's copy lives, relative to the workspace root.
  package var workspaceFolder: String { "Exercises/\(moduleID)/\(id)" }
}

/// Per-exercise bounds; nil means the tool's default.
package struct ExerciseLimits: Sendable, Equatable {
  /// The accepted `checkSeconds`: wall-clock seconds per check.
  package static let checkSecondsRange: ClosedRange<Double> = 1...3600
  /// The accepted `runSeconds`: wall-clock seconds per run of the program (a day at most).
  package static let runSecondsRange: ClosedRange<Double> = 1...86400
  /// The accepted `memoryMB`: the program's address-space limit in MiB (64 GiB at most).
  package static let memoryMegabytesRange: ClosedRange<Int> = 256...65536

  package var checkSeconds: Double?
  package var runSeconds: Double?
  package var memoryMegabytes: Int?

  package init(checkSeconds: Double? = nil, runSeconds: Double? = nil, memoryMegabytes: Int? = nil) {
    self.checkSeconds = checkSeconds
    self.runSeconds = runSeconds
    self.memoryMegabytes = memoryMegabytes
  }
}

/// Levenshtein distance (insertions, deletions, substitutions), over characters.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + [Int](repeating: 0, count: b.count)
    for j in 1...max(1, b.count) where j <= b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}
