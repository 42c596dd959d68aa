import Foundation

/// Everything that can be wrong with a course on disk. Each case names the file, the JSON path of
/// the field where it applies, and what was expected.
package enum CourseError: Error, LocalizedError, Equatable {
  case courseNotFound(String)
  case unreadable(file: String, reason: String)
  case invalidJSON(file: String, reason: String)
  case field(file: String, path: String, problem: String)
  case unsupportedFormat(file: String, found: Int, supported: Int)
  case unsafePath(file: String, path: String, value: String)
  case duplicateID(file: String, path: String, id: String)
  /// `value` (a path relative to the course root) exists but is not what the field needs, e.g. a
  /// lesson that is a folder or a FIFO.
  case wrongKind(file: String, path: String, value: String, expected: String, found: String)
  /// `value` (relative to the course root) is a symbolic link that leads to `target`, outside the course.
  case linkOutside(file: String, path: String, value: String, target: String)
  case prerequisiteCycle([String])
  case unknownExercise(String, suggestions: [String])
  case ambiguousExercise(String, candidates: [String])

  package var errorDescription: String? {
    switch self {
    case .courseNotFound(let path):
      return "no course at \(path): expected a folder holding Curriculum/course.json"
    case .unreadable(let file, let reason):
      return "\(file): cannot be read: \(reason)"
    case .invalidJSON(let file, let reason):
      return "\(file): not valid JSON: \(reason)"
    case .field(let file, let path, let problem):
      return "\(file): \(path): \(problem)"
    case .unsupportedFormat(let file, let found, let supported):
      if found > supported {
        return "\(file): $.formatVersion: format version \(found) is newer than this tool supports (\(supported)); "
          + "update practice"
      }
      return "\(file): $.formatVersion: format version \(found) is not supported (this tool reads version \(supported))"
    case .unsafePath(let file, let path, let value):
      return "\(file): \(path): the path '\(value)' must be relative and stay inside the course folder"
    case .duplicateID(let file, let path, let id):
      return "\(file): \(path): the id '\(id)' is used twice"
    case .wrongKind(let file, let path, let value, let expected, let found):
      return "\(file): \(path): '\(value)' must be \(expected), found \(found)"
    case .linkOutside(let file, let path, let value, let target):
      return "\(file): \(path): '\(value)' is a symbolic link to \(target), outside the course folder; "
        + "every file the course names must stay inside it"
    case .prerequisiteCycle(let modules):
      return "module prerequisites form a cycle: \(modules.joined(separator: " → "))"
    case .unknownExercise(let name, let suggestions):
      let tail =
        suggestions.isEmpty
        ? "; `practice list` shows them all" : "; did you mean \(suggestions.joined(separator: ", "))?"
      return "no exercise '\(name)' in this course" + tail
    case .ambiguousExercise(let name, let candidates):
      return "'\(name)' names more than one exercise: \(candidates.joined(separator: ", ")); use module/exercise"
    }
  }
}
