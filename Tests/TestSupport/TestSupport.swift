import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A temporary directory removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
  public let url: URL

  /// `base`: where to make it (default: the system's temporary folder).
  public init(_ label: String = "practice-test", in base: URL = FileManager.default.temporaryDirectory) throws {
    url = base.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `text` at `relativePath` inside the directory, creating folders as needed.
  @discardableResult
  public func write(_ text: String, to relativePath: String) throws -> URL {
    let file = url.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
  }
}

/// The outcome of running an external command in a test.
public struct CommandResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs `executable` with `arguments` (no shell) and returns its exit status and output.
/// Only for tests: the product spawns processes through the grader.
@discardableResult
public func runCommand(
  _ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
) throws -> CommandResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
  process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
  if let directory { process.currentDirectoryURL = directory }
  var env = ProcessInfo.processInfo.environment
  for (key, value) in environment { env[key] = value }
  process.environment = env
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  // Read both pipes concurrently so a chatty child cannot fill one and block.
  let group = DispatchGroup()
  nonisolated(unsafe) var errData = Data()
  group.enter()
  DispatchQueue.global().async {
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// Stock git, for reading back what the product wrote.
@discardableResult
public func git(_ arguments: [String], in directory: URL) throws -> CommandResult {
  try runCommand("git", ["-C", directory.path] + arguments)
}

/// The repository root (the folder holding Package.swift), found from this source file.
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A shared support-module cache for every test process, so the support module is built once per run.
public let sharedTestCache: URL = repositoryRoot.appendingPathComponent(".build/test-cache", isDirectory: true)

/// A minimal valid course in a temporary folder, for tests that change one thing and expect an error.
public final class CourseFixture: @unchecked Sendable {
  public let directory: TemporaryDirectory
  public var root: URL { directory.url }

  public init(
    moduleJSON: String? = nil, courseJSON: String? = nil, checks: String = CourseFixture.defaultChecks,
    solution: String = CourseFixture.defaultSolution, scaffold: String = CourseFixture.defaultScaffold
  ) throws {
    directory = try TemporaryDirectory("practice-course")
    try directory.write(courseJSON ?? Self.defaultCourseJSON, to: "Curriculum/course.json")
    try directory.write(moduleJSON ?? Self.defaultModuleJSON, to: "Curriculum/basics/module.json")
    try directory.write("# Add\n\nWrite `add`.\n", to: "Curriculum/basics/add.md")
    try directory.write(checks, to: "Curriculum/basics/add/Checks.swift")
    try directory.write(solution, to: "Curriculum/basics/add/Solution/Add.swift")
    try directory.write(scaffold, to: "Exercises/basics/add/Add.swift")
  }

  public static let defaultCourseJSON = """
    {"formatVersion": 1, "id": "tiny", "title": "Tiny course", "version": "1.2.3", "modules": ["basics"]}
    """

  public static let defaultModuleJSON = """
    {
      "formatVersion": 1, "id": "basics", "title": "Basics",
      "exercises": [
        {"id": "add", "title": "Add two numbers", "files": ["Add.swift"], "points": 3,
         "hints": ["Use +."], "limits": {"checkSeconds": 5}}
      ]
    }
    """

  public static let defaultChecks = """
    import PracticeChecks

    let checks = CheckSuite {
      Check("small", "2 + 3 = 5", points: 1) { try expectEqual(add(2, 3), 5) }
      Check("negative", "-2 + -3 = -5", points: 2, hint: "Did you subtract?") { try expectEqual(add(-2, -3), -5) }
    }
    """

  public static let defaultSolution = "func add(_ a: Int, _ b: Int) -> Int { a + b }\n"
  public static let defaultScaffold = "func add(_ a: Int, _ b: Int) -> Int {\n  // TODO\n  return 0\n}\n"
}

/// The process environment with `XDG_CACHE_HOME` pointing at a cache shared by every test, so the
/// support module is built once per test run (and never in the developer's own cache).
public let testEnvironment: [String: String] = {
  var environment = ProcessInfo.processInfo.environment
  environment["XDG_CACHE_HOME"] = sharedTestCache.path
  return environment
}()

/// A background server for a test (e.g. `git daemon`), started with posix_spawn in its own process
/// group with a clean signal mask and default signal handling. (A child of Foundation's `Process`
/// inherits the test runner's blocked signals, so a daemon would never reap its own children.)
/// Stopping it kills the whole group.
public final class BackgroundServer: @unchecked Sendable {
  public let pid: pid_t

  public init(_ arguments: [String]) throws {
    pid = try spawnWithCleanSignals(arguments, newProcessGroup: true)
  }

  deinit {
    kill(-pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
  }
}

/// Starts `arguments` (searched on PATH) with posix_spawn, a clean signal mask and default signal
/// handling, stdin on /dev/null, stdout and stderr on /dev/null or in the files named
/// `stdout`/`stderr` (created or emptied); `environment` replaces the test's own.
public func spawnWithCleanSignals(
  _ arguments: [String], environment: [String: String]? = nil, newProcessGroup: Bool = false,
  stdout: String? = nil, stderr: String? = nil
) throws -> pid_t {
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var none = sigset_t()
  sigemptyset(&none)
  var all = sigset_t()
  sigfillset(&all)
  posix_spawnattr_setsigmask(&attributes, &none)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setpgroup(&attributes, 0)
  let group = newProcessGroup ? POSIX_SPAWN_SETPGROUP : 0
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | group))
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  var argv = arguments.map { strdup($0) } + [nil]
  var envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer {
    argv.forEach { free($0) }
    envp.forEach { free($0) }
  }
  var child: pid_t = 0
  let error = posix_spawnp(&child, arguments[0], &actions, &attributes, &argv, &envp)
  guard error == 0 else { throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO) }
  return child
}

