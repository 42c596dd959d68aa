import Course
import Foundation
import Grader

#if canImport(Glibc)
  import Glibc
#endif

/// Editor support: `compile_commands.json` at the workspace root, which sourcekit-lsp (VS Code's
/// Swift extension, Neovim's lspconfig, any LSP editor) reads to know how each learner file is
/// compiled. One entry per learner file in the workspace, giving the flags the grader compiles
/// that exercise's module with (`Grader.editorCommand`): the support modules' paths in the cache,
/// `-enable-testing -parse-as-library -module-name Submission`, and the exercise's files followed
/// by those of the earlier exercises it `uses` — the learner's own files, so "go to definition" of
/// an earlier function lands in the learner's earlier file. A file that several exercises compile
/// gets the command of the exercise it belongs to. The file names the support cache key, so it is
/// rewritten when that changes (a new toolchain or support sources); it is written only when its
/// bytes change, atomically, and is listed in the workspace's `.gitignore` (it holds this
/// machine's paths).
extension Workspace {
  package static let compileCommandsPath = "compile_commands.json"

  package struct EditorSupport: Sendable {
    /// The exercises with files in the workspace, and how many entries the file has.
    package var exercises: Int
    package var entries: Int
    /// Whether the file's bytes changed (or it was created).
    package var rewritten: Bool
    package var url: URL
  }

  /// The entries `compile_commands.json` should have now (course order; files that exist only).
  package func compileCommands(
    with grader: Grader, onBuild: (@Sendable (BuildProgress) -> Void)? = nil
  ) throws(PracticeError) -> (entries: [CompileCommand], exercises: Int) {
    var parts: [(own: [String], all: [String])] = []
    for exercise in course.exercises {
      let own = existingFiles(of: exercise)
      guard !own.isEmpty else { continue }
      parts.append((own, own + course.usedExercises(of: exercise).flatMap { existingFiles(of: $0) }))
    }
    guard !parts.isEmpty else { return ([], 0) }
    let commands: [EditorCommand]
    do {
      commands = try grader.editorCommands(files: parts.map(\.all), onBuild: onBuild)
    } catch {
      throw .grader(error)
    }
    let entries = zip(parts, commands).flatMap { part, command in
      part.own.map { CompileCommand(directory: root.path, file: $0, arguments: command.arguments) }
    }
    return (entries, parts.count)
  }

  /// Writes `compile_commands.json` when its contents differ from what it should be.
  @discardableResult
  package func writeEditorSupport(
    with grader: Grader, onBuild: (@Sendable (BuildProgress) -> Void)? = nil
  ) throws(PracticeError) -> EditorSupport {
    // Ctrl-C while the support modules build stops swiftc and removes the staging folder.
    let (entries, exercises) = try Interruption.during { () throws(PracticeError) in
      let result = try compileCommands(with: grader, onBuild: onBuild)
      if let signal = Interruption.pending { throw PracticeError.grader(.interrupted(signal)) }
      return result
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data: Data
    do {
      data = try encoder.encode(entries) + Data("\n".utf8)
    } catch {
      throw .io("cannot encode \(Self.compileCommandsPath): \(error)")
    }
    let url = root.appendingPathComponent(Self.compileCommandsPath)
    let unchanged = FileManager.default.contents(atPath: url.path) == data
    if !unchanged {
      try write(data, to: Self.compileCommandsPath)
      try ignoreInGit(Self.compileCommandsPath)
    }
    return EditorSupport(exercises: exercises, entries: entries.count, rewritten: !unchanged, url: url)
  }

  /// The absolute paths of `exercise`'s files that are regular files in the workspace.
  func existingFiles(of exercise: Exercise) -> [String] {
    exercise.files.compactMap { name in
      let path = root.appendingPathComponent("\(exercise.workspaceFolder)/\(name)").path
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
      return path
    }
  }

  /// Adds `pattern` to the workspace's `.gitignore` (workspaces made before it was listed).
  func ignoreInGit(_ pattern: String) throws(PracticeError) {
    let url = root.appendingPathComponent(".gitignore")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    guard !text.split(separator: "\n").contains(where: { $0 == pattern || $0 == "/" + pattern }) else { return }
    let separator = text.isEmpty || text.hasSuffix("\n") ? "" : "\n"
    try write(Data((text + separator + pattern + "\n").utf8), to: ".gitignore")
  }
}

/// One entry of a JSON compilation database (clang's format, which sourcekit-lsp reads).
package struct CompileCommand: Codable, Sendable, Equatable {
  package var directory: String
  package var file: String
  package var arguments: [String]
}
