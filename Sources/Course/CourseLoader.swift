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
  static let idPattern = "^[a-z0-9][a-z0-9-]*$"
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
    let reader = try read(courseFile, display: "Curriculum/course.json")
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
      guard moduleID.range(of: idPattern, options: .regularExpression) != nil else {
        throw .field(
          file: reader.file, path: path,
          problem: "expected an id of lowercase letters, digits and '-', found \"\(moduleID)\"")
      }
      guard seen.insert(moduleID).inserted else { throw .duplicateID(file: reader.file, path: path, id: moduleID) }
      modules.append(try loadModule(moduleID, root: root, curriculum: curriculum))
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

  static func loadModule(_ id: String, root: URL, curriculum: URL) throws(CourseError) -> Module {
    let folder = curriculum.appendingPathComponent(id, isDirectory: true)
    let display = "Curriculum/\(id)/module.json"
    let reader = try read(folder.appendingPathComponent("module.json"), display: display)
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
      let exercise = try loadExercise(item, moduleID: id, folder: folder, root: root)
      guard seen.insert(exercise.id).inserted else {
        throw .duplicateID(file: display, path: item.fieldPath("id"), id: exercise.id)
      }
      exercises.append(exercise)
    }
    return Module(
      id: id, title: title, summary: summary, prerequisites: prerequisites, folder: folder, exercises: exercises)
  }

  static func loadExercise(_ item: JSONReader, moduleID: String, folder: URL, root: URL) throws(CourseError) -> Exercise
  {
    try item.rejectUnknownKeys(exerciseFields)
    let id = try identifier(item, "id")
    let title = try item.string("title")
    func path(_ key: String, default fallback: String) throws(CourseError) -> URL {
      let value = try item.optionalString(key) ?? fallback
      return try resolve(value, in: folder, root: root, file: item.file, path: item.fieldPath(key))
    }
    let lesson = try path("lesson", default: "\(id).md")
    let checks = try path("checks", default: "\(id)/Checks.swift")
    let solution = try path("solution", default: "\(id)/Solution")
    let scaffold = try path("scaffold", default: "../../Exercises/\(moduleID)/\(id)")
    let files = try item.strings("files", required: true)
    guard !files.isEmpty else { throw item.wrong("files", "at least one file name", [Any]()) }
    for (index, name) in files.enumerated() {
      let valid =
        name.hasSuffix(".swift") && !name.contains("/") && !name.hasPrefix(".") && name != "main.swift"
        && name != "Checks.swift"
      guard valid else {
        throw .field(
          file: item.file, path: "\(item.fieldPath("files"))[\(index)]",
          problem: "expected a plain .swift file name (not main.swift or Checks.swift), found \"\(name)\"")
      }
    }
    let points = try item.int("points", minimum: 1)
    let hints = try item.strings("hints", required: false)
    var limits = ExerciseLimits()
    if let limitsReader = try item.optionalObject("limits") {
      try limitsReader.rejectUnknownKeys(limitsFields)
      limits.checkSeconds = try limitsReader.optionalDouble("checkSeconds", above: 0)
      limits.runSeconds = try limitsReader.optionalDouble("runSeconds", above: 0)
      limits.memoryMegabytes = try limitsReader.optionalInt("memoryMB", minimum: 256)
    }
    let optimize = try item.optionalBool("optimize") ?? false
    return Exercise(
      id: id, moduleID: moduleID, title: title, lesson: lesson, checks: checks, solution: solution, scaffold: scaffold,
      files: files, points: points, hints: hints, limits: limits, optimize: optimize,
      uses: try item.strings("uses", required: false))
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

  static func read(_ url: URL, display: String) throws(CourseError) -> JSONReader {
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
    guard value.range(of: idPattern, options: .regularExpression) != nil else {
      throw reader.wrong(key, "an id of lowercase letters, digits and '-'", value)
    }
    return value
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