/// A command started with a clean signal mask and default signal handling (unlike Foundation's
/// `Process`, whose children inherit the test runner's blocked signals), so signals reach it.
public final class SpawnedCommand: @unchecked Sendable {
  public let pid: pid_t

  public init(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]) throws {
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    // `env -C` changes directory and then becomes the command (same pid).
    pid = try spawnWithCleanSignals(["/usr/bin/env", "-C", directory.path, executable] + arguments, environment: env)
  }

  public func signal(_ number: Int32) { kill(pid, number) }

  /// The exit status (128 + n for a signal it did not handle), or nil if it was still running
  /// after `seconds` (it is then killed).
  public func wait(seconds: Double) -> Int32? {
    let deadline = Date().addingTimeInterval(seconds)
    var status: Int32 = 0
    while Date() < deadline {
      if waitpid(pid, &status, WNOHANG) == pid {
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
      }
      usleep(20_000)
    }
    kill(pid, SIGKILL)
    waitpid(pid, &status, 0)
    return nil
  }
}

/// A running command a test talks to: it writes to its stdin and waits for text on its stdout.
public final class InteractiveCommand: @unchecked Sendable {
  let process = Process()
  let input = Pipe()
  let lock = NSLock()
  var collected = ""

  public init(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]) throws {
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = input
    output.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      guard let self, !data.isEmpty else { return }
      self.lock.lock()
      self.collected += String(decoding: data, as: UTF8.self)
      self.lock.unlock()
    }
    try process.run()
  }

  /// Everything the command printed so far.
  public var output: String {
    lock.lock()
    defer { lock.unlock() }
    return collected
  }

  /// Waits until `text` has appeared `count` times in the output; false after `seconds`.
  @discardableResult
  public func waitFor(_ text: String, count: Int = 1, seconds: Double = 60) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if output.components(separatedBy: text).count - 1 >= count { return true }
      usleep(20_000)
    }
    return false
  }

  public func send(_ text: String) {
    input.fileHandleForWriting.write(Data(text.utf8))
  }

  /// Waits for the command to end (killing it after `seconds`) and returns its exit status.
  public func finish(seconds: Double = 30) -> Int32 {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return process.terminationStatus
  }
}

/// A TCP server on 127.0.0.1 (a free port) that never says a word: it accepts connections and keeps
/// them open, silent. With `accepting: false` it never accepts, and its backlog is filled, so a new
/// connection hangs in SYN-SENT (what a firewalled host looks like).
public final class SilentListener: @unchecked Sendable {
  public let port: Int
  private let accepting: Bool
  private let state: State

  /// What the accepting thread shares with the listener.
  private final class State: @unchecked Sendable {
    let socket: Int32
    let lock = NSLock()
    var held: [Int32] = []
    var stopped = false

    init(socket: Int32) { self.socket = socket }

    func acceptForever() {
      while true {
        let connection = accept(socket, nil, nil)
        lock.lock()
        defer { lock.unlock() }
        if stopped {
          if connection >= 0 { close(connection) }
          close(socket)
          return
        }
        if connection >= 0 { held.append(connection) }
      }
    }
  }

  public init(accepting: Bool = true) throws {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, length) == 0 && listen(socket, accepting ? 16 : 0) == 0
          && getsockname(socket, $0, &length) == 0
      }
    }
    guard bound else {
      close(socket)
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    port = Int(UInt16(bigEndian: address.sin_port))
    self.accepting = accepting
    state = State(socket: socket)
    if accepting {
      let state = state
      Thread { state.acceptForever() }.start()
    } else {
      // One connection fills a backlog of 0; a few more make sure, whatever the kernel rounds to.
      for _ in 0..<3 {
        let filler = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        _ = withUnsafePointer(to: &address) { pointer in
          pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, length) }
        }
        state.held.append(filler)
      }
      usleep(100_000)
    }
  }

  /// `git://127.0.0.1:PORT/x.git` and the like (`ssh://git@127.0.0.1:PORT/x.git`).
  public func url(_ scheme: String) -> String {
    scheme == "ssh" ? "ssh://git@127.0.0.1:\(port)/x.git" : "\(scheme)://127.0.0.1:\(port)/x.git"
  }

  deinit {
    state.lock.lock()
    state.stopped = true
    state.held.forEach { close($0) }
    state.held = []
    state.lock.unlock()
    if accepting {
      // Wakes the accepting thread (accept fails); it closes the socket.
      shutdown(state.socket, Int32(SHUT_RDWR))
    } else {
      close(state.socket)
    }
  }
}
