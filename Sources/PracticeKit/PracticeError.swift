import Course
import Foundation
import Grader
import History

/// Errors of the workspace use cases. Lower layers' errors are wrapped, not re-described.
package enum PracticeError: Error, LocalizedError {
  case toolHomeNotFound(String)
  case notAWorkspace(String)
  case workspaceExists(String)
  case workspaceConfig(String, String)
  case course(CourseError)
  case grader(GraderError)
  case history(Error)
  case notStarted(exercise: String, folder: String)
  case usedNotStarted(exercise: String, uses: String)
  case missingFile(exercise: String, path: String)
  /// A learner file that is not a regular file (a symbolic link, FIFO, device…): never followed.
  case unsafeFile(path: String, problem: String)
  case io(String)
  case nothingLeft
  case noAttempts(String?)
  case badAttempt(String, String)
  case noRemote
  case noHints(String)
  case solutionLocked(String)
  case locked(exercise: String, module: String, passed: Int, total: Int, next: String)
  /// The progress snapshot at the tip of the attempts branch does not parse (the problem in words).
  case damagedProgress(String)

  package var errorDescription: String? {
    switch self {
    case .toolHomeNotFound(let searched):
      return "cannot find practice's own files (Curriculum/ and Sources/PracticeChecks) from \(searched); "
        + "set PRACTICE_HOME to the Practitioner checkout"
    case .notAWorkspace(let path):
      return "\(path) is not inside a practice workspace; create one with `practice init DIR`"
    case .workspaceExists(let path):
      return "\(path) already exists and is not empty; choose a new folder for the workspace"
    case .workspaceConfig(let file, let problem):
      return "\(file): \(problem)"
    case .course(let error):
      return error.localizedDescription
    case .grader(let error):
      return error.localizedDescription
    case .history(let error):
      return error.localizedDescription
    case .notStarted(let exercise, let folder):
      return "\(exercise) has not been started (no \(folder)); run `practice start \(exercise)`"
    case .usedNotStarted(let exercise, let uses):
      return "\(exercise) builds on your code from \(uses), which has not been started; "
        + "run `practice start \(uses)` and write it first"
    case .missingFile(let exercise, let path):
      return "\(path) is missing; it is part of \(exercise). `practice start \(exercise)` writes the scaffold again"
    case .unsafeFile(let path, let problem):
      return "\(path) \(problem); nothing was graded or recorded"
    case .io(let message):
      return message
    case .nothingLeft:
      return "every exercise of the course is passed; name one to work on it again"
    case .noAttempts(let exercise):
      return exercise.map { "no attempts at \($0) yet; `practice grade \($0)` records one" }
        ?? "no attempts yet; `practice grade` records one"
    case .badAttempt(let spec, let problem):
      return "cannot use '\(spec)' as an attempt: \(problem)"
    case .noHints(let exercise):
      return
        "\(exercise) has no hints; its lesson (`practice start \(exercise)`) and the failing checks' messages are your guide"
    case .solutionLocked(let exercise):
      return
        "the solution of \(exercise) opens once you have passed it; `practice solution \(exercise) --force` shows it now "
        + "(and every later attempt records that)"
    case .locked(let exercise, let module, let passed, let total, let next):
      return "\(exercise) is locked: finish the module \(module) first (\(passed) of \(total) passed); next there: "
        + "`practice start \(next)`"
    case .damagedProgress(let problem):
      return "\(AttemptStore.progressPath) at practice/attempts does not parse (\(problem)); "
        + "run `practice doctor --repair`"
    case .noRemote:
      return "no remote given and none named 'origin'; name one: a remote, a URL or a path to a repository"
    }
  }
}
