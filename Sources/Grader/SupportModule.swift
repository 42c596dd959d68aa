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

  /// C libraries the modules use, each a folder in the sources with a module map (and shim
  /// header), found on the system with pkg-config: OpenBLAS for `Tensor.matmul`.
  static let systemLibraries = [(module: "COpenBLAS", package: "openblas")]
  /// `-I`/`-L`/`-l` flags of the system libraries (from pkg-config).
  var systemFlags: [String] = []
  /// Each module's public top-level declarations (what a check file may import from it by name).
  var exports: [(module: String, declarations: TopLevelDeclarations)] = []

  /// Flags that compile and link a program against the support modules (dependents before
  /// dependencies).
  var linkerFlags: [String] {
    ["-I", directory.path, "-L", directory.path] + Self.moduleNames.reversed().map { "-l\($0)" }
      + Self.systemLibraries.flatMap { ["-I", directory.appendingPathComponent($0.module).path] } + systemFlags
  }

  /// The cached support modules, built first when they are not in the cache; `onBuild` hears of
  /// each module as its build starts, and of the end (nothing when the cache has them).
  static func prepare(
    sources: URL, toolchain: Toolchain, cache: URL, onBuild: (@Sendable (BuildProgress) -> Void)? = nil
  ) throws(GraderError) -> SupportModule {
    let flags = ["-O", "-wmo", "-swift-version", "6", "-parse-as-library"]
    let moduleCache = cache.appendingPathComponent("module-cache", isDirectory: true)
    let systemFlags = try cachedSystemLibraryFlags(cache: cache)
    var hash = ContentHash()
    hash.add(field: "support-v4")
    systemFlags.forEach { hash.add(field: $0) }
    for library in systemLibraries {
      for name in ["module.modulemap", "shim.h"] {
        let file = sources.appendingPathComponent("\(library.module)/\(name)")
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .io("cannot read \(file.path)") }
        hash.add(field: name)
        hash.add(field: Array(data))
      }
    }
    hash.add(field: toolchain.swiftc)
    hash.add(field: toolchain.version)
    flags.forEach { hash.add(field: $0) }
    var modules: [(name: String, files: [URL])] = []
    var exports: [(module: String, declarations: TopLevelDeclarations)] = []
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
      var contents: [[UInt8]] = []
      for file in files {
        hash.add(field: file.lastPathComponent)
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .io("cannot read \(file.path)") }
        hash.add(field: Array(data))
        contents.append(Array(data))
      }
      modules.append((name, files))
      exports.append((name, TopLevelDeclarations(sources: contents)))
    }
    let key = hash.hex
    let root = cache.appendingPathComponent("support", isDirectory: true)
    let directory = root.appendingPathComponent(key, isDirectory: true)
    let support = SupportModule(directory: directory, key: key, systemFlags: systemFlags, exports: exports)
    if CacheEntry.verified(directory, files: support.files) != nil { return support }

    let staging = root.appendingPathComponent(".staging-\(UUID().uuidString)", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      throw .io("cannot create the cache folder \(staging.path): \(error.localizedDescription)")
    }
    defer { try? FileManager.default.removeItem(at: staging) }
    for library in systemLibraries {
      do {
        try FileManager.default.copyItem(
          at: sources.appendingPathComponent(library.module), to: staging.appendingPathComponent(library.module))
      } catch {
        throw .io("cannot copy the \(library.module) module map: \(error.localizedDescription)")
      }
    }
    let includes = systemLibraries.flatMap { ["-I", staging.appendingPathComponent($0.module).path] } + systemFlags
    let buildStart = ContinuousClock.now
    for (index, module) in modules.enumerated() {
      onBuild?(.supportModule(module: module.name, index: index + 1, count: modules.count))
      let arguments =
        flags + [
          "-module-name", module.name, "-I", staging.path, "-emit-module", "-emit-module-path",
          staging.appendingPathComponent("\(module.name).swiftmodule").path,
          "-emit-library", "-static", "-o", staging.appendingPathComponent("lib\(module.name).a").path,
        ] + ["-module-cache-path", moduleCache.path] + includes + module.files.map(\.path)
      let compiler = ChildProcess(
        executable: toolchain.swiftc, arguments: arguments, environment: ProcessInfo.processInfo.environment,
        workingDirectory: staging.path)
      let deadline = ContinuousClock.now + .seconds(600)
      let outcome = try compiler.run(deadline: { deadline })
      guard outcome.termination == .exited(0) else { throw .supportBuildFailed(outcome.output.text) }
    }
    do {
      try CacheEntry.seal(staging, files: support.files)
    } catch {
      throw .io("cannot seal the support modules in \(staging.path): \(error.localizedDescription)")
    }
    // Publish atomically; if another process won the race, its intact copy is kept.
    try CacheEntry.publish(staging, as: directory, files: support.files)
    onBuild?(.supportBuilt(seconds: (ContinuousClock.now - buildStart).seconds))
    return support
  }

  /// `systemLibraryFlags()`, remembered in the cache per `.pc` file (path and modification time),
  /// so a grade does not start pkg-config.
  static func cachedSystemLibraryFlags(cache: URL) throws(GraderError) -> [String] {
    let environment = ProcessInfo.processInfo.environment
    let folders =
      (environment["PKG_CONFIG_PATH"] ?? "").split(separator: ":").map(String.init)
      + [
        "/usr/local/lib/pkgconfig", "/usr/lib/x86_64-linux-gnu/pkgconfig", "/usr/lib/aarch64-linux-gnu/pkgconfig",
        "/usr/lib/pkgconfig", "/usr/share/pkgconfig",
      ]
    var hash = ContentHash()
    for library in systemLibraries {
      guard
        let file = folders.map({ "\($0)/\(library.package).pc" }).first(where: FileManager.default.fileExists(atPath:)),
        let modified = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date
      else { return try systemLibraryFlags() }
      hash.add(field: file)
      hash.add(field: "\(modified.timeIntervalSince1970)")
    }
    let remembered = cache.appendingPathComponent("toolchains/pkg-config-\(hash.hex)")
    if let text = try? String(contentsOf: remembered, encoding: .utf8), !text.isEmpty {
      return text.split(separator: "\n").map(String.init)
    }
    let flags = try systemLibraryFlags()
    try? FileManager.default.createDirectory(
      at: remembered.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? flags.joined(separator: "\n").write(to: remembered, atomically: true, encoding: .utf8)
    return flags
  }

  /// pkg-config's flags for the system libraries, as swiftc flags (`-Xcc -I…`, `-L…`, `-l…`).
  static func systemLibraryFlags() throws(GraderError) -> [String] {
    var flags: [String] = []
    for library in systemLibraries {
      let run = ChildProcess(
        executable: "/usr/bin/env", arguments: ["pkg-config", "--cflags", "--libs", library.package],
        environment: ProcessInfo.processInfo.environment, workingDirectory: nil)
      let deadline = ContinuousClock.now + .seconds(30)
      let outcome = try run.run(deadline: { deadline })
      guard outcome.termination == .exited(0) else {
        throw .io("pkg-config cannot find \(library.package): install libopenblas-dev (scripts/practice does)")
      }
      for word in outcome.output.text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
        if word.hasPrefix("-I") {
          flags += ["-Xcc", String(word)]
        } else if word.hasPrefix("-L") || word.hasPrefix("-l") {
          flags.append(String(word))
        }
      }
    }
    return flags
  }

  /// Every file of the entry, covered by its digest.
  var files: [String] {
    Self.moduleNames.flatMap { ["lib\($0).a", "\($0).swiftmodule"] }
      + Self.systemLibraries.flatMap { ["\($0.module)/module.modulemap", "\($0.module)/shim.h"] }
  }
}
