import Foundation
import Grader
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Hostile programs against the sandbox: each tries to reach outside and the test looks from the
/// outside that nothing happened. Right outcome for all: the grade itself is unaffected (the code
/// is correct), and no file outside changed, no connection arrived, no process survived.
@Suite("Sandbox")
struct SandboxTests {
  static let checks = """
    import PracticeChecks

    let checks = CheckSuite {
      Check("adds", "2 + 3 = 5", points: 1) { try expectEqual(add(2, 3), 5, "add(2, 3)") }
    }
    """
  static let interface = "func add(_ a: Int, _ b: Int) -> Int { 0 }\n"

  /// Outside /tmp: inside the sandbox, /tmp is the program's own, so a path there proves nothing.
  /// (A checkout under /tmp uses a folder in HOME instead.)
  static let scratch: URL = {
    let inRepository = repositoryRoot.appendingPathComponent(".build/sandbox-tests", isDirectory: true)
    guard inRepository.path.hasPrefix("/tmp/") else { return inRepository }
    return URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(
      ".cache/practice-sandbox-tests", isDirectory: true)
  }()

  func folder(_ label: String) throws -> TemporaryDirectory {
    try FileManager.default.createDirectory(at: Self.scratch, withIntermediateDirectories: true)
    return try TemporaryDirectory(label, in: Self.scratch)
  }

  /// A cache of its own, seeded with the shared test cache's support modules (built first if needed).
  func seededCache() throws -> TemporaryDirectory {
    _ = try grade("func add(_ a: Int, _ b: Int) -> Int { a + b }\n")
    let cache = try folder("cache")
    for name in ["support", "toolchains"] {
      try FileManager.default.copyItem(
        at: sharedTestCache.appendingPathComponent(name), to: cache.url.appendingPathComponent(name))
    }
    return cache
  }

  func grade(_ solution: String, cache: URL = sharedTestCache, sandbox: SandboxMode = .bubblewrap) throws
    -> GradeReport
  {
    var grader = try makeGrader()
    grader.cache = cache
    grader.sandbox = sandbox
    return try grader.grade(
      GradeRequest(
        sources: [SourceFile(name: "Solution.swift", displayPath: "Solution.swift", contents: Array(solution.utf8))],
        checks: SourceFile(name: "Checks.swift", displayPath: "Checks.swift", contents: Array(Self.checks.utf8)),
        interface: [SourceFile(name: "Add.swift", displayPath: "Add.swift", contents: Array(Self.interface.utf8))],
        limits: Limits(checkSeconds: 20, runSeconds: 60)))
  }

  /// Swift source that tries every way out it is given and prints what worked (`ESCAPED …`).
  static func attacker(victim: URL, secret: URL, port: UInt16, cache: URL, sleeper: String) -> String {
    """
    import Foundation
    import Glibc

    func attack() {
      let targets = [
        "\(victim.path)/pwned", "\(victim.path)/.git/pwned", "\(NSHomeDirectory())/practice-pwned-\(sleeper)",
        "\(cache.path)/pwned", "/tmp/../\(victim.path)/pwned2",
      ]
      for target in targets where FileManager.default.createFile(atPath: target, contents: Data("x".utf8)) {
        print("ESCAPED write \\(target)")
      }
      if let text = try? String(contentsOfFile: "\(secret.path)", encoding: .utf8) { print("ESCAPED read \\(text)") }
      // Rewrite every cached program and support library it can find.
      for folder in ["\(cache.path)/programs", "\(cache.path)/support"] {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
          let path = folder + "/" + entry + "/program"
          if let handle = FileHandle(forWritingAtPath: path) {
            handle.write(Data("#!/bin/sh\\n".utf8))
            print("ESCAPED cache \\(path)")
          }
        }
      }
      // A TCP connection to a listener on the host's loopback.
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = in_port_t(\(port)).bigEndian
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
      if connected == 0 { print("ESCAPED network") }
      // A child left sleeping, in its own session, after the program ends.
      var pid: pid_t = 0
      let args = ["/bin/sh", "-c", "setsid sleep \(sleeper) </dev/null >/dev/null 2>&1 &"]
      var cArgs = args.map { strdup($0) } + [nil]
      posix_spawn(&pid, "/bin/sh", nil, nil, &cArgs, environ)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }

    func add(_ a: Int, _ b: Int) -> Int {
      attack()
      return a + b
    }
    """
  }

