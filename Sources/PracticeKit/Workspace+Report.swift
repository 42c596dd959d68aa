import Course
import Foundation
import History

/// Everything `practice report` shows, gathered from the attempts branch.
package struct ReportData: Sendable {
  package struct ExerciseHistory: Sendable {
    package var exercise: Exercise
    package var state: ExerciseState
    /// Oldest first.
    package var attempts: [(date: Date, score: Double, maxScore: Double, metrics: [String: Double])]
    /// Curves reported with progress in the latest attempt, per check and value name.
    package var curves: [(check: String, name: String, points: [[Double]])]
  }

  package var courseTitle: String
  package var courseVersion: String
  package var generated: Date
  package var modules: [ModuleProgress]
  package var exercises: [ExerciseHistory]
}

extension Workspace {
  package func reportData() throws(PracticeError) -> ReportData {
    let overview = try overview()
    // An attempt whose trailers do not read has no score to plot.
    let attempts = try attempts(of: nil).filter { !$0.unreadable }.reversed()
    let latestResults: (Exercise) -> GradeDocument? = { exercise in
      guard let store = try? self.attemptStore(), let tip = try? store.tip(),
        let bytes = try? store.file(at: AttemptStore.resultsPath(exercise.key), in: tip)
      else { return nil }
      return try? JSONDecoder.practice.decode(GradeDocument.self, from: Data(bytes))
    }
    let histories = overview.modules.flatMap(\.exercises).map { row in
      let own = attempts.filter { $0.exercise == row.exercise.key }
      let curves =
        latestResults(row.exercise)?.checks.flatMap { check in
          (check.curves ?? [:]).sorted { $0.key < $1.key }.map { (check.id, $0.key, $0.value) }
        } ?? []
      return ReportData.ExerciseHistory(
        exercise: row.exercise, state: row.state,
        attempts: own.map { ($0.date, $0.score, $0.maxScore, $0.metrics) }, curves: curves)
    }
    return ReportData(
      courseTitle: overview.courseTitle, courseVersion: overview.courseVersion, generated: Date(),
      modules: overview.modules, exercises: histories)
  }
}
