import Foundation

/// Loads and validates a course from disk.
///
/// Layout (paths in `module.json` are relative to the module's folder; every path must stay inside
/// the course root):
/// ```
/// <root>/Curriculum/course.json                       formatVersion, id, title, version, modules
/// <root>/Curriculum/<module>/module.json              formatVersion, id, title, exercises, …
/// <root>/Curriculum/<module>/<exercise>.md            lesson (default)
/// <root>/Curriculum/<module>/<exercise>/Checks.swift  checks (default)
/// <root>/Curriculum/<module>/<exercise>/Solution/     reference solution (default)
/// <root>/Exercises/<module>/<exercise>/               scaffold (default)
/// ```
package enum CourseLoader {
  /// The fields each object may hold (kept in step with `Curriculum/schema/` by a test).
  package static let courseFields: Set<String> = ["formatVersion", "id", "title", "version", "modules", "description"]
  package static let moduleFields: Set<String> = [
    "formatVersion", "id", "title", "summary", "prerequisites", "exercises",
  ]
  package static let exerciseFields: Set<String> = [
    "id", "title", "lesson", "checks", "solution", "scaffold", "files", "points", "hints", "limits", "optimize",
    "uses",
  ]
  package static let limitsFields: Set<String> = ["checkSeconds", "runSeconds", "memoryMB"]

  /// Loads the course at `path`: the course root, its `Curriculum` folder, or `course.json`.
  package static func load(from path: URL) throws(CourseError) -> Course {
    let root = try findRoot(path)
    let curriculum = root.appendingPathComponent("Curriculum", isDirectory: true)
    let courseFile = curriculum.appendingPathComponent("course.json")
    let files = CourseFiles(root: root)
    let reader = try read(courseFile, display: "Curriculum/course.json", files: files)
    try checkFormat(reader)
    try reader.rejectUnknownKeys(courseFields)
    let id = try identifier(reader, "id")
    let title = try reader.string("title")
    let version = try reader.string("version")
    let moduleIDs = try reader.strings("modules", required: true)
    var seen: Set<String> = []
    var modules: [Module] = []
    for (index, moduleID) in moduleIDs.enumerated() {
      let path = "$.modules[\(index)]"
      guard isIdentifier(moduleID) else {
        throw .field(
          file: reader.file, path: path, problem: "expected \(idExpectation), found \(JSONReader.describe(moduleID))")
      }
      guard seen.insert(moduleID).inserted else { throw .duplicateID(file: reader.file, path: path, id: moduleID) }
      modules.append(try loadModule(moduleID, curriculum: curriculum, files: files))
    }
    for module in modules {
      for (index, prerequisite) in module.prerequisites.enumerated() where !seen.contains(prerequisite) {
        throw .field(
          file: "Curriculum/\(module.id)/module.json", path: "$.prerequisites[\(index)]",
          problem: "no module '\(prerequisite)' in this course")
      }
    }
    try checkAcyclic(modules)
    try resolveUses(&modules)
    return Course(root: root, id: id, title: title, version: version, modules: modules)
  }

  static func findRoot(_ path: URL) throws(CourseError) -> URL {
    let standard = path.standardizedFileURL
    let candidates = [
      standard, standard.deletingLastPathComponent(), standard.deletingLastPathComponent().deletingLastPathComponent(),
    ]
    for candidate in candidates
    where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Curriculum/course.json").path) {
      if candidate == standard || standard.lastPathComponent == "Curriculum"
        || standard.lastPathComponent == "course.json"
      {
        return candidate.resolvingSymlinksInPath()
      }
    }
    throw .courseNotFound(path.path)
  }

  static func loadModule(_ id: String, curriculum: URL, files: CourseFiles) throws(CourseError) -> Module {
    let folder = curriculum.appendingPathComponent(id, isDirectory: true)
    let display = "Curriculum/\(id)/module.json"
    let reader = try read(folder.appendingPathComponent("module.json"), display: display, files: files)
    try checkFormat(reader)
    try reader.rejectUnknownKeys(moduleFields)
    let declared = try identifier(reader, "id")
    guard declared == id else {
      throw .field(
        file: display, path: "$.id", problem: "expected \"\(id)\" (the module's folder name), found \"\(declared)\"")
    }
    let title = try reader.string("title")
    let summary = try reader.optionalString("summary")
    let prerequisites = try reader.strings("prerequisites", required: false)
    var exercises: [Exercise] = []
    var seen: Set<String> = []
    for item in try reader.objects("exercises") {
      let exercise = try loadExercise(item, moduleID: id, folder: folder, files: files)
      guard seen.insert(exercise.id).inserted else {
        throw .duplicateID(file: display, path: item.fieldPath("id"), id: exercise.id)
      }
      exercises.append(exercise)
    }
    return Module(
      id: id, title: title, summary: summary, prerequisites: prerequisites, folder: folder, exercises: exercises)
  }

  /// Turns every exercise's `uses` into full keys, each naming an exercise earlier in the course (an
  /// id alone means one in the same module), so the code an exercise builds on always exists first.
  static func resolveUses(_ modules: inout [Module]) throws(CourseError) {
    var earlier: Set<String> = []
    for m in modules.indices {
      for e in modules[m].exercises.indices {
        let exercise = modules[m].exercises[e]
        var resolved: [String] = []
        for (index, value) in exercise.uses.enumerated() {
          let key = value.contains("/") ? value : "\(exercise.moduleID)/\(value)"
          guard earlier.contains(key) else {
            throw .field(
              file: "Curriculum/\(exercise.moduleID)/module.json", path: "$.exercises[\(e)].uses[\(index)]",
              problem: "expected an exercise that comes earlier in the course, found \"\(value)\"")
          }
          if !resolved.contains(key) { resolved.append(key) }
        }
        modules[m].exercises[e].uses = resolved
        earlier.insert(exercise.key)
      }
    }
  }

  /// Resolves a relative path against `folder`; refuses absolute paths and anything that leaves `root`
  /// (after `..` and symbolic links are resolved).
  static func resolve(_ value: String, in folder: URL, root: URL, file: String, path: String) throws(CourseError) -> URL
  {
    guard !value.hasPrefix("/"), !value.hasPrefix("~"), !value.contains("\0") else {
      throw .unsafePath(file: file, path: path, value: value)
    }
    let resolved = folder.appendingPathComponent(value).standardizedFileURL.resolvingSymlinksInPath()
    let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
    guard resolved.path == rootPath || resolved.path.hasPrefix(rootPath + "/") else {
      throw .unsafePath(file: file, path: path, value: value)
    }
    return resolved
  }

  static func read(_ url: URL, display: String, files: CourseFiles) throws(CourseError) -> JSONReader {
    try files.checkJSON(url, display: display)
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      let reason =
        FileManager.default.fileExists(atPath: url.path) ? error.localizedDescription : "the file does not exist"
      throw .unreadable(file: display, reason: reason)
    }
    return try JSONReader.parse(data, file: display)
  }

  static func checkFormat(_ reader: JSONReader) throws(CourseError) {
    let version = try reader.int("formatVersion", minimum: 1)
    guard version == Course.formatVersion else {
      throw .unsupportedFormat(file: reader.file, found: version, supported: Course.formatVersion)
    }
  }

  static func identifier(_ reader: JSONReader, _ key: String) throws(CourseError) -> String {
    let value = try reader.string(key)
    guard isIdentifier(value) else { throw reader.wrong(key, idExpectation, value) }
    return value
  }

  /// The longest id accepted (ids name folders and appear in commits).
  static let idLength = 64
  static let idExpectation = "an id of lowercase letters, digits and '-' (at most \(idLength) characters)"

  /// True for an id: lowercase ASCII letters, digits and `-`, not starting with `-`, at most
  /// `idLength` long. Checked byte by byte: a regular expression's `$` also matches before a final
  /// newline, which would let `"add\n"` through.
  static func isIdentifier(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    guard let first = bytes.first, first != UInt8(ascii: "-"), bytes.count <= idLength else { return false }
    return bytes.allSatisfy { byte in
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || byte == UInt8(ascii: "-")
    }
  }

  static func checkAcyclic(_ modules: [Module]) throws(CourseError) {
    let byID = Dictionary(uniqueKeysWithValues: modules.map { ($0.id, $0) })
    var state: [String: Int] = [:]  // 1 visiting, 2 done
    func visit(_ id: String, _ trail: [String]) -> [String]? {
      if state[id] == 2 { return nil }
      if state[id] == 1 { return trail + [id] }
      state[id] = 1
      for next in byID[id]?.prerequisites ?? [] {
        if let cycle = visit(next, trail + [id]) { return cycle }
      }
      state[id] = 2
      return nil
    }
    for module in modules {
      if let cycle = visit(module.id, []), let repeated = cycle.last {
        let start = cycle.firstIndex(of: repeated) ?? 0
        throw .prerequisiteCycle(Array(cycle[start...]))
      }
    }
  }
}
