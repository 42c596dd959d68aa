import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What a network operation was waiting for when it gave up.
package enum RemoteWait: String, Sendable, Equatable {
  /// The TCP (or TLS, or SSH) connection to be set up.
  case connection = "the connection to be accepted"
  /// The reference advertisement every fetch and push starts with.
  case references = "the remote's list of references"
  /// The negotiation and the pack of a fetch.
  case objects = "the remote's objects"
  /// Sending the pack of a push and the remote's report on the update.
  case pushAnswer = "the remote's answer to the push"
}

/// A network operation that made no progress for its whole deadline and was abandoned.
package struct RemoteTimeout: Sendable, Equatable {
  /// Where it was talking to: `host:port` for a URL, else the remote as given.
  package var remote: String
  /// The deadline without progress.
  package var deadline: Duration
  /// What it was waiting for when it gave up.
  package var waitingFor: RemoteWait

  package init(remote: String, deadline: Duration, waitingFor: RemoteWait) {
    self.remote = remote
    self.deadline = deadline
    self.waitingFor = waitingFor
  }

  /// `30 s`, `1.5 s`.
  package var deadlineText: String {
    let (seconds, attoseconds) = deadline.components
    if attoseconds == 0 { return "\(seconds) s" }
    return "\(Double(seconds) + Double(attoseconds) / 1e18) s"
  }

  package var description: String {
    "gave up on \(remote) after \(deadlineText) without an answer (waiting for \(waitingFor.rawValue))"
  }
}

/// The signal that interrupts a thread blocked in libgit2's `recv`/`connect`/`send`.
///
/// libgit2 1.5 has no network timeouts (`GIT_OPT_SET_SERVER_TIMEOUT` came in 1.7), but its socket
/// stream fails a read, write or connect that returns `EINTR` instead of retrying it. A no-op handler
/// installed without `SA_RESTART` makes a thread-directed `pthread_kill` end such a call with `EINTR`.
/// The handler is process-wide but harmless: it does nothing, and the signal is only ever sent, to
/// one thread, by a ``RemoteWatchdog`` whose operation is past its deadline.
private let interruptSignal = SIGUSR2

/// Installs the no-op handler once (a lazily initialised global is thread safe in Swift).
private let interruptHandlerInstalled: Void = {
  var action = sigaction()
  action.__sigaction_handler.sa_handler = { _ in }
  sigemptyset(&action.sa_mask)
  action.sa_flags = 0  // no SA_RESTART: an interrupted system call fails with EINTR
  sigaction(interruptSignal, &action, nil)
}()

/// Watches one blocking libgit2 network call made on the calling thread.
///
/// The call's callbacks report progress (``progressed()``); a watchdog thread waits for the
/// deadline to pass without any, then sets ``gaveUp`` (so the next callback cancels) and interrupts
/// the calling thread with ``interruptSignal`` every 50 ms until the call returns.
///
/// libssh2 (the `ssh://` transport) retries `poll` on `EINTR`, so a call still blocked after a
/// second of interrupts has its sockets shut down (`shutdown(2)`, not `close`: the descriptors stay
/// libgit2's): the sockets opened since the operation began whose peer has the remote's port. A
/// blocked read then sees the end of the stream and fails.
final class RemoteWatchdog: @unchecked Sendable {
  /// The deadline without progress.
  let deadline: Duration
  /// The remote's TCP port, for the shutdown fallback (nil: no fallback).
  private let port: UInt16?
  /// The process's sockets (by inode) before the operation began.
  private let socketsBefore: Set<String>
  private let condition = NSCondition()
  private var lastProgress = ContinuousClock.now
  private var stageValue: RemoteWait
  private var gaveUpValue = false
  private var operationFinished = false
  private var watcherFinished = false

  private init(deadline: Duration, stage: RemoteWait, port: UInt16?) {
    self.deadline = deadline
    self.stageValue = stage
    self.port = port
    self.socketsBefore = port == nil ? [] : Set(Self.sockets().map(\.inode))
  }

