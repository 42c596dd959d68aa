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
    /// What the check said about each number it reported, in order (absent when none):
    /// `{name, value, unit?, bar?: {comparison: "atMost"|"atLeast", value}, optimum?, reference?}`.
    package var details: [MetricDetail]?
    /// Text the check showed (`show` in the DSL), in order (absent when none): `{label?, text}`,
    /// a sample of what the learner's model wrote, or a note without a label.
    package var shown: [ShownText]?

    package init(_ result: CheckResult) {
      id = result.id
      title = result.title
      status = result.status.rawValue
      points = result.points
      maxPoints = result.maxPoints
      message = result.message
      hint = result.hint
      output = result.output
      durationMs = (result.durationMs * 10).rounded() / 10
      metrics = result.metrics
      curves = result.curves.isEmpty ? nil : result.curves
      curveLabels = result.curveLabels.isEmpty ? nil : result.curveLabels
      details = result.details.isEmpty ? nil : result.details
      shown = result.shown.isEmpty ? nil : result.shown
    }
  }

  init(exercise: String, report: GradeReport, maxScore: Double, courseVersion: String) {
    self.exercise = exercise
    status = report.status.rawValue
    score = report.score
    self.maxScore = maxScore
    checks = report.checks.map(CheckDocument.init)
    metrics = report.metrics
    toolchain = report.toolchain
    self.courseVersion = courseVersion
    compilerOutput = report.compilerOutput.isEmpty ? nil : report.compilerOutput
    errorMessage = report.errorMessage
  }
}
