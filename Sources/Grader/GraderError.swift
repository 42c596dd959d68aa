import Foundation

/// Errors that stop the grader before it can produce a report (a learner's compile error or crash
/// is not an error: it is a report).
package enum GraderError: Error, LocalizedError, Equatable {
  case compilerNotFound(searched: String)
  case spawn(String, Int32)
  case system(String, Int32)
  case supportBuildFailed(String)
  case io(String)
  case toolchainVersion(String)
  /// The sandbox cannot run here; the text names the cause.
  case sandboxUnavailable(String)
  /// A signal (SIGINT, SIGTERM, SIGHUP) ended the grade; the compiler or program was killed.
  case interrupted(Int32)

  package var errorDescription: String? {
    switch self {
    case .compilerNotFound(let searched):
      return "swiftc was not found (searched \(searched)); install the Swift toolchain or set PRACTICE_SWIFTC"
    case .spawn(let path, let code):
      return "could not start \(path): \(String(cString: strerror(code)))"
    case .system(let call, let code):
      return "\(call) failed: \(String(cString: strerror(code)))"
    case .supportBuildFailed(let output):
      return "building the check support module failed; this is a bug in practice, not in your code:\n\(output)"
    case .io(let message):
      return message
    case .toolchainVersion(let output):
      return "could not read the Swift version from `swiftc --version`: \(output)"
    case .sandboxUnavailable(let cause):
      return
        "practice compiles and runs your code in a sandbox, but \(cause). To grade without the sandbox, "
        + "use `--no-sandbox` or set PRACTICE_SANDBOX=off (the attempt then records `Sandbox: off`)."
    case .interrupted(let signal):
      return "interrupted (signal \(signal)): the compiler or your program was stopped, nothing was recorded"
    }
  }
}