  /// What the operation waits for now; setting it counts as progress.
  var stage: RemoteWait {
    get { locked { stageValue } }
    set {
      locked {
        stageValue = newValue
        lastProgress = .now
      }
    }
  }

  /// True once the deadline passed without progress.
  var gaveUp: Bool { locked { gaveUpValue } }

  /// Records progress; returns the value a libgit2 callback returns: 0 to go on, -1 to cancel (the
  /// deadline has passed).
  func progressed() -> Int32 {
    locked {
      if gaveUpValue { return -1 }
      lastProgress = .now
      return 0
    }
  }

  /// Runs `body` (libgit2 calls on this thread) under a watchdog; returns what it returned.
  /// `port` is the remote's TCP port when it talks over TCP.
  static func run<T, E: Error>(
    deadline: Duration, stage: RemoteWait, port: UInt16?, _ body: (RemoteWatchdog) throws(E) -> T
  ) throws(E) -> T {
    _ = interruptHandlerInstalled
    // The interrupt must reach this thread even if it blocks the signal (a test runner's threads may).
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, interruptSignal)
    var previousMask = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &interrupt, &previousMask)
    defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
    let watchdog = RemoteWatchdog(deadline: deadline, stage: stage, port: port)
    let target = pthread_self()
    let thread = Thread { watchdog.watch(target) }
    thread.name = "practice remote watchdog"
    thread.start()
    defer { watchdog.finish() }
    return try body(watchdog)
  }

  /// Tells the watchdog thread the operation is over and waits until it stopped, so no signal
  /// reaches this thread afterwards.
  private func finish() {
    locked {
      operationFinished = true
      condition.broadcast()
      while !watcherFinished { condition.wait() }
    }
  }

  /// The watchdog thread's loop.
  private func watch(_ target: pthread_t) {
    var blocked = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, interruptSignal)
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
    locked {
      while !operationFinished {
        let remaining = lastProgress + deadline - .now
        if remaining <= .zero {
          gaveUpValue = true
          break
        }
        // Short waits, so a change of the wall clock (which NSCondition waits on) cannot matter.
        _ = condition.wait(until: Date(timeIntervalSinceNow: min(remaining.seconds, 0.25)))
      }
      // The operation thread cannot go past `operationFinished = true` without this lock, so the
      // signal only ever reaches it inside (or just after) the libgit2 call.
      var interrupts = 0
      while !operationFinished {
        pthread_kill(target, interruptSignal)
        interrupts += 1
        if interrupts % 20 == 0 { shutDownSockets() }
        _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05))
      }
      watcherFinished = true
      condition.broadcast()
    }
  }

  /// The fallback for transports that retry `EINTR` (see the type's documentation).
  private func shutDownSockets() {
    guard let port else { return }
    for socket in Self.sockets() where !socketsBefore.contains(socket.inode) && Self.peerPort(socket.fd) == port {
      shutdown(socket.fd, Int32(SHUT_RDWR))
    }
  }

  /// The process's open sockets: descriptor and inode (`socket:[12345]`), from /proc/self/fd.
  private static func sockets() -> [(fd: Int32, inode: String)] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return [] }
    return names.compactMap { name in
      guard let fd = Int32(name),
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)"),
        target.hasPrefix("socket:")
      else { return nil }
      return (fd, target)
    }
  }

  /// The TCP port of a connected socket's peer, nil for anything else.
  private static func peerPort(_ fd: Int32) -> UInt16? {
    var address = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let found = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) == 0 }
    }
    guard found else { return nil }
    switch Int32(address.ss_family) {
    case AF_INET:
      return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
      }
    case AF_INET6:
      return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
      }
    default:
      return nil
    }
  }

  private func locked<T>(_ body: () -> T) -> T {
    condition.lock()
    defer { condition.unlock() }
    return body()
  }
}

extension Duration {
  /// The duration in seconds, as a Double.
  fileprivate var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
