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
    /// Curves reported with progress in the latest attempt, per check and value name, with what
    /// the check said the values are (nil for an unlabelled curve or an older attempt).
    package var curves: [(check: String, name: String, label: String?, points: [[Double]])]
  }

  /// How far the learner's model is from the exact optimum, for an exercise whose checks report
  /// it (a metric named `excess-bits…`: bigram, LSTM, GPT, capstone).
  package struct Excess: Sendable, Equatable {
    package var exercise: String
    package var title: String
    /// The metric's name (`excess-bits`, `excess-bits-per-char`).
    package var metric: String
    /// The lowest value over the attempts (the closest the learner got).
    package var best: Double
    /// The value in the latest attempt that reported it.
    package var latest: Double
  }

  package var courseTitle: String
  package var courseVersion: String
  package var generated: Date
  package var modules: [ModuleProgress]
  package var exercises: [ExerciseHistory]
  /// Excess bits over the optimum across the course, in course order.
  package var excess: [Excess] = []
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
          (check.curves ?? [:]).sorted { $0.key < $1.key }.map {
            (check.id, $0.key, check.curveLabels?[$0.key], $0.value)
          }
        } ?? []
      return ReportData.ExerciseHistory(
        exercise: row.exercise, state: row.state,
        attempts: own.map { ($0.date, $0.score, $0.maxScore, $0.metrics) }, curves: curves)
    }
    return ReportData(
      courseTitle: overview.courseTitle, courseVersion: overview.courseVersion, generated: Date(),
      modules: overview.modules, exercises: histories, excess: histories.flatMap(Self.excess))
  }

  /// An exercise's excess metrics over its attempts (oldest first): every finite value of a
  /// metric whose name starts with `excess-bits`, best and latest. Each metric is one entry.
  static func excess(_ history: ReportData.ExerciseHistory) -> [ReportData.Excess] {
    let names = Set(history.attempts.flatMap(\.metrics.keys)).filter { $0.hasPrefix("excess-bits") }.sorted()
    return names.compactMap { name in
      let values = history.attempts.compactMap { $0.metrics[name] }.filter(\.isFinite)
      guard let best = values.min(), let latest = values.last else { return nil }
      return ReportData.Excess(
        exercise: history.exercise.key, title: history.exercise.title, metric: name, best: best, latest: latest)
    }
  }
}
