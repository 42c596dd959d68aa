import Foundation

extension CourseLoader {
  /// The longest learner file name accepted.
  static let fileNameLength = 100

  static func loadExercise(_ item: JSONReader, moduleID: String, folder: URL, files: CourseFiles)
    throws(CourseError) -> Exercise
  {
    try item.rejectUnknownKeys(exerciseFields)
    let id = try identifier(item, "id")
    let title = try item.string("title")
    let root = URL(fileURLWithPath: files.root, isDirectory: true)
    func path(_ key: String, default fallback: String) throws(CourseError) -> URL {
      let value = try item.optionalString(key) ?? fallback
      return try resolve(value, in: folder, root: root, file: item.file, path: item.fieldPath(key))
    }
    let lesson = try path("lesson", default: "\(id).md")
    let checks = try path("checks", default: "\(id)/Checks.swift")
    let solution = try path("solution", default: "\(id)/Solution")
    let scaffold = try path("scaffold", default: "../../Exercises/\(moduleID)/\(id)")
    let names = try fileNames(item)
    let points = try item.int("points", in: Exercise.pointsRange)
    let hints = try item.strings("hints", required: false)
    let limits = try loadLimits(item)
    let optimize = try item.optionalBool("optimize") ?? false
    let exercise = Exercise(
      id: id, moduleID: moduleID, title: title, lesson: lesson, checks: checks, solution: solution, scaffold: scaffold,
      files: names, points: points, hints: hints, limits: limits, optimize: optimize,
      uses: try item.strings("uses", required: false))
    try checkOnDisk(exercise, item, files)
    return exercise
  }

  /// The learner's file names: plain `.swift` names (no folder, no control characters, not hidden,
  /// not `main.swift` or `Checks.swift`), each listed once.
  static func fileNames(_ item: JSONReader) throws(CourseError) -> [String] {
    let names = try item.strings("files", required: true)
    guard !names.isEmpty else { throw item.wrong("files", "at least one file name", [Any]()) }
    var seen: Set<String> = []
    for (index, name) in names.enumerated() {
      let path = "\(item.fieldPath("files"))[\(index)]"
      guard isPlainFileName(name) else {
        throw .field(
          file: item.file, path: path,
          problem: "expected a plain .swift file name (not main.swift or Checks.swift; no '/', '\\', "
            + "control characters or newlines; at most \(fileNameLength) characters), "
            + "found \(JSONReader.describe(name))")
      }
      guard seen.insert(name).inserted else {
        throw .field(file: item.file, path: path, problem: "the file name \"\(name)\" is listed twice")
      }
    }
    return names
  }

  static func isPlainFileName(_ name: String) -> Bool {
    let forbidden = CharacterSet.controlCharacters.union(.newlines).union(CharacterSet(charactersIn: "/\\"))
    return name.hasSuffix(".swift") && name.count > ".swift".count && name.count <= fileNameLength
      && !name.hasPrefix(".") && name != "main.swift" && name != "Checks.swift"
      && name.unicodeScalars.allSatisfy { !forbidden.contains($0) }
  }

  /// The exercise's `limits`, each inside its documented range (so converting them later can never trap).
  static func loadLimits(_ item: JSONReader) throws(CourseError) -> ExerciseLimits {
    var limits = ExerciseLimits()
    guard let reader = try item.optionalObject("limits") else { return limits }
    try reader.rejectUnknownKeys(limitsFields)
    limits.checkSeconds = try reader.optionalDouble("checkSeconds", in: ExerciseLimits.checkSecondsRange, of: "seconds")
    limits.runSeconds = try reader.optionalDouble("runSeconds", in: ExerciseLimits.runSecondsRange, of: "seconds")
    limits.memoryMegabytes = try reader.optionalInt("memoryMB", in: ExerciseLimits.memoryMegabytesRange, of: "MiB")
    return limits
  }

  /// Every file the exercise names that exists is a regular file (its solution and scaffold are
  /// folders) and resolves inside the course; missing ones are `practice verify`'s to report.
  static func checkOnDisk(_ exercise: Exercise, _ item: JSONReader, _ files: CourseFiles) throws(CourseError) {
    try files.checkFile(exercise.lesson, file: item.file, path: item.fieldPath("lesson"))
    try files.checkFile(exercise.checks, file: item.file, path: item.fieldPath("checks"))
    try files.checkFolder(exercise.solution, file: item.file, path: item.fieldPath("solution"))
    try files.checkFolder(exercise.scaffold, file: item.file, path: item.fieldPath("scaffold"))
    for (index, name) in exercise.files.enumerated() {
      let path = "\(item.fieldPath("files"))[\(index)]"
      try files.checkFile(exercise.solution.appendingPathComponent(name), file: item.file, path: path)
      try files.checkFile(exercise.scaffold.appendingPathComponent(name), file: item.file, path: path)
    }
  }
}
