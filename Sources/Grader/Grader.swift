import CProcessShim
import Foundation

/// Compiles a learner's files together with an exercise's checks and runs them in a child process.
///
/// The check DSL is prebuilt once per toolchain and source hash (`SupportModule`); a program with
/// the same sources, checks and flags is built once and reused. The program runs with its own
/// process group, time limits per check and per run, a memory limit, and a results channel that the
/// learner's prints cannot forge (see `PracticeChecks.Harness`).
package struct Grader: Sendable {
  package var toolchain: Toolchain
  /// The folder holding the support modules' source folders (`PracticeNumerics`, `PracticeChecks`).
  package var supportSources: URL
  /// The cache root (`$XDG_CACHE_HOME/practice` by default).
  package var cache: URL
  /// Programs kept in the build cache before the oldest are removed.
  package var keptPrograms = 64
  /// Whether compiles and programs run in the bubblewrap sandbox.
  package var sandbox = SandboxMode.from(environment: ProcessInfo.processInfo.environment)
  /// The `bwrap` to use (`PRACTICE_BWRAP`); nil: the system's.
  package var bubblewrap = ProcessInfo.processInfo.environment["PRACTICE_BWRAP"]

  package init(toolchain: Toolchain, supportSources: URL, cache: URL) {
    self.toolchain = toolchain
    self.supportSources = supportSources
    self.cache = cache
  }

  /// The default cache folder: `$XDG_CACHE_HOME/practice`, else `~/.cache/practice`.
  package static func defaultCache(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      return URL(fileURLWithPath: xdg).appendingPathComponent("practice", isDirectory: true)
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return URL(fileURLWithPath: home).appendingPathComponent(".cache/practice", isDirectory: true)
  }

  /// Grades once: build (or reuse) the program, run every check, score.
  package func grade(_ request: GradeRequest) throws(GraderError) -> GradeReport {
    try Interruption.during { () throws(GraderError) -> GradeReport in
      let report = try gradeOnce(request)
      try Interruption.check()
      return report
    }
  }

  private func gradeOnce(_ request: GradeRequest) throws(GraderError) -> GradeReport {
    let clock = ContinuousClock()
    let buildStart = clock.now
    let sandbox = sandbox == .off ? nil : try Sandbox.locate(toolchain: toolchain, bwrap: bubblewrap)
    let support = try SupportModule.prepare(
      sources: supportSources, toolchain: toolchain, cache: cache, onBuild: request.onBuild)
    let build = try buildProgram(request, support: support, sandbox: sandbox)
    let compileSeconds = (clock.now - buildStart).seconds
    var report = GradeReport(
      status: .compileError, checks: [], score: 0, maxScore: nil, compilerOutput: build.diagnostics,
      programOutput: "", errorMessage: nil, toolchain: toolchain.version, reusedBuild: build.reused,
      compileSeconds: compileSeconds, runSeconds: 0, sandbox: self.sandbox)
    guard let program = build.program else { return report }

    let runStart = clock.now
    // Runtime messages name files as `<module>/<name>`: show the paths the learner knows.
    let paths =
      request.sources.map { ("\(Self.learnerModule)/\($0.name):", "\($0.displayPath):") }
      + [("\(Self.checksModule)/\(request.checks.name):", "\(request.checks.displayPath):")]
    func learnerPaths(_ text: String) -> String {
      paths.reduce(Self.withoutStackTraces(text)) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
    var session = HarnessSession(
      program: program.path, limits: request.limits, environment: childEnvironment(sandboxed: sandbox != nil),
      sandbox: sandbox, onProgress: request.onProgress)
    if let onCheckEnded = request.onCheckEnded {
      session.onResult = { result, manifest in
        var shown = result
        shown.message = learnerPaths(result.message)
        shown.output = learnerPaths(result.output)
        onCheckEnded(CheckEnded(result: shown, checkIDs: manifest.map(\.id)))
      }
    }
    let outcome = try session.run()
    report.runSeconds = (clock.now - runStart).seconds
    report.programOutput = learnerPaths(outcome.output)
    guard let manifest = outcome.manifest else {
      report.status = .error
      report.errorMessage = outcome.error ?? "the program did not report its checks"
      return report
    }
    report.checks = manifest.map { entry in
      var result =
        outcome.results[entry.id]
        ?? HarnessSession.result(entry, status: .error, message: "no result was reported for this check")
      result.message = learnerPaths(result.message)
      result.output = learnerPaths(result.output)
      return result
    }
    report.maxScore = manifest.reduce(0) { $0 + $1.points }
    report.score = report.checks.reduce(0) { $0 + $1.points }
    if let error = outcome.error {
      report.status = .error
      report.errorMessage = error
    } else {
      report.status = report.checks.allSatisfy { $0.status == .pass } ? .passed : .failed
    }
    return report
  }

  struct Build {
    var program: URL?
    var diagnostics: String
    var reused: Bool
  }

  /// The learner's module: every learner file (and the files of the earlier exercises used).
  static let learnerModule = "Submission"
  /// The module of the check file and the generated entry point.
  static let checksModule = "Checks"

  /// Builds the program in two modules, so nothing the learner declares can change what a check
  /// computes: the learner's files are one module (`Submission`, an object file built with testing
  /// enabled so its internal declarations can be imported); the check file and a generated
  /// `main.swift` are another, which imports from the learner's module only the names of the
  /// exercise's interface (see `checksImports`). The entry point calls `PracticeChecks.Harness.main` by its full name
  /// from a file that imports nothing of the learner's.
  func buildProgram(_ request: GradeRequest, support: SupportModule, sandbox: Sandbox?) throws(GraderError) -> Build {
    let optimization = request.optimize ? "-O" : "-Onone"
    let imports = Self.checksImports(
      interface: TopLevelDeclarations(sources: request.interface.map(\.contents)),
      learner: TopLevelDeclarations(sources: request.sources.map(\.contents)), support: support)
    var hash = ContentHash()
    hash.add(field: "program-v2")
    hash.add(field: support.key)
    hash.add(field: optimization)
    hash.add(field: imports)
    for source in request.sources + [request.checks] {
      hash.add(field: source.name)
      hash.add(field: source.contents)
    }
    let programs = cache.appendingPathComponent("programs", isDirectory: true)
    let folder = programs.appendingPathComponent(hash.hex, isDirectory: true)
    let program = folder.appendingPathComponent("program")
    if let entry = CacheEntry.verified(folder, files: ["program", "diagnostics.txt"]) {
      let diagnostics = String(decoding: entry["diagnostics.txt"] ?? [], as: UTF8.self)
      touch(folder)
      return Build(program: program, diagnostics: diagnostics, reused: true)
    }

    let staging = programs.appendingPathComponent(".staging-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: staging) }
    var displayNames: [(String, String)] = []
    let learnerFolder = staging.appendingPathComponent("learner")
    let checksFolder = staging.appendingPathComponent("checks")
    let moduleFolder = staging.appendingPathComponent("module")
    let learnerObject = moduleFolder.appendingPathComponent("\(Self.learnerModule).o")
    do {
      for folder in [learnerFolder, checksFolder, moduleFolder] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      for source in request.sources {
        let path = learnerFolder.appendingPathComponent(source.name)
        try Data(source.contents).write(to: path)
        displayNames.append((path.path, source.displayPath))
      }
      let checksPath = checksFolder.appendingPathComponent(request.checks.name)
      // Imports may come last in a Swift file: appended, they leave the author's line numbers alone.
      try Data(request.checks.contents + Array("\n\(imports)".utf8)).write(to: checksPath)
      displayNames.append((checksPath.path, request.checks.displayPath))
      try Data("import PracticeChecks\n\nPracticeChecks.Harness.main(checks)\n".utf8)
        .write(to: checksFolder.appendingPathComponent("main.swift"))
    } catch {
      throw .io("cannot write the build folder \(staging.path): \(error.localizedDescription)")
    }
    let moduleCache = cache.appendingPathComponent("module-cache", isDirectory: true)
    try? FileManager.default.createDirectory(at: moduleCache, withIntermediateDirectories: true)
    let common = [optimization, "-wmo", "-swift-version", "5", "-module-cache-path", moduleCache.path]
    let learnerArguments =
      Self.learnerModuleFlags(optimization: optimization, moduleCache: moduleCache, support: support) + [
        "-emit-module",
        "-emit-module-path", moduleFolder.appendingPathComponent("\(Self.learnerModule).swiftmodule").path,
        // An object file, not a static library: the archiver step cost ~0.15 s per grade.
        "-c", "-o", learnerObject.path,
      ] + request.sources.map { learnerFolder.appendingPathComponent($0.name).path }
    let deadline = ContinuousClock.now + .milliseconds(Self.milliseconds(request.limits.compileSeconds))
    var diagnostics = ""
    /// Runs one compile (in the sandbox when there is one); nil when it succeeded, else the failed build.
    func compile(_ arguments: [String], reading: [String] = []) throws(GraderError) -> Build? {
      var (executable, wrapped) = (toolchain.swiftc, arguments)
      if let sandbox {
        (executable, wrapped) = sandbox.command(
          toolchain.swiftc, arguments, readOnly: [support.directory.path] + reading,
          writable: [staging.path, moduleCache.path], workingDirectory: staging.path)
      }
      let compiler = ChildProcess(
        executable: executable, arguments: wrapped, environment: compilerEnvironment(sandboxed: sandbox != nil),
        workingDirectory: staging.path)
      let outcome = try compiler.run(deadline: { deadline })
      var text = outcome.output.text
      for (built, shown) in displayNames { text = text.replacingOccurrences(of: built, with: shown) }
      text = text.replacingOccurrences(of: staging.path + "/", with: "")
      diagnostics += text
      switch outcome.termination {
      case .exited(0):
        return nil
      case .timedOut:
        let limit = Self.formatSeconds(request.limits.compileSeconds)
        let message = diagnostics + "\nthe compiler did not finish within \(limit)"
        return Build(program: nil, diagnostics: message, reused: false)
      default:
        return Build(program: nil, diagnostics: diagnostics, reused: false)
      }
    }
    if let failed = try compile(learnerArguments) { return failed }
    // The checks' object depends on the learner's code only through its module interface, which
    // an edit inside a function body leaves byte for byte the same: it is cached by that interface.
    let checksEntry = try checksObject(
      request, support: support, optimization: optimization, imports: imports, learnerModule: moduleFolder,
      checksFolder: checksFolder, staging: staging, common: common, compile: compile)
    switch checksEntry {
    case .failed(let build): return build
    case .ready(let entry):
      // Linked from a copy in the staging folder (the driver writes its autolink file beside it).
      let object = moduleFolder.appendingPathComponent("\(Self.checksModule).o")
      do {
        try FileManager.default.copyItem(at: entry.appendingPathComponent("Checks.o"), to: object)
      } catch {
        throw .io("cannot copy the checks' object into \(moduleFolder.path): \(error.localizedDescription)")
      }
      let linkArguments =
        ["-o", staging.appendingPathComponent("program").path, learnerObject.path, object.path] + support.linkerFlags
      if let failed = try compile(linkArguments) { return failed }
    }
    do {
      try Data(diagnostics.utf8).write(to: staging.appendingPathComponent("diagnostics.txt"))
      for folder in [learnerFolder, checksFolder, moduleFolder] { try FileManager.default.removeItem(at: folder) }
      try CacheEntry.seal(staging, files: ["program", "diagnostics.txt"])
    } catch {
      throw .io("cannot finish the program in \(staging.path): \(error.localizedDescription)")
    }
    try CacheEntry.publish(staging, as: folder, files: ["program", "diagnostics.txt"])
    prune(programs)
    return Build(program: program, diagnostics: diagnostics, reused: false)
  }

  enum ChecksObject {
    /// The cache entry holding `Checks.o` (and the diagnostics of its compile).
    case ready(URL)
    case failed(Build)
  }

  /// The compiled check file and entry point (`Checks.o`), from the cache when the same checks,
  /// imports, flags and support modules were compiled against a learner module with the same
  /// interface (its `.swiftmodule`, byte for byte); else compiled and cached.
  func checksObject(
    _ request: GradeRequest, support: SupportModule, optimization: String, imports: String, learnerModule: URL,
    checksFolder: URL, staging: URL, common: [String],
    compile: ([String], [String]) throws(GraderError) -> Build?
  ) throws(GraderError) -> ChecksObject {
    let interface = learnerModule.appendingPathComponent("\(Self.learnerModule).swiftmodule")
    guard let interfaceBytes = FileManager.default.contents(atPath: interface.path) else {
      throw .io("the compiler wrote no \(interface.path)")
    }
    var hash = ContentHash()
    hash.add(field: "checks-v1")
    hash.add(field: support.key)
    hash.add(field: optimization)
    hash.add(field: imports)
    hash.add(field: request.checks.contents)
    hash.add(field: CacheEntry.digest(Array(interfaceBytes)))
    let entries = cache.appendingPathComponent("checks", isDirectory: true)
    let entry = entries.appendingPathComponent(hash.hex, isDirectory: true)
    let files = ["Checks.o", "diagnostics.txt"]
    if CacheEntry.verified(entry, files: files) != nil {
      touch(entry)
      return .ready(entry)
    }
    let object = staging.appendingPathComponent("checks-object", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: object, withIntermediateDirectories: true)
    } catch {
      throw .io("cannot write the build folder \(object.path): \(error.localizedDescription)")
    }
    let arguments =
      common + [
        "-module-name", Self.checksModule, "-I", learnerModule.path, "-c", "-o",
        object.appendingPathComponent("Checks.o").path, checksFolder.appendingPathComponent("main.swift").path,
        checksFolder.appendingPathComponent(request.checks.name).path,
      ] + support.linkerFlags
    if let failed = try compile(arguments, []) { return .failed(failed) }
    let published = entries.appendingPathComponent(".staging-\(UUID().uuidString)", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: entries, withIntermediateDirectories: true)
      try FileManager.default.moveItem(at: object, to: published)
      try Data().write(to: published.appendingPathComponent("diagnostics.txt"))
      try CacheEntry.seal(published, files: files)
    } catch {
      try? FileManager.default.removeItem(at: published)
      throw .io("cannot cache the checks' object in \(entries.path): \(error.localizedDescription)")
    }
    try CacheEntry.publish(published, as: entry, files: files)
    prune(entries)
    return .ready(entry)
  }

  /// The imports appended to the check file.
  ///
  /// Normally the check file sees exactly the exercise's interface — the top-level names its
  /// scaffold declares (and the scaffolds of the exercises it uses), each imported by name with the
  /// kind the learner's code gives it (`@testable import func Submission.entropy`) — so a learner's
  /// helper of any name (`Check`, `expectClose`, `abs`, an `extension Array`) is invisible to it.
  /// Operators cannot be imported by name: an interface with operator functions imports the whole
  /// learner module, and then imports every public name of the support modules by name as well,
  /// since a scoped import wins over a whole-module one when two declarations match.
  static func checksImports(
    interface: TopLevelDeclarations, learner: TopLevelDeclarations, support: SupportModule
  ) -> String {
    var lines: [String] = []
    if interface.names.isEmpty || interface.declaresOperators {
      lines.append("@testable import \(learnerModule)")
      for (module, declarations) in support.exports {
        for name in declarations.publicNames.sorted() {
          guard let kind = declarations.names[name] else { continue }
          lines.append("import \(kind.rawValue) \(module).\(name)")
        }
      }
    } else {
      for name in interface.names.keys.sorted() {
        guard let kind = learner.names[name] else { continue }
        lines.append("@testable import \(kind.rawValue) \(learnerModule).\(name)")
      }
    }
    return "// Generated by practice: what this file sees of the learner's module.\n"
      + lines.joined(separator: "\n") + "\n"
  }

  /// The compiler's environment: the tool's own, with `TMPDIR` pointing into the sandbox's `/tmp`.
  func compilerEnvironment(sandboxed: Bool) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    if sandboxed {
      environment["TMPDIR"] = "/tmp"
      environment["HOME"] = "/tmp"
    }
    return environment
  }

  static func milliseconds(_ seconds: Double) -> Int64 {
    guard seconds.isFinite, seconds > 0 else { return 0 }
    return Int64(min(seconds, 1e9) * 1000)
  }

  static func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() && seconds < 1e9 ? "\(Int(seconds)) s" : "\(seconds) s"
  }

  /// Removes the runtime's "Current stack trace:" blocks (frame addresses of the learner's program,
  /// noise next to the "Fatal error" line that says what happened).
  static func withoutStackTraces(_ text: String) -> String {
    guard text.contains("Current stack trace:") else { return text }
    var kept: [Substring] = []
    var inTrace = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "Current stack trace:" {
        inTrace = true
        continue
      }
      if inTrace, let first = line.first, first.isNumber, line.contains(" 0x") { continue }
      inTrace = false
      kept.append(line)
    }
    return kept.joined(separator: "\n")
  }

  /// The learner's program gets a small, explicit environment, not the tool's.
  func childEnvironment(sandboxed: Bool) -> [String: String] {
    let inherited = ProcessInfo.processInfo.environment
    // One BLAS thread: the course's matrices are small (a 32×64 by 64×256 product per LSTM step),
    // where OpenBLAS's threads cost more than they give (one LSTM training step: 11.9 ms with one,
    // 13.6 ms with two on this machine), and a single thread keeps results bit-for-bit repeatable.
    var env: [String: String] = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1"]
    if sandboxed {
      // Inside the sandbox only the private /tmp is writable.
      env["HOME"] = "/tmp"
      env["TMPDIR"] = "/tmp"
      if let value = inherited["TERM"] { env["TERM"] = value }
    } else {
      for key in ["HOME", "TMPDIR", "TERM"] { if let value = inherited[key] { env[key] = value } }
    }
    return env
  }

  private func touch(_ folder: URL) {
    try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: folder.path)
  }

  /// Keeps the `keptPrograms` most recently used programs.
  private func prune(_ programs: URL) {
    let keys: [URLResourceKey] = [.contentModificationDateKey]
    guard
      let folders = try? FileManager.default.contentsOfDirectory(at: programs, includingPropertiesForKeys: keys)
        .filter({ !$0.lastPathComponent.hasPrefix(".") }),
      folders.count > keptPrograms
    else { return }
    let dated = folders.map { folder in
      (folder, (try? folder.resourceValues(forKeys: Set(keys)).contentModificationDate) ?? .distantPast)
    }
    for (folder, _) in dated.sorted(by: { $0.1 < $1.1 }).prefix(folders.count - keptPrograms) {
      try? FileManager.default.removeItem(at: folder)
    }
  }
}

extension Duration {
  var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) * 1e-18
  }
}
