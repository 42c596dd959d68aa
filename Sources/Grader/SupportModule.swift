import Foundation

/// The modules linked into every graded program — the learner library (`PracticeNumerics`) and the
/// check DSL (`PracticeChecks`, which imports it) — compiled once into static libraries, cached per
/// toolchain and source hash, so a grade compiles only the learner's and the checks' files.
struct SupportModule {
  /// In build order: a module may import those before it.
  static let moduleNames = ["PracticeNumerics", "PracticeChecks"]
  /// Folder with `<Name>.swiftmodule` and `lib<Name>.a` for each module.
  var directory: URL
  /// Identifies the toolchain, sources and flags; part of every program's cache key.
  var key: String

  /// Flags that link a program against the support modules (dependents before dependencies).
  var linkerFlags: [String] {
    ["-I", directory.path, "-L", directory.path] + Self.moduleNames.reversed().map { "-l\($0)" }
  }

  static func prepare(sources: URL, toolchain: Toolchain, cache: URL) throws(GraderError) -> SupportModule {
    let flags = ["-O", "-wmo", "-swift-version", "6", "-parse-as-library"]
    var hash = ContentHash()
    hash.add(field: "support-v2")
    hash.add(field: toolchain.swiftc)
    hash.add(field: toolchain.version)
    flags.forEach { hash.add(field: $0) }
    var modules: [(name: String, files: [URL])] = []
    for name in moduleNames {
      let folder = sources.appendingPathComponent(name, isDirectory: true)
      let files: [URL]
      do {
        files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
          .filter { $0.pathExtension == "swift" }
          .sorted { $0.lastPathComponent < $1.lastPathComponent }
      } catch {
        throw .io("cannot read the support sources at \(folder.path): \(error.localizedDescription)")
      }
      guard !files.isEmpty else { throw .io("no Swift sources in \(folder.path)") }
      hash.add(field: name)
      for file in files {
        hash.add(field: file.lastPathComponent)
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .io("cannot read \(file.path)") }
        hash.add(field: Array(data))
      }
      modules.append((name, files))
    }
    let key = hash.hex
    let root = cache.appendingPathComponent("support", isDirectory: true)
    let directory = root.appendingPathComponent(key, isDirectory: true)
    let support = SupportModule(directory: directory, key: key)
    if support.isComplete { return support }

    let staging = root.appendingPathComponent(".staging-\(UUID().uuidString)", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      throw .io("cannot create the cache folder \(staging.path): \(error.localizedDescription)")
    }
    defer { try? FileManager.default.removeItem(at: staging) }
    for module in modules {
      let arguments =
        flags + [
          "-module-name", module.name, "-I", staging.path, "-emit-module", "-emit-module-path",
          staging.appendingPathComponent("\(module.name).swiftmodule").path,
          "-emit-library", "-static", "-o", staging.appendingPathComponent("lib\(module.name).a").path,
        ] + module.files.map(\.path)
      let compiler = ChildProcess(
        executable: toolchain.swiftc, arguments: arguments, environment: ProcessInfo.processInfo.environment,
        workingDirectory: staging.path)
      let deadline = ContinuousClock.now + .seconds(600)
      let outcome = try compiler.run(deadline: { deadline })
      guard outcome.termination == .exited(0) else { throw .supportBuildFailed(outcome.output.text) }
    }
    // Publish atomically; if another process won the race, its identical copy is kept.
    if rename(staging.path, directory.path) != 0 && !support.isComplete {
      throw .system("rename \(staging.path)", errno)
    }
    return support
  }

  var isComplete: Bool {
    Self.moduleNames.allSatisfy {
      FileManager.default.fileExists(atPath: directory.appendingPathComponent("lib\($0).a").path)
    }
  }
}
