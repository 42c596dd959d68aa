import Course
import Foundation
import Grader

#if canImport(Glibc)
  import Glibc
#endif

/// What one grade of an exercise compiles, assembled in one place for `grade`, `rerun`, `verify`
/// and the editor support: the exercise's files plus the files of the earlier exercises it `uses`
/// (under build names `<module>.<exercise>.<File>.swift`, so names never clash), its checks, and
/// its interface — the scaffold files of the same exercises, whose top-level names are all the
/// check file sees of the learner's module.
package struct Submission: Sendable {
  package var exercise: Exercise
  /// The exercise's own files first, then those of the exercises it uses, in course order.
  package var sources: [SourceFile]
  package var checks: SourceFile
  package var interface: [SourceFile]
  /// The workspace folders whose files are in `sources` (the exercise's first).
  package var folders: [String]

  /// Where the learner's files come from: the file named `name` of `exercise`, or nil when the
  /// exercise's folder holds none of its files (it was never started).
  typealias Reader = (_ exercise: Exercise, _ name: String) throws(PracticeError) -> SourceFile?

  /// The one rule for what is compiled: `exercise`'s files and those of every exercise it uses.
  static func assemble(
    _ exercise: Exercise, course: Course, checks: SourceFile, read: Reader
  ) throws(PracticeError) -> Submission {
    let used = course.usedExercises(of: exercise)
    var sources: [SourceFile] = []
    for (index, part) in ([exercise] + used).enumerated() {
      var found: [SourceFile] = []
      var missing: String?
      for name in part.files {
        guard var file = try read(part, name) else {
          missing = missing ?? name
          continue
        }
        if index > 0 { file.name = Workspace.usedSourceName(part, name) }
        found.append(file)
      }
      if found.isEmpty {
        throw index == 0
          ? .notStarted(exercise: part.key, folder: part.workspaceFolder)
          : .usedNotStarted(exercise: exercise.key, uses: part.key)
      }
      if let missing { throw .missingFile(exercise: part.key, path: "\(part.workspaceFolder)/\(missing)") }
      sources += found
    }
    return Submission(
      exercise: exercise, sources: sources, checks: checks, interface: interface(of: [exercise] + used),
      folders: ([exercise] + used).map(\.workspaceFolder))
  }

  /// The scaffold files of `exercises` (the course's, never the learner's).
  static func interface(of exercises: [Exercise]) -> [SourceFile] {
    exercises.flatMap { part in
      part.files.compactMap { name -> SourceFile? in
        let url = part.scaffold.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return SourceFile(name: name, displayPath: url.path, contents: Array(data))
      }
    }
  }

  /// The learner's files in the workspace. Only regular files are read: a symbolic link, FIFO or
  /// device in their place is refused with the reason (never followed, never opened).
  package static func workspace(_ workspace: Workspace, _ exercise: Exercise) throws(PracticeError) -> Submission {
    let checks = try Workspace.checksSource(exercise)
    return try assemble(exercise, course: workspace.course, checks: checks) { part, name throws(PracticeError) in
      let relative = "\(part.workspaceFolder)/\(name)"
      let path = workspace.root.appendingPathComponent(relative).path
      var info = stat()
      guard lstat(path, &info) == 0 else {
        let folder = workspace.root.appendingPathComponent(part.workspaceFolder).path
        if part.key == exercise.key, FileManager.default.fileExists(atPath: folder) {
          throw .missingFile(exercise: part.key, path: relative)
        }
        return nil
      }
      let kind = info.st_mode & S_IFMT
      guard kind == S_IFREG else {
        throw .unsafeFile(path: relative, problem: describe(kind: kind, path: path))
      }
      guard let data = FileManager.default.contents(atPath: path) else {
        throw .io("cannot read \(relative)")
      }
      return SourceFile(name: name, displayPath: relative, contents: Array(data))
    }
  }

  /// The files stored in an attempt (`stored(exercise)`: the files of that exercise's folder).
  static func attempt(
    _ exercise: Exercise, course: Course, checks: SourceFile,
    stored: (Exercise) throws(PracticeError) -> [String: [UInt8]]
  ) throws(PracticeError) -> Submission {
    var cache: [String: [String: [UInt8]]] = [:]
    return try assemble(exercise, course: course, checks: checks) { part, name throws(PracticeError) in
      if cache[part.key] == nil { cache[part.key] = try stored(part) }
      guard let contents = cache[part.key]?[name] else { return nil }
      return SourceFile(name: name, displayPath: "\(part.workspaceFolder)/\(name)", contents: contents)
    }
  }

  /// The course's own code: the exercise's reference solution (or its scaffold), with the
  /// reference solutions of the exercises it uses — what `practice verify` grades.
  static func course(_ course: Course, _ exercise: Exercise, scaffold: Bool) throws(PracticeError) -> Submission {
    let checks = try Workspace.checksSource(exercise)
    return try assemble(exercise, course: course, checks: checks) { part, name throws(PracticeError) in
      let folder = part.key == exercise.key && scaffold ? part.scaffold : part.solution
      let url = folder.appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: url.path) else { throw .io("cannot read \(url.path)") }
      return SourceFile(name: name, displayPath: url.path, contents: Array(data))
    }
  }

  static func describe(kind: mode_t, path: String) -> String {
    switch kind {
    case S_IFLNK:
      let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " to \($0)" } ?? ""
      return "is a symbolic link\(target); practice grades and records only regular files (put the file itself there)"
    case S_IFIFO: return "is a FIFO (named pipe), not a Swift file"
    case S_IFDIR: return "is a folder, not a Swift file"
    case S_IFCHR, S_IFBLK: return "is a device, not a Swift file"
    case S_IFSOCK: return "is a socket, not a Swift file"
    default: return "is not a regular file"
    }
  }
}
