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
    let clock = ContinuousClock()
    let buildStart = clock.now
    let support = try SupportModule.prepare(sources: supportSources, toolchain: toolchain, cache: cache)
    let build = try buildProgram(request, support: support)
    let compileSeconds = (clock.now - buildStart).seconds
    var report = GradeReport(
      status: .compileError, checks: [], score: 0, maxScore: nil, compilerOutput: build.diagnostics,
      programOutput: "", errorMessage: nil, toolchain: toolchain.version, reusedBuild: build.reused,
      compileSeconds: compileSeconds, runSeconds: 0)
    guard let program = build.program else { return report }

    let runStart = clock.now
    let session = HarnessSession(
      program: program.path, limits: request.limits, environment: childEnvironment(), onProgress: request.onProgress)
    let outcome = try session.run()
    report.runSeconds = (clock.now - runStart).seconds
    // Runtime messages name files as `Submission/<name>`: show the paths the learner knows.
    let paths = (request.sources + [request.checks]).map { ("Submission/\($0.name):", "\($0.displayPath):") }
    func learnerPaths(_ text: String) -> String {
      paths.reduce(Self.withoutStackTraces(text)) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
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

  func buildProgram(_ request: GradeRequest, support: SupportModule) throws(GraderError) -> Build {
    let optimization = request.optimize ? "-O" : "-Onone"
    var hash = ContentHash()
    hash.add(field: "program-v1")
    hash.add(field: support.key)
    hash.add(field: optimization)
    for source in request.sources + [request.checks] {
      hash.add(field: source.name)
      hash.add(field: source.contents)
    }
    let programs = cache.appendingPathComponent("programs", isDirectory: true)
    let folder = programs.appendingPathComponent(hash.hex, isDirectory: true)
    let program = folder.appendingPathComponent("program")
    let diagnosticsFile = folder.appendingPathComponent("diagnostics.txt")
    if FileManager.default.isExecutableFile(atPath: program.path) {
      let diagnostics = (try? String(contentsOf: diagnosticsFile, encoding: .utf8)) ?? ""
      touch(folder)
      return Build(program: program, diagnostics: diagnostics, reused: true)
    }

    let staging = programs.appendingPathComponent(".staging-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: staging) }
    var displayNames: [(String, String)] = []
    do {
      try FileManager.default.createDirectory(
        at: staging.appendingPathComponent("learner"), withIntermediateDirectories: true)
      try FileManager.default.createDirectory(
        at: staging.appendingPathComponent("checks"), withIntermediateDirectories: true)
      for source in request.sources {
        let path = staging.appendingPathComponent("learner/\(source.name)")
        try Data(source.contents).write(to: path)
        displayNames.append((path.path, source.displayPath))
      }
      let checksPath = staging.appendingPathComponent("checks/\(request.checks.name)")
      try Data(request.checks.contents).write(to: checksPath)
      displayNames.append((checksPath.path, request.checks.displayPath))
      try Data("import PracticeChecks\n\nHarness.main(checks)\n".utf8)
        .write(to: staging.appendingPathComponent("main.swift"))
    } catch {
      throw .io("cannot write the build folder \(staging.path): \(error.localizedDescription)")
    }
    let arguments =
      [
        optimization, "-wmo", "-swift-version", "5", "-module-name", "Submission",
        "-o", staging.appendingPathComponent("program").path,
        staging.appendingPathComponent("main.swift").path,
      ] + support.linkerFlags + displayNames.map(\.0)
    let compiler = ChildProcess(
      executable: toolchain.swiftc, arguments: arguments, environment: ProcessInfo.processInfo.environment,
      workingDirectory: staging.path)
    let deadline = ContinuousClock.now + .milliseconds(Int64(request.limits.compileSeconds * 1000))
    let outcome = try compiler.run(deadline: { deadline })
    var diagnostics = outcome.output.text
    for (built, shown) in displayNames { diagnostics = diagnostics.replacingOccurrences(of: built, with: shown) }
    diagnostics = diagnostics.replacingOccurrences(of: staging.path + "/", with: "")
    switch outcome.termination {
    case .exited(0):
      break
    case .timedOut:
      return Build(
        program: nil,
        diagnostics: diagnostics + "\nthe compiler did not finish within \(Int(request.limits.compileSeconds)) s",
        reused: false)
    default:
      return Build(program: nil, diagnostics: diagnostics, reused: false)
    }
    try? Data(diagnostics.utf8).write(to: staging.appendingPathComponent("diagnostics.txt"))
    try? FileManager.default.removeItem(at: staging.appendingPathComponent("learner"))
    try? FileManager.default.removeItem(at: staging.appendingPathComponent("checks"))
    if rename(staging.path, folder.path) != 0 && !FileManager.default.isExecutableFile(atPath: program.path) {
      throw .system("rename \(staging.path)", errno)
    }
    prune(programs)
    return Build(program: program, diagnostics: diagnostics, reused: false)
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
  func childEnvironment() -> [String: String] {
    let inherited = ProcessInfo.processInfo.environment
    // One BLAS thread: the course's matrices are small (a 32×64 by 64×256 product per LSTM step),
    // where OpenBLAS's threads cost more than they give (one LSTM training step: 11.9 ms with one,
    // 13.6 ms with two on this machine), and a single thread keeps results bit-for-bit repeatable.
    var env: [String: String] = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1"]
    for key in ["HOME", "TMPDIR", "TERM"] { if let value = inherited[key] { env[key] = value } }
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
