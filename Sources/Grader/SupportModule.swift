import Foundation

/// The check DSL (`PracticeChecks`) compiled once into a static library and module, cached per
/// toolchain and source hash, so a grade compiles only the learner's and the checks' files.
struct SupportModule {
  static let moduleName = "PracticeChecks"
  /// Folder with `PracticeChecks.swiftmodule` and `libPracticeChecks.a`.
  var directory: URL
  /// Identifies the toolchain, sources and flags; part of every program's cache key.
  var key: String

  static func prepare(sources: URL, toolchain: Toolchain, cache: URL) throws(GraderError) -> SupportModule {
    let files: [URL]
    do {
      files = try FileManager.default.contentsOfDirectory(at: sources, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "swift" }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
    } catch {
      throw .io("cannot read the check support sources at \(sources.path): \(error.localizedDescription)")
    }
    guard !files.isEmpty else { throw .io("no Swift sources in \(sources.path)") }
    let flags = ["-O", "-wmo", "-swift-version", "6", "-parse-as-library"]
    var hash = ContentHash()
    hash.add(field: "support-v1")
    hash.add(field: toolchain.swiftc)
    hash.add(field: toolchain.version)
    flags.forEach { hash.add(field: $0) }
    for file in files {
      hash.add(field: file.lastPathComponent)
      guard let data = FileManager.default.contents(atPath: file.path) else {
        throw .io("cannot read \(file.path)")
      }
      hash.add(field: Array(data))
    }
    let key = hash.hex
    let root = cache.appendingPathComponent("support", isDirectory: true)
    let directory = root.appendingPathComponent(key, isDirectory: true)
    let module = SupportModule(directory: directory, key: key)
    if FileManager.default.fileExists(atPath: module.library.path) { return module }

    let staging = root.appendingPathComponent(".staging-\(UUID().uuidString)", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      throw .io("cannot create the cache folder \(staging.path): \(error.localizedDescription)")
    }
    defer { try? FileManager.default.removeItem(at: staging) }
    let arguments =
      flags + [
        "-module-name", moduleName, "-emit-module", "-emit-module-path",
        staging.appendingPathComponent("\(moduleName).swiftmodule").path,
        "-emit-library", "-static", "-o", staging.appendingPathComponent("lib\(moduleName).a").path,
      ] + files.map(\.path)
    let compiler = ChildProcess(
      executable: toolchain.swiftc, arguments: arguments, environment: ProcessInfo.processInfo.environment,
      workingDirectory: staging.path)
    let deadline = ContinuousClock.now + .seconds(600)
    let outcome = try compiler.run(deadline: { deadline })
    guard outcome.termination == .exited(0) else { throw .supportBuildFailed(outcome.output.text) }
    // Publish atomically; if another process won the race, its identical copy is kept.
    if rename(staging.path, directory.path) != 0 && !FileManager.default.fileExists(atPath: module.library.path) {
      throw .system("rename \(staging.path)", errno)
    }
    return module
  }

  var library: URL { directory.appendingPathComponent("lib\(Self.moduleName).a") }
}
