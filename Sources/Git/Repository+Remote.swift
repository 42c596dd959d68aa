import CLibGit2
import Foundation

/// What a push did.
package enum PushResult: Sendable, Equatable {
  case pushed
  /// The remote refused the update; the text says why (usually "non-fast-forward").
  case rejected(String)
}

/// The state the callbacks of one fetch or push share through libgit2's payload pointer.
private final class RemoteSession {
  let watchdog: RemoteWatchdog
  /// The remote's per-reference refusal during a push.
  var rejection: String?

  init(_ watchdog: RemoteWatchdog) { self.watchdog = watchdog }

  static func from(_ payload: UnsafeMutableRawPointer?) -> RemoteSession? {
    payload.map { Unmanaged<RemoteSession>.fromOpaque($0).takeUnretainedValue() }
  }

  /// Callbacks that count every sign of life from libgit2 as progress and cancel the operation
  /// once the watchdog gave up. Credentials and certificate callbacks stay unset: setting them
  /// changes libgit2's behaviour (an SSH host key is only refused when a certificate callback exists).
  func callbacks() throws(GitError) -> git_remote_callbacks {
    var callbacks = git_remote_callbacks()
    try gitCheck(
      git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), "git_remote_init_callbacks")
    callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
    callbacks.sideband_progress = { _, _, payload in RemoteSession.from(payload)?.watchdog.progressed() ?? 0 }
    callbacks.transfer_progress = { _, payload in RemoteSession.from(payload)?.watchdog.progressed() ?? 0 }
    callbacks.pack_progress = { _, _, _, payload in RemoteSession.from(payload)?.watchdog.progressed() ?? 0 }
    callbacks.push_transfer_progress = { _, _, _, payload in
      RemoteSession.from(payload)?.watchdog.progressed() ?? 0
    }
    callbacks.push_negotiation = { _, _, payload in RemoteSession.from(payload)?.watchdog.progressed() ?? 0 }
    callbacks.update_tips = { _, _, _, payload in RemoteSession.from(payload)?.watchdog.progressed() ?? 0 }
    callbacks.push_update_reference = { _, message, payload in
      guard let session = RemoteSession.from(payload) else { return 0 }
      if let message { session.rejection = String(cString: message) }
      return session.watchdog.progressed()
    }
    return callbacks
  }
}

