import Foundation

/// The Swift compiler used to build learner programs.
package struct Toolchain: Sendable, Equatable {
  /// Absolute path of `swiftc`.
  package var swiftc: String
  /// A short name of the compiler version, e.g. `swift-6.3.1`, recorded with every attempt.
  package var version: String

  /// Finds `swiftc` (`PRACTICE_SWIFTC`, else the first on `PATH`) and reads its version, which is
  /// cached in `cache` per compiler binary so a grade does not run `swiftc --version`.
  package static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment, cache: URL
  ) throws(GraderError) -> Toolchain {
    let path = try findCompiler(environment: environment)
    let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
    var hash = ContentHash()
    hash.add(field: path)
    hash.add(field: "\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
    hash.add(field: "\((attributes[.size] as? NSNumber)?.intValue ?? 0)")
    let versionFile = cache.appendingPathComponent("toolchains/\(hash.hex)")
    if let cached = try? String(contentsOf: versionFile, encoding: .utf8), !cached.isEmpty {
      return Toolchain(swiftc: path, version: cached)
    }
    let run = ChildProcess(
      executable: path, arguments: ["--version"], environment: environment, workingDirectory: nil)
    let deadline = ContinuousClock.now + .seconds(60)
    let outcome = try run.run(deadline: { deadline })
    let text = outcome.output.text
    guard let version = parseVersion(text) else { throw .toolchainVersion(text) }
    try? FileManager.default.createDirectory(
      at: versionFile.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? version.write(to: versionFile, atomically: true, encoding: .utf8)
    return Toolchain(swiftc: path, version: version)
  }

  /// `Swift version 6.3.1 (swift-6.3.1-RELEASE)` → `swift-6.3.1`.
  static func parseVersion(_ text: String) -> String? {
    guard let range = text.range(of: "Swift version ") else { return nil }
    let rest = text[range.upperBound...]
    let number = rest.prefix { !$0.isWhitespace }
    return number.isEmpty ? nil : "swift-" + number
  }

  static func findCompiler(environment: [String: String]) throws(GraderError) -> String {
    if let explicit = environment["PRACTICE_SWIFTC"], !explicit.isEmpty {
      guard FileManager.default.isExecutableFile(atPath: explicit) else {
        throw .compilerNotFound(searched: "PRACTICE_SWIFTC=\(explicit)")
      }
      return explicit
    }
    let searchPath = environment["PATH"] ?? "/usr/bin:/bin"
    for folder in searchPath.split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/swiftc"
      if FileManager.default.isExecutableFile(atPath: candidate) {
        return candidate
      }
    }
    throw .compilerNotFound(searched: "PATH=\(searchPath)")
  }
}
