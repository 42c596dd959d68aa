import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How learner programs (and the compiles of learner code) are confined.
package enum SandboxMode: String, Sendable, Equatable {
  /// bubblewrap: the system read-only, a private empty `/tmp`, no network, its own PID namespace.
  case bubblewrap
  /// No sandbox (the learner opted out with `--no-sandbox` / `PRACTICE_SANDBOX=off`).
  case off

  /// `PRACTICE_SANDBOX=off` (or `0`, `no`, `false`) turns it off; anything else keeps it on.
  package static func from(environment: [String: String]) -> SandboxMode {
    let value = environment["PRACTICE_SANDBOX"]?.lowercased() ?? ""
    return ["off", "0", "no", "false"].contains(value) ? .off : .bubblewrap
  }
}

/// Builds bubblewrap command lines.
///
/// Inside: the system folders (`/usr`, `/etc`, the `/lib*`, `/bin`, `/sbin` links) and the toolchain
/// read-only, the given folders read-only or writable, a private empty `/tmp`, a minimal `/dev` and
/// `/proc`, every namespace unshared (so no network and its own PID namespace: when the sandbox's
/// first process dies, every process it started dies with it), no capabilities, a new session (no
/// controlling terminal), `--die-with-parent`, and the sandbox's root itself read-only.
struct Sandbox: Sendable {
  var bwrap: String
  /// The toolchain's root (e.g. `/opt/swift/usr`), bound read-only when it is outside `/usr`.
  var toolchainRoot: String?

  static let systemFolders = ["/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"]

  /// The command line that runs `executable` with `arguments` in the sandbox.
  func command(
    _ executable: String, _ arguments: [String], readOnly: [String] = [], writable: [String] = [],
    workingDirectory: String = "/tmp"
  ) -> (executable: String, arguments: [String]) {
    var args = [
      "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--hostname", "practice",
    ]
    for folder in Self.systemFolders {
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder) else { continue }
      if attributes[.type] as? FileAttributeType == .typeSymbolicLink,
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: folder)
      {
        args += ["--symlink", target, folder]
      } else {
        args += ["--ro-bind", folder, folder]
      }
    }
    if let toolchainRoot, !toolchainRoot.hasPrefix("/usr/") {
      args += ["--ro-bind", toolchainRoot, toolchainRoot]
    }
    args += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for folder in readOnly { args += ["--ro-bind", folder, folder] }
    for folder in writable { args += ["--bind", folder, folder] }
    // The sandbox's own root (where bwrap made the mount points) is read-only too.
    args += ["--remount-ro", "/", "--chdir", workingDirectory, "--", executable] + arguments
    return (bwrap, args)
  }

  /// Finds `bwrap` and checks, once per process, that it can create its namespaces here.
  static func locate(toolchain: Toolchain, bwrap explicit: String? = nil) throws(GraderError) -> Sandbox {
    let candidates = explicit.map { [$0] } ?? ["/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap"]
    guard let bwrap = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
      throw .sandboxUnavailable(
        "bubblewrap (bwrap) is not installed: `scripts/practice` installs it (Debian package bubblewrap)")
    }
    let real = URL(fileURLWithPath: toolchain.swiftc).resolvingSymlinksInPath()
    let sandbox = Sandbox(
      bwrap: bwrap, toolchainRoot: real.deletingLastPathComponent().deletingLastPathComponent().path)
    if let problem = probe.result(for: sandbox) { throw .sandboxUnavailable(problem) }
    return sandbox
  }

  /// Whether `bwrap` works, remembered per process (one `true` in a sandbox costs a few ms).
  private static let probe = Probe()

  private final class Probe: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String: String?] = [:]

    func result(for sandbox: Sandbox) -> String? {
      lock.lock()
      defer { lock.unlock() }
      if let known = results[sandbox.bwrap] { return known }
      let (executable, arguments) = sandbox.command("/usr/bin/true", [])
      let child = ChildProcess(
        executable: executable, arguments: arguments, environment: ["PATH": "/usr/bin:/bin"], workingDirectory: nil)
      let deadline = ContinuousClock.now + .seconds(20)
      var problem: String?
      do {
        let outcome = try child.run(deadline: { deadline })
        if outcome.termination != .exited(0) {
          let said = outcome.output.text.trimmingCharacters(in: .whitespacesAndNewlines)
          problem =
            "bubblewrap cannot create its namespaces here (\(said.isEmpty ? "\(outcome.termination)" : said)); "
            + "this happens in some containers, or where unprivileged user namespaces are disabled "
            + "(sysctl kernel.unprivileged_userns_clone)"
        }
      } catch {
        problem = "bubblewrap could not be started: \(error.localizedDescription)"
      }
      results[sandbox.bwrap] = .some(problem)
      return problem
    }
  }
}
