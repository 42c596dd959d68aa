import CLibGit2
import Foundation

/// A failure reported by libgit2, with the function that failed and libgit2's own message.
package struct GitError: Error, LocalizedError, Equatable {
  /// The libgit2 function that returned the error, e.g. `git_commit_create`.
  package var function: String
  /// The libgit2 error code (`GIT_ENOTFOUND` is -3, `GIT_EMODIFIED` is -15, ...).
  package var code: Int32
  /// The text of `git_error_last()` read right after the failing call.
  package var message: String
  /// Set when a fetch or push was abandoned after its deadline without progress; `message` then
  /// holds what libgit2 said about the interrupted call.
  package var timeout: RemoteTimeout? = nil

  package var errorDescription: String? {
    if let timeout { return timeout.description }
    if code == GIT_ENOTFOUND.rawValue && message.contains("safe.directory") {
      return
        "\(message) — the repository belongs to another user; run `git config --global --add safe.directory <path>` "
        + "if you trust it"
    }
    return "\(function) failed (\(code)): \(message)"
  }

  package var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
  package var isModified: Bool { code == GIT_EMODIFIED.rawValue }
  package var isExists: Bool { code == GIT_EEXISTS.rawValue }

  /// True when an object the call needed is missing or corrupt (a deleted loose object, a pruned
  /// one, a hash mismatch, a damaged file): the history itself is damaged, not the request.
  package var isDamagedObject: Bool {
    if code == GIT_EMISMATCH.rawValue { return true }
    if isNotFound && message.contains("object not found") && !message.contains("prefix") { return true }
    let lowered = message.lowercased()
    return lowered.contains("corrupt") || lowered.contains("failed to inflate") || lowered.contains("hash mismatch")
  }
}

/// One time initialisation of libgit2 (a lazily initialised global is thread safe in Swift).
let libgit2Initialization: Int32 = git_libgit2_init()

/// The one door to libgit2 error handling: every call's result goes through here, so the message is
/// read on the same thread, right after the failing call.
@discardableResult
func gitCheck(_ code: Int32, _ function: StaticString) throws(GitError) -> Int32 {
  guard code < 0 else { return code }
  var message = "unknown error"
  if let last = git_error_last(), let text = last.pointee.message {
    message = String(cString: text)
  }
  throw GitError(function: "\(function)", code: code, message: message)
}
