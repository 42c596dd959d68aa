import ArgumentParser
import Foundation
import PracticeKit

/// Shell completion of exercise and attempt names (argument-parser's custom completion: the shell
/// scripts from `practice --generate-completion-script SHELL` call `practice ---completion …`,
/// which runs these). They read the workspace around the current directory; outside one, or when
/// anything cannot be read, they offer nothing: a completion must never fail or print an error.
enum Completion {
  /// For an argument naming an exercise: `module/exercise`, and the id of an exercise used by one
  /// module only.
  static let exercise = CompletionKind.custom { _, _, prefix in exerciseNames(prefix) }

  /// For an argument naming an attempt: `last`, an exercise with attempts, `EXERCISE~N` and commit ids.
  static let attempt = CompletionKind.custom { _, _, prefix in attemptNames(prefix) }

  /// For `verify`: the exercises and modules of the workspace's course, else of the built-in one.
  static let exerciseOrModule = CompletionKind.custom { _, _, prefix in
    guard let home = try? toolHome() else { return [] }
    let course: (keys: [String], modules: [String])
    if let workspace = try? Workspace.open(from: currentDirectory(), home: home) {
      course = (names(of: workspace), workspace.course.modules.map(\.id))
    } else if let builtin = try? Workspace.loadCourseForAuthoring(home.builtinCourse) {
      course = (builtin.exercises.map(\.key), builtin.modules.map(\.id))
    } else {
      return []
    }
    return (course.modules + course.keys).filter { $0.hasPrefix(prefix) }
  }

  static func workspace() -> Workspace? {
    guard let home = try? toolHome() else { return nil }
    return try? Workspace.open(from: currentDirectory(), home: home)
  }

  /// Every key, then the ids that name one exercise.
  static func names(of workspace: Workspace) -> [String] {
    let exercises = workspace.course.exercises
    var count: [String: Int] = [:]
    for exercise in exercises { count[exercise.id, default: 0] += 1 }
    return exercises.map(\.key) + exercises.map(\.id).filter { count[$0] == 1 && !$0.contains("/") }
  }

  static func exerciseNames(_ prefix: String) -> [String] {
    guard let workspace = workspace() else { return [] }
    return names(of: workspace).filter { $0.hasPrefix(prefix) }
  }

  static func attemptNames(_ prefix: String) -> [String] {
    guard let workspace = workspace(), let attempts = try? workspace.attempts(of: nil) else { return [] }
    let readable = attempts.filter { !$0.unreadable }
    // The shortest name of each exercise with attempts, newest first, with its number of attempts.
    let unique = Set(names(of: workspace))
    var order: [String] = []
    var counts: [String: Int] = [:]
    for attempt in readable {
      let id = String(attempt.exercise.split(separator: "/").last ?? "")
      let name = unique.contains(id) ? id : attempt.exercise
      if counts[name] == nil { order.append(name) }
      counts[name, default: 0] += 1
    }
    var names = attempts.isEmpty ? [] : ["last"]
    if let tilde = prefix.firstIndex(of: "~") {
      // `entropy~` → entropy~1 … entropy~(attempts − 1).
      let base = String(prefix[..<tilde])
      let count =
        counts[base] ?? (try? workspace.exercise(named: base)).flatMap { exercise in
          readable.filter { $0.exercise == exercise.key }.count
        } ?? 0
      names = count > 1 ? (1..<count).map { "\(base)~\($0)" } : []
    } else {
      names += order
      if !prefix.isEmpty && prefix.allSatisfy(\.isHexDigit) {
        names += attempts.map { String($0.id.prefix(10)) }
      }
    }
    return names.filter { $0.hasPrefix(prefix) }
  }
}
