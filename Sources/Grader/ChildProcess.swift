import CProcessShim
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How a child process ended.
package enum Termination: Sendable, Equatable {
  /// It exited by itself with this status.
  case exited(Int32)
  /// A signal ended it (a crash: SIGILL for a Swift trap, SIGSEGV, SIGABRT, SIGXCPU, ...).
  case signaled(Int32)
  /// We killed it because its deadline passed.
  case timedOut
}

/// Captured output, bounded: the first `headLimit` bytes and the last `tailLimit` bytes are kept.
package struct BoundedOutput: Sendable {
  package private(set) var head: [UInt8] = []
  package private(set) var tail: [UInt8] = []
  package private(set) var dropped = 0
  let headLimit: Int
  let tailLimit: Int

  package init(headLimit: Int = 48 * 1024, tailLimit: Int = 16 * 1024) {
    self.headLimit = headLimit
    self.tailLimit = tailLimit
  }

  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    var rest = bytes[...]
    let room = headLimit - head.count
    if room > 0 {
      head.append(contentsOf: rest.prefix(room))
      rest = rest.dropFirst(room)
    }
    guard !rest.isEmpty else { return }
    tail.append(contentsOf: rest)
    if tail.count > tailLimit {
      dropped += tail.count - tailLimit
      tail.removeFirst(tail.count - tailLimit)
    }
  }

  /// The text, with a marker where bytes were dropped.
  package var text: String {
    var result = String(decoding: head, as: UTF8.self)
    if dropped > 0 { result += "\n… [\(dropped) bytes of output not shown] …\n" }
    result += String(decoding: tail, as: UTF8.self)
    return result
  }
}

/// Runs one child process without a shell: its own process group, stdin from /dev/null, stdout and
/// stderr into one bounded capture, and optionally a results pipe on descriptor 3. Only the grader
/// spawns processes.
struct ChildProcess {
  var executable: String
  var arguments: [String]
  var environment: [String: String]
  var workingDirectory: String?
  var withResultsChannel = false
  /// `NAME=value` placed in the child's environment; every process still carrying it after the run
  /// is killed.
  var reapMarker: String?
  /// Bytes the child reads from descriptor 4 (then closed): a secret that, unlike the environment,
  /// is not left readable in `/proc/self/environ` (with a results channel only).
  var secret: [UInt8]?

  struct Outcome {
    var termination: Termination
    var output: BoundedOutput
  }