  @Test("a program cannot write outside, read the workspace, rewrite the cache, connect, or leave a child")
  func hostileProgram() throws {
    let victim = try folder("victim")
    try victim.write("top secret 8d1f", to: "secret.txt")
    try FileManager.default.createDirectory(
      at: victim.url.appendingPathComponent(".git"), withIntermediateDirectories: true)
    let cache = try seededCache()
    // An honest program first, so there is a cached program to attack.
    let honest = try grade("func add(_ a: Int, _ b: Int) -> Int { a + b }\n", cache: cache.url)
    #expect(honest.status == .passed, "\(honest.compilerOutput)")
    let programs = cache.url.appendingPathComponent("programs")
    let before = try snapshot(programs)

    let listener = try LoopbackListener()
    let sleeper = "\(Int.random(in: 100_000...999_999)).5"
    let source = Self.attacker(
      victim: victim.url, secret: victim.url.appendingPathComponent("secret.txt"), port: listener.port,
      cache: cache.url, sleeper: sleeper)
    let report = try grade(source, cache: cache.url)
    #expect(report.status == .passed, "\(report.compilerOutput)\n\(report.programOutput)")
    // What the program says it managed. Writes are judged from outside only: when the victim's
    // folder lies under /tmp (a clone checked out there), the program's "write" lands in its own
    // private /tmp and only looks like an escape from inside.
    let claims = report.programOutput.split(separator: "\n").filter {
      $0.hasPrefix("ESCAPED") && !$0.hasPrefix("ESCAPED write")
    }
    #expect(claims.isEmpty, "\(report.programOutput)")
    for name in ["pwned", "pwned2", ".git/pwned"] {
      #expect(!FileManager.default.fileExists(atPath: victim.url.appendingPathComponent(name).path))
    }
    #expect(!FileManager.default.fileExists(atPath: cache.url.appendingPathComponent("pwned").path))
    #expect(!FileManager.default.fileExists(atPath: NSHomeDirectory() + "/practice-pwned-\(sleeper)"))
    #expect(try snapshot(programs).filter { before.keys.contains($0.key) } == before, "a cached program changed")
    #expect(listener.connections() == 0, "the program connected to the host's loopback")
    #expect(processesWithArgument(sleeper).isEmpty, "a child of the program outlived the grade")
  }

  @Test("without the sandbox the same program does escape (so the test above can fail)")
  func withoutSandbox() throws {
    let victim = try folder("victim")
    try victim.write("top secret 8d1f", to: "secret.txt")
    let listener = try LoopbackListener()
    let sleeper = "\(Int.random(in: 100_000...999_999)).25"
    let source = Self.attacker(
      victim: victim.url, secret: victim.url.appendingPathComponent("secret.txt"), port: listener.port,
      cache: victim.url.appendingPathComponent("no-cache"), sleeper: sleeper)
    let report = try grade(source, sandbox: .off)
    #expect(report.status == .passed)
    #expect(report.programOutput.contains("ESCAPED write \(victim.url.path)/pwned"))
    #expect(report.programOutput.contains("ESCAPED read top secret"))
    #expect(report.programOutput.contains("ESCAPED network"))
    try? FileManager.default.removeItem(atPath: NSHomeDirectory() + "/practice-pwned-\(sleeper)")
  }

  @Test("a damaged cached program is rebuilt, not run")
  func damagedCacheEntry() throws {
    let cache = try seededCache()
    let solution = "func add(_ a: Int, _ b: Int) -> Int { a + b }\n"
    #expect(try grade(solution, cache: cache.url).status == .passed)
    let programs = cache.url.appendingPathComponent("programs")
    for entry in try FileManager.default.contentsOfDirectory(atPath: programs.path) where !entry.hasPrefix(".") {
      let program = programs.appendingPathComponent("\(entry)/program")
      let handle = try FileHandle(forWritingTo: program)
      try handle.seek(toOffset: 4096)
      handle.write(Data(repeating: 0, count: 64))
      try handle.close()
    }
    let again = try grade(solution, cache: cache.url)
    #expect(again.status == .passed)
    #expect(!again.reusedBuild, "the damaged program was reused")
  }

  @Test("a support entry missing a file is rebuilt, never blamed on the learner")
  func damagedSupportEntry() throws {
    let cache = try seededCache()
    let support = cache.url.appendingPathComponent("support")
    for entry in try FileManager.default.contentsOfDirectory(atPath: support.path) where !entry.hasPrefix(".") {
      try? FileManager.default.removeItem(at: support.appendingPathComponent("\(entry)/libPracticeChecks.a"))
    }
    let report = try grade("func add(_ a: Int, _ b: Int) -> Int { a + b }\n", cache: cache.url)
    #expect(report.status == .passed, "\(report.compilerOutput)")
  }

  /// Every file under `folder` with its bytes' digest.
  func snapshot(_ folder: URL) throws -> [String: Int] {
    var result: [String: Int] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
    while let path = enumerator.nextObject() as? String {
      if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) {
        result[path] = data.hashValue
      }
    }
    return result
  }
}

/// A TCP listener on 127.0.0.1 that counts the connections it accepts.
final class LoopbackListener: @unchecked Sendable {
  let fd: Int32
  let port: UInt16

  init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    self.fd = fd
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(fd, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    port = UInt16(bigEndian: address.sin_port)
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
  }

  /// Connections waiting to be accepted (each accepted and closed here).
  func connections() -> Int {
    var count = 0
    while true {
      let client = accept(fd, nil, nil)
      if client < 0 { break }
      close(client)
      count += 1
    }
    return count
  }

  deinit { close(fd) }
}
