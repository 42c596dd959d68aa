import Course
import Foundation
import Grader

/// One fact `practice verify` established about the course, good or bad.
package struct VerifyFinding: Sendable {
  package var exercise: String
  package var ok: Bool
  package var message: String
}

/// The curriculum's own test: every lesson's code lines and tables fit 80 columns (checked first:
/// it compiles nothing), every file the JSON names exists, every reference solution scores 100%,
/// every scaffold compiles and scores below 100%, and the checks are worth the points the module
/// declares.
package struct CourseVerifier {
  package var course: Course
  package var grader: Grader

  package init(course: Course, grader: Grader) {
    self.course = course
    self.grader = grader
  }

  /// Verifies every exercise, calling `progress` after each finding (for live output).
  /// `only` limits it to some exercises (keys); nil verifies them all.
  /// A signal (Ctrl-C) stops it: what was found so far is returned with `interrupted` set.
  package func verify(
    only: Set<String>? = nil, progress: (VerifyFinding) -> Void = { _ in }
  ) -> (findings: [VerifyFinding], interrupted: Int32?) {
    Interruption.during { verifyAll(only: only, progress: progress) }
  }

  private func verifyAll(
    only: Set<String>?, progress: (VerifyFinding) -> Void
  ) -> (findings: [VerifyFinding], interrupted: Int32?) {
    var findings: [VerifyFinding] = []
    var interrupted: Int32?
    func note(_ exercise: Exercise, _ ok: Bool, _ message: String) {
      let finding = VerifyFinding(exercise: exercise.key, ok: ok, message: message)
      findings.append(finding)
      progress(finding)
    }
    let selected = course.exercises.filter { only?.contains($0.key) ?? true }
    // First the cheap check that compiles nothing: lessons fit the terminal.
    for exercise in selected {
      for finding in lessonFindings(exercise) {
        findings.append(finding)
        progress(finding)
      }
    }
    for exercise in selected {
      let missing = missingFiles(exercise)
      guard missing.isEmpty else {
        for path in missing { note(exercise, false, "missing file: \(path)") }
        continue
      }
      do {
        // The exercises it builds on contribute their reference solutions in both runs, so the
        // scaffold is judged on its own gaps.
        let solution = try Workspace.run(try Submission.course(course, exercise, scaffold: false), grader: grader)
        let max = solution.maxScore ?? 0
        if solution.status == .passed && solution.score == max {
          note(exercise, true, "reference solution scores \(formatScore(solution.score))/\(formatScore(max))")
        } else {
          note(
            exercise, false,
            "reference solution scores \(formatScore(solution.score))/\(formatScore(max)) (\(solution.status.rawValue)): "
              + explain(solution))
        }
        if let declared = solution.maxScore, declared != Double(exercise.points) {
          note(
            exercise, false,
            "the checks are worth \(formatScore(declared)) points but module.json says \(exercise.points)")
        }
        let scaffold = try Workspace.run(try Submission.course(course, exercise, scaffold: true), grader: grader)
        switch scaffold.status {
        case .compileError:
          note(exercise, false, "the scaffold does not compile:\n\(scaffold.compilerOutput)")
        case .passed:
          note(exercise, false, "the scaffold already scores 100%: the exercise asks for nothing")
        case .error:
          note(exercise, false, "the scaffold's run failed: \(scaffold.errorMessage ?? "")")
        case .failed:
          note(
            exercise, true,
            "scaffold compiles and scores \(formatScore(scaffold.score))/\(formatScore(scaffold.maxScore ?? 0))")
        }
      } catch .grader(.interrupted(let signal)) {
        interrupted = signal
        break
      } catch {
        note(exercise, false, error.localizedDescription)
      }
    }
    return (findings, interrupted)
  }

  /// One failing finding per code line or table of the exercise's lesson wider than
  /// `LessonMarkdown.verbatimWidth` columns as `practice start` shows it (nothing when the lesson
  /// is fine or missing — a missing lesson is reported with the other missing files).
  package func lessonFindings(_ exercise: Exercise) -> [VerifyFinding] {
    guard let markdown = try? String(contentsOf: exercise.lesson, encoding: .utf8) else { return [] }
    let rootPath = course.root.standardizedFileURL.path + "/"
    let lessonPath = exercise.lesson.standardizedFileURL.path
    let shown = lessonPath.hasPrefix(rootPath) ? String(lessonPath.dropFirst(rootPath.count)) : lessonPath
    return LessonMarkdown.wideVerbatimLines(markdown).map { wide in
      VerifyFinding(
        exercise: exercise.key, ok: false,
        message: "\(shown):\(wide.line): \(wide.kind) \(wide.width) columns wide as shown; "
          + "lesson code and tables must fit \(LessonMarkdown.verbatimWidth) (they are never reflowed)")
    }
  }

  func missingFiles(_ exercise: Exercise) -> [String] {
    var paths = [exercise.lesson.path, exercise.checks.path]
    for name in exercise.files {
      paths.append(exercise.solution.appendingPathComponent(name).path)
      paths.append(exercise.scaffold.appendingPathComponent(name).path)
    }
    return paths.filter { !FileManager.default.fileExists(atPath: $0) }
  }

  func explain(_ report: GradeReport) -> String {
    if report.status == .compileError { return report.compilerOutput }
    if let error = report.errorMessage { return error }
    return report.checks.filter { $0.status != .pass }.map { "\($0.id) \($0.status.rawValue): \($0.message)" }
      .joined(separator: "; ")
  }

  func formatScore(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
