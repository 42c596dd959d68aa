import CLibGit2
import Foundation

/// What a push did.
package enum PushResult: Sendable, Equatable {
  case pushed
  /// The remote refused the update; the text says why (usually "non-fast-forward").
  case rejected(String)
}

/// Collects the remote's per-reference answer during a push.
private final class PushStatus {
  var rejection: String?
}

extension Repository {
  /// Pushes `reference` to the same name on `remote` (a configured remote's name, a URL or a
  /// path). The refspec has no `+`: only fast-forward updates are accepted.
  package func push(_ reference: String, to remote: String) throws(GitError) -> PushResult {
    let handle = try remoteHandle(remote)
    defer { git_remote_free(handle) }
    var options = git_push_options()
    try gitCheck(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
    let status = PushStatus()
    options.callbacks.payload = Unmanaged.passUnretained(status).toOpaque()
    options.callbacks.push_update_reference = { _, message, payload in
      if let message, let payload {
        Unmanaged<PushStatus>.fromOpaque(payload).takeUnretainedValue().rejection = String(cString: message)
      }
      return 0
    }
    let spec = strdup("\(reference):\(reference)")
    defer { free(spec) }
    var specs: [UnsafeMutablePointer<CChar>?] = [spec]
    let code = specs.withUnsafeMutableBufferPointer { buffer in
      var array = git_strarray(strings: buffer.baseAddress, count: 1)
      return git_remote_push(handle, &array, &options)
    }
    if code == GIT_ENONFASTFORWARD.rawValue { return .rejected("non-fast-forward") }
    try gitCheck(code, "git_remote_push")
    if let rejection = status.rejection { return .rejected(rejection) }
    return .pushed
  }

  /// Fetches `reference` from `remote` into the local reference `tracking` (forced: it mirrors the
  /// remote) and returns the fetched commit, or nil when the remote has no such reference.
  package func fetch(_ reference: String, from remote: String, into tracking: String) throws(GitError) -> ObjectID? {
    let handle = try remoteHandle(remote)
    defer { git_remote_free(handle) }
    var options = git_fetch_options()
    try gitCheck(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
    options.update_fetchhead = 0
    let spec = strdup("+\(reference):\(tracking)")
    defer { free(spec) }
    var specs: [UnsafeMutablePointer<CChar>?] = [spec]
    let code = specs.withUnsafeMutableBufferPointer { buffer in
      var array = git_strarray(strings: buffer.baseAddress, count: 1)
      return git_remote_fetch(handle, &array, &options, "practice: fetch attempts")
    }
    try gitCheck(code, "git_remote_fetch")
    return try resolve(reference: tracking)
  }

  /// True when `name` is a remote configured in this repository.
  package func hasRemote(named name: String) -> Bool {
    var handle: OpaquePointer?
    guard git_remote_lookup(&handle, pointer, name) == 0 else { return false }
    git_remote_free(handle)
    return true
  }

  private func remoteHandle(_ remote: String) throws(GitError) -> OpaquePointer? {
    var handle: OpaquePointer?
    if hasRemote(named: remote) {
      try gitCheck(git_remote_lookup(&handle, pointer, remote), "git_remote_lookup")
    } else {
      try gitCheck(git_remote_create_anonymous(&handle, pointer, remote), "git_remote_create_anonymous")
    }
    return handle
  }
}