  /// Runs the process to the end.
  ///
  /// - Parameters:
  ///   - deadline: asked before every wait; when the instant it returns has passed, the whole process
  ///     group is killed and the outcome is `.timedOut`.
  ///   - onResultLine: called with each complete line written to descriptor 3.
  ///   - onOutput: called with every chunk of stdout/stderr as it arrives (also kept, bounded, in
  ///     the outcome).
  func run(
    deadline: () -> ContinuousClock.Instant, onResultLine: (String) -> Void = { _ in },
    onOutput: (ArraySlice<UInt8>) -> Void = { _ in }
  ) throws(GraderError) -> Outcome {
    var outPipe: [Int32] = [-1, -1]
    var resultsPipe: [Int32] = [-1, -1]
    guard practice_pipe_cloexec(&outPipe) == 0 else { throw .system("pipe2", errno) }
    defer { closeIfOpen(&outPipe) }
    if withResultsChannel {
      guard practice_pipe_cloexec(&resultsPipe) == 0 else { throw .system("pipe2", errno) }
    }
    defer { closeIfOpen(&resultsPipe) }

    var secretPipe: [Int32] = [-1, -1]
    defer { closeIfOpen(&secretPipe) }
    if let secret, withResultsChannel {
      guard practice_pipe_cloexec(&secretPipe) == 0 else { throw .system("pipe2", errno) }
      // A pipe holds 64 KiB: a short secret is written whole before the child starts.
      let written = secret.withUnsafeBytes { write(secretPipe[1], $0.baseAddress, $0.count) }
      guard written == secret.count else { throw .system("write", errno) }
      close(secretPipe[1])
      secretPipe[1] = -1
    }
    let pid = try spawn(
      outFD: outPipe[1], resultsFD: withResultsChannel ? resultsPipe[1] : -1, secretFD: secretPipe[0])
    closeIfOpen(&secretPipe)
    close(outPipe[1])
    outPipe[1] = -1
    if withResultsChannel {
      close(resultsPipe[1])
      resultsPipe[1] = -1
    }
    var open: [Int32] = withResultsChannel ? [outPipe[0], resultsPipe[0]] : [outPipe[0]]
    for fd in open { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }

    var output = BoundedOutput()
    var pendingResults: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    enum ReadResult { case data, endOfFile, empty }
    func drain(_ fd: Int32) -> ReadResult {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 { return errno == EINTR ? .data : .empty }
      if count == 0 { return .endOfFile }
      if fd == outPipe[0] {
        buffer.withUnsafeBytes { output.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        onOutput(buffer[0..<count])
      } else {
        pendingResults.append(contentsOf: buffer[0..<count])
        // The harness flushes stdout before it writes a result: read what is in the output pipe
        // first, so a result is handed on after everything its check printed (bounded, so a
        // chatty child cannot starve the deadline check).
        if pendingResults.contains(UInt8(ascii: "\n")) && open.contains(outPipe[0]) {
          for _ in 0..<16 where drain(outPipe[0]) != .data { break }
        }
        while let newline = pendingResults.firstIndex(of: UInt8(ascii: "\n")) {
          onResultLine(String(decoding: pendingResults[..<newline], as: UTF8.self))
          pendingResults.removeSubrange(...newline)
        }
      }
      return .data
    }

    var termination: Termination = .timedOut
    while true {
      if let signal = Interruption.pending {
        // Ctrl-C (or SIGTERM/SIGHUP): end the child and all it started, then report it.
        kill(-pid, SIGKILL)
        _ = waitFor(pid)
        if let marker = reapMarker { Self.killProcesses(carrying: marker) }
        throw .interrupted(signal)
      }
      let now = ContinuousClock.now
      let limit = deadline()
      if now >= limit {
        kill(-pid, SIGKILL)
        _ = waitFor(pid)
        break
      }
      if open.isEmpty {
        usleep(2000)
      } else {
        let waitMilliseconds = Int32(min(50, max(1, (limit - now).milliseconds)))
        var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let ready = poll(&fds, nfds_t(fds.count), waitMilliseconds)
        if ready < 0 && errno != EINTR { throw .system("poll", errno) }
        for entry in fds where entry.revents != 0 {
          // Read until the pipe is empty, so a chatty child cannot starve the deadline check.
          var result = drain(entry.fd)
          while result == .data && ContinuousClock.now < limit { result = drain(entry.fd) }
          if result == .endOfFile { open.removeAll { $0 == entry.fd } }
        }
      }
      // Has the child gone (perhaps while something it started keeps the pipes open)?
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        termination = (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
        break
      }
    }
    // Nothing the child started may outlive the run: its process group, and (when a marker is set)
    // every process still carrying the marker in its environment, whatever group it moved to.
    kill(-pid, SIGKILL)
    if let marker = reapMarker { Self.killProcesses(carrying: marker) }
    for fd in open { while drain(fd) == .data {} }
    return Outcome(termination: termination, output: output)
  }

  /// Kills every process (other than this one) whose initial environment holds `marker`
  /// (`NAME=value`): the learner program's descendants, even those that left its process group.
  static func killProcesses(carrying marker: String) {
    let needle = Array((marker + "\0").utf8)
    let own = getpid()
    // Scan until a pass finds nothing (at most a few passes): a process caught mid-exec, or started
    // by one being killed, is found by the next pass.
    for _ in 0..<4 {
      guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
      var killed: [pid_t] = []
      for entry in entries {
        guard let pid = pid_t(entry), pid != own, pid > 1, let bytes = readSmallFile("/proc/\(entry)/environ") else {
          continue
        }
        if bytes.count >= needle.count && contains(bytes, needle) && isRunning(pid) {
          kill(pid, SIGKILL)
          killed.append(pid)
        }
      }
      if killed.isEmpty { return }
      // SIGKILL is delivered asynchronously: wait (up to a second) until they are gone or zombies.
      for _ in 0..<200 where killed.contains(where: isRunning) { usleep(5000) }
    }
  }

  /// True while the process exists and is not a zombie.
  static func isRunning(_ pid: pid_t) -> Bool {
    guard let stat = readSmallFile("/proc/\(pid)/stat"), let close = stat.lastIndex(of: UInt8(ascii: ")")),
      close + 2 < stat.count
    else { return false }
    let state = stat[close + 2]
    return state != UInt8(ascii: "Z") && state != UInt8(ascii: "X")
  }

  /// Reads a /proc file (whose size `stat` reports as 0) to its end; nil if it cannot be opened.
  static func readSmallFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      result.append(contentsOf: chunk[0..<count])
    }
    return result
  }

  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    var start = 0
    while start + needle.count <= haystack.count {
      if (start == 0 || haystack[start - 1] == 0) && haystack[start..<(start + needle.count)].elementsEqual(needle) {
        return true
      }
      start += 1
    }
    return false
  }

  private func spawn(outFD: Int32, resultsFD: Int32, secretFD: Int32) throws(GraderError) -> pid_t {
    let argv = [executable] + arguments
    let envp = environment.map { "\($0.key)=\($0.value)" }.sorted()
    var cArgs = argv.map { strdup($0) } + [nil]
    var cEnv = envp.map { strdup($0) } + [nil]
    defer {
      cArgs.forEach { free($0) }
      cEnv.forEach { free($0) }
    }
    var pid: pid_t = 0
    let error = cArgs.withUnsafeMutableBufferPointer { args in
      cEnv.withUnsafeMutableBufferPointer { env in
        if let workingDirectory {
          return practice_spawn(
            &pid, executable, args.baseAddress, env.baseAddress, workingDirectory, outFD, resultsFD, secretFD)
        }
        return practice_spawn(&pid, executable, args.baseAddress, env.baseAddress, nil, outFD, resultsFD, secretFD)
      }
    }
    guard error == 0 else { throw .spawn(executable, error) }
    return pid
  }

  private func waitFor(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
  }

  private func closeIfOpen(_ fds: inout [Int32]) {
    for index in fds.indices where fds[index] >= 0 {
      close(fds[index])
      fds[index] = -1
    }
  }
}

extension Duration {
  var milliseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds * 1000 + attoseconds / 1_000_000_000_000_000
  }
}