extension Repository {
  /// Pushes `reference` to the same name on `remote` (a configured remote's name, a URL or a
  /// path). The refspec has no `+`: only fast-forward updates are accepted.
  ///
  /// Gives up when the remote shows no progress for `timeout` (connecting, sending its references,
  /// taking the pack, answering): the error then has ``GitError/timeout`` set, and the remote's
  /// reference is unchanged unless it had already taken the update.
  package func push(_ reference: String, to remote: String, timeout: Duration) throws(GitError) -> PushResult {
    let handle = try remoteHandle(remote)
    defer { git_remote_free(handle) }
    let spec = strdup("\(reference):\(reference)")
    defer { free(spec) }
    var specs: [UnsafeMutablePointer<CChar>?] = [spec]
    return try RemoteWatchdog.run(deadline: timeout, stage: .references, port: Self.port(of: handle)) {
      watchdog throws(GitError) in
      let session = RemoteSession(watchdog)
      var options = git_push_options()
      try gitCheck(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
      options.callbacks = try session.callbacks()
      try connect(handle, GIT_DIRECTION_PUSH, &options.callbacks, &options.proxy_opts, watchdog)
      watchdog.stage = .pushAnswer
      let code = specs.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: 1)
        return git_remote_push(handle, &array, &options)
      }
      if code == GIT_ENONFASTFORWARD.rawValue { return .rejected("non-fast-forward") }
      try remoteCheck(code, "git_remote_push", watchdog, handle)
      if let rejection = session.rejection { return .rejected(rejection) }
      return .pushed
    }
  }

  /// Fetches `reference` from `remote` into the local reference `tracking` (forced: it mirrors the
  /// remote) and returns the fetched commit, or nil (and `tracking` deleted) when the remote has no
  /// such reference.
  ///
  /// Gives up when the remote shows no progress for `timeout`: the error then has
  /// ``GitError/timeout`` set, and no reference was changed.
  package func fetch(_ reference: String, from remote: String, into tracking: String, timeout: Duration)
    throws(GitError) -> ObjectID?
  {
    let handle = try remoteHandle(remote)
    defer { git_remote_free(handle) }
    let spec = strdup("+\(reference):\(tracking)")
    defer { free(spec) }
    var specs: [UnsafeMutablePointer<CChar>?] = [spec]
    let advertised = try RemoteWatchdog.run(deadline: timeout, stage: .references, port: Self.port(of: handle)) {
      watchdog throws(GitError) in
      let session = RemoteSession(watchdog)
      var options = git_fetch_options()
      try gitCheck(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
      options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
      options.update_fetchhead = 0
      options.callbacks = try session.callbacks()
      try connect(handle, GIT_DIRECTION_FETCH, &options.callbacks, &options.proxy_opts, watchdog)
      guard try advertises(handle, reference) else { return false }
      watchdog.stage = .objects
      let code = specs.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: 1)
        return git_remote_fetch(handle, &array, &options, "practice: fetch attempts")
      }
      try remoteCheck(code, "git_remote_fetch", watchdog, handle)
      return true
    }
    // The tracking reference mirrors what this fetch found, never what an earlier one found.
    guard advertised else {
      try deleteReference(tracking)
      return nil
    }
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

  /// Connects and reads the remote's references (the first thing every fetch and push waits for).
  private func connect(
    _ handle: OpaquePointer?, _ direction: git_direction, _ callbacks: UnsafePointer<git_remote_callbacks>,
    _ proxy: UnsafePointer<git_proxy_options>, _ watchdog: RemoteWatchdog
  ) throws(GitError) {
    let code = git_remote_connect(handle, direction, callbacks, proxy, nil)
    try remoteCheck(code, "git_remote_connect", watchdog, handle)
  }

  /// True when the connected remote's reference list holds `reference`.
  private func advertises(_ handle: OpaquePointer?, _ reference: String) throws(GitError) -> Bool {
    var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
    var count = 0
    try gitCheck(git_remote_ls(&heads, &count, handle), "git_remote_ls")
    guard let heads else { return false }
    for index in 0..<count {
      if let name = heads[index]?.pointee.name, String(cString: name) == reference { return true }
    }
    return false
  }

  /// `gitCheck` for a network call: once the watchdog gave up, the failure (libgit2's "Interrupted
  /// system call", or a cancelling callback) is reported as a timeout.
  private func remoteCheck(
    _ code: Int32, _ function: StaticString, _ watchdog: RemoteWatchdog, _ handle: OpaquePointer?
  ) throws(GitError) {
    do {
      try gitCheck(code, function)
    } catch {
      guard watchdog.gaveUp else { throw error }
      var stage = watchdog.stage
      if stage == .references && error.message.hasPrefix("failed to connect") { stage = .connection }
      var timedOut = error
      timedOut.timeout = RemoteTimeout(
        remote: Self.endpoint(git_remote_url(handle).map { String(cString: $0) } ?? "the remote"),
        deadline: watchdog.deadline, waitingFor: stage)
      throw timedOut
    }
  }

  /// The TCP port a remote's URL talks to (its own, else the scheme's), nil for a local path.
  private static func port(of handle: OpaquePointer?) -> UInt16? {
    guard let url = git_remote_url(handle).map({ String(cString: $0) }) else { return nil }
    let endpoint = endpoint(url)
    if let colon = endpoint.lastIndex(of: ":"), let port = UInt16(endpoint[endpoint.index(after: colon)...]) {
      return port
    }
    if url.hasPrefix("git://") { return 9418 }
    if url.hasPrefix("http://") { return 80 }
    if url.hasPrefix("https://") { return 443 }
    if url.hasPrefix("ssh://") || (endpoint != url && !url.contains("://")) { return 22 }
    return nil
  }

  /// `host:port` (or `host`) of a URL (`scheme://[user@]host[:port]/path` or scp-like
  /// `[user@]host:path`); anything else (a path) as it is.
  package static func endpoint(_ url: String) -> String {
    if let scheme = url.range(of: "://") {
      let rest = url[scheme.upperBound...]
      let authority = rest.prefix { $0 != "/" }
      return String(authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority)
    }
    if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") {
      let host = url[..<colon]
      return String(host.split(separator: "@", omittingEmptySubsequences: false).last ?? host)
    }
    return url
  }
}

extension Repository {
  /// True when this libgit2 speaks `ssh://` (built with libssh2).
  package static var supportsSSH: Bool {
    (git_libgit2_features() & Int32(GIT_FEATURE_SSH.rawValue)) != 0
  }
}
