import Course
import Foundation
import History

/// Local state of the workspace that is not part of the learner's work: hints seen and solutions
/// viewed before passing (`.practice/state.json`, ignored by git; every attempt records it in its
/// trailers).
package struct LearnerState: Codable, Sendable, Equatable {
  package var hintsSeen: [String: Int] = [:]
  package var solutionsForced: [String] = []
  package init() {}
}

/// One hint.
package struct Hint: Sendable {
  package var exercise: Exercise
  /// 1-based.
  package var number: Int
  package var total: Int
  package var text: String
}

extension Workspace {
  static let statePath = ".practice/state.json"

  package func learnerState() -> LearnerState {
    guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(Self.statePath).path),
      let state = try? JSONDecoder.practice.decode(LearnerState.self, from: data)
    else { return LearnerState() }
    return state
  }

  func save(_ state: LearnerState) throws(PracticeError) {
    try write(try Self.encode(state), to: Self.statePath)
  }

  /// The next hint of `exercise` not yet seen (the last one again once all are seen).
  package func nextHint(for exercise: Exercise) throws(PracticeError) -> Hint {
    guard !exercise.hints.isEmpty else { throw .noHints(exercise.key) }
    var state = learnerState()
    let seen = state.hintsSeen[exercise.key] ?? 0
    let number = min(seen + 1, exercise.hints.count)
    state.hintsSeen[exercise.key] = number
    try save(state)
    return Hint(exercise: exercise, number: number, total: exercise.hints.count, text: exercise.hints[number - 1])
  }

  /// What `h` in `practice watch` shows after the latest attempt.
  package enum HintChoice: Sendable {
    /// The latest attempt passed every check: nothing to hint at.
    case allPassed
    /// The author's hints of the checks that failed in the latest attempt, by check id.
    case failedChecks([(check: String, hint: String)])
    /// The exercise's next progressive hint (no attempt yet, or the failed checks have none);
    /// `failed` names the checks that failed.
    case progressive(Hint, failed: [String])
  }

  /// The hint for the checks that failed in `latest` (the latest attempt's results): their own
  /// hints when they have some, else the exercise's next progressive hint (recorded as seen).
  package func hint(for exercise: Exercise, latest: GradeDocument?) throws(PracticeError) -> HintChoice {
    if latest?.status == "passed" { return .allPassed }
    let failed = (latest?.checks ?? []).filter { $0.status != "pass" && $0.status != "skipped" }
    if latest != nil, latest?.status == "failed", failed.isEmpty { return .allPassed }
    let own = failed.compactMap { check in check.hint.flatMap { $0.isEmpty ? nil : (check.id, $0) } }
    if !own.isEmpty { return .failedChecks(own) }
    return .progressive(try nextHint(for: exercise), failed: failed.map(\.id))
  }

  /// The results of the exercise's latest recorded attempt, if it has one that reads.
  package func latestResults(of exercise: Exercise) -> GradeDocument? {
    guard let store = try? attemptStore(), let tip = try? store.tip(),
      let bytes = try? store.file(at: AttemptStore.resultsPath(exercise.key), in: tip)
    else { return nil }
    return try? JSONDecoder.practice.decode(GradeDocument.self, from: Data(bytes))
  }

  /// The reference solution's files, allowed once the exercise has passed, or when forced (which
  /// is recorded and shows in every later attempt of the exercise).
  package func solution(of exercise: Exercise, force: Bool) throws(PracticeError) -> [(name: String, text: String)] {
    let passed = try progress().exercises[exercise.key]?.passed == true
    guard passed || force else { throw .solutionLocked(exercise.key) }
    if !passed {
      var state = learnerState()
      if !state.solutionsForced.contains(exercise.key) {
        state.solutionsForced.append(exercise.key)
        try save(state)
      }
    }
    var files: [(name: String, text: String)] = []
    for name in exercise.files {
      let url = exercise.solution.appendingPathComponent(name)
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw .io("cannot read \(url.path)") }
      files.append((name, text))
    }
    return files
  }

  /// Trailers recording the help an attempt had.
  func helpTrailers(for exercise: Exercise) -> [(key: String, value: String)] {
    let state = learnerState()
    var trailers: [(key: String, value: String)] = []
    if let hints = state.hintsSeen[exercise.key], hints > 0 {
      trailers.append(("Hints-Used", "\(hints)/\(exercise.hints.count)"))
    }
    if state.solutionsForced.contains(exercise.key) { trailers.append(("Solution-Viewed", "before passing")) }
    return trailers
  }

  /// Throws when the exercise's module has prerequisites whose exercises are not all passed.
  package func checkUnlocked(_ exercise: Exercise) throws(PracticeError) {
    guard let module = course.modules.first(where: { $0.id == exercise.moduleID }), !module.prerequisites.isEmpty
    else { return }
    let snapshot = try progress()
    for prerequisite in module.prerequisites {
      guard let required = course.modules.first(where: { $0.id == prerequisite }) else { continue }
      let missing = required.exercises.filter { snapshot.exercises[$0.key]?.passed != true }
      if !missing.isEmpty {
        throw .locked(
          exercise: exercise.key, module: required.id, passed: required.exercises.count - missing.count,
          total: required.exercises.count, next: missing[0].key)
      }
    }
  }
}
