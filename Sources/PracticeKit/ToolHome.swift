import Foundation

/// Where the tool's own files live: the built-in course (`Curriculum/`, `Exercises/`) and the
/// sources of the check support module (`Sources/PracticeChecks`).
package struct ToolHome: Sendable {
  package var root: URL

  package init(root: URL) { self.root = root }

  /// The built-in course's root (it holds `Curriculum/` and `Exercises/`).
  package var builtinCourse: URL { root }
  /// The folder holding one folder per support module (`PracticeNumerics`, `PracticeChecks`).
  package var supportSources: URL { root.appendingPathComponent("Sources", isDirectory: true) }

  /// `PRACTICE_HOME` if set, else the nearest folder above the running executable that holds
  /// `Curriculum/course.json` and `Sources/PracticeChecks` (the checkout the binary was built in).
  package static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(PracticeError) -> ToolHome {
    if let explicit = environment["PRACTICE_HOME"], !explicit.isEmpty {
      let home = ToolHome(root: URL(fileURLWithPath: explicit, isDirectory: true).standardizedFileURL)
      guard home.isComplete else { throw .toolHomeNotFound("PRACTICE_HOME=\(explicit)") }
      return home
    }
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    while folder.path != "/" {
      let home = ToolHome(root: folder)
      if home.isComplete { return home }
      folder = folder.deletingLastPathComponent()
    }
    throw .toolHomeNotFound(executable.path)
  }

  var isComplete: Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent("Curriculum/course.json").path)
      && FileManager.default.fileExists(
        atPath: supportSources.appendingPathComponent("PracticeChecks/Harness.swift").path)
  }
}
