import Foundation

extension Grader {
  /// The learner module's compile flags, shared by the grade (`buildProgram`, which adds its
  /// output flags and the files copied under their build names) and the editor
  /// (`editorCommand`): language mode, `@testable` access, the module name, the module cache and
  /// the support modules (PracticeNumerics, PracticeChecks, OpenBLAS' module map).
  static func learnerModuleFlags(optimization: String, moduleCache: URL, support: SupportModule) -> [String] {
    [optimization, "-wmo", "-swift-version", "5", "-module-cache-path", moduleCache.path]
      + ["-enable-testing", "-parse-as-library", "-module-name", Self.learnerModule] + support.linkerFlags
  }

  /// The command lines an editor's language server (sourcekit-lsp, through
  /// compile_commands.json) is given for learner files, one per list of `files` (an exercise's
  /// files and those of the exercises it uses, as they are in the workspace): `swiftc`, the flags
  /// a grade compiles the learner's module with (at `-Onone`, without its output paths, which only
  /// name files in a staging folder), then the files. Builds the support modules first when the
  /// cache does not have them (`onBuild` hears of it).
  package func editorCommands(
    files: [[String]], onBuild: (@Sendable (BuildProgress) -> Void)? = nil
  ) throws(GraderError) -> [EditorCommand] {
    let support = try SupportModule.prepare(
      sources: supportSources, toolchain: toolchain, cache: cache, onBuild: onBuild)
    let moduleCache = cache.appendingPathComponent("module-cache", isDirectory: true)
    try? FileManager.default.createDirectory(at: moduleCache, withIntermediateDirectories: true)
    let flags = Self.learnerModuleFlags(optimization: "-Onone", moduleCache: moduleCache, support: support)
    return files.map { EditorCommand(arguments: [toolchain.swiftc] + flags + $0, supportKey: support.key) }
  }
}

/// One compile command for the editor, and the support modules' cache key it names.
package struct EditorCommand: Sendable, Equatable {
  package var arguments: [String]
  package var supportKey: String
}
