import Foundation
import Grader

/// The results of one grade as stored in the attempt (`.practice/results/<module>/<exercise>.json`)
/// and printed by `practice grade --json`.
package struct GradeDocument: Codable, Sendable, Equatable {
  package var exercise: String
  /// `passed`, `failed`, `compileError` or `error`.
  package var status: String
  package var score: Double
  package var maxScore: Double
  package var checks: [CheckDocument]
  /// The attempt's full commit id (absent in the copy stored inside the attempt itself).
  package var attempt: String?
  package var metrics: [String: Double]
  package var toolchain: String
  package var courseVersion: String
  /// Compiler diagnostics, when there are any.
  package var compilerOutput: String?
  /// Why the run failed as a whole, for `error`.
  package var errorMessage: String?

  package struct CheckDocument: Codable, Sendable, Equatable {
    package var id: String
    package var title: String
    /// `pass`, `fail`, `error`, `timeout`, `crash` or `skipped`.
    package var status: String
    package var points: Double
    package var maxPoints: Double
    package var message: String
    /// The author's hint, for a check that did not pass.
    package var hint: String?
    /// What the learner's code printed during this check (capped: first and last 8 KiB).
    package var output: String
    /// Wall-clock time of the check.
    package var durationMs: Double
    /// Numbers the check reported (`report(name, value)`).
    package var metrics: [String: Double]
    /// Values reported with progress, as [step, value] points per name (e.g. a training loss curve):
    /// at most 500 per curve, spread over the whole run, the first and the last step among them.
    package var curves: [String: [[Double]]]?
    /// What each curve is, by name, as the check labelled it ("training loss, last batch, bits/char").
    package var curveLabels: [String: String]?
  }

  init(exercise: String, report: GradeReport, maxScore: Double, courseVersion: String) {
    self.exercise = exercise
    status = report.status.rawValue
    score = report.score
    self.maxScore = maxScore
    checks = report.checks.map {
      CheckDocument(
        id: $0.id, title: $0.title, status: $0.status.rawValue, points: $0.points, maxPoints: $0.maxPoints,
        message: $0.message, hint: $0.hint, output: $0.output, durationMs: ($0.durationMs * 10).rounded() / 10,
        metrics: $0.metrics, curves: $0.curves.isEmpty ? nil : $0.curves,
        curveLabels: $0.curveLabels.isEmpty ? nil : $0.curveLabels)
    }
    metrics = report.metrics
    toolchain = report.toolchain
    self.courseVersion = courseVersion
    compilerOutput = report.compilerOutput.isEmpty ? nil : report.compilerOutput
    errorMessage = report.errorMessage
  }
}
