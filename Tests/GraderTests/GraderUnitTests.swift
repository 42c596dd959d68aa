import Foundation
import Testing

@testable import Grader

@Suite("Grader parts")
struct GraderUnitTests {
  @Test("the Swift version is read from swiftc --version")
  func version() {
    #expect(Toolchain.parseVersion("Swift version 6.3.1 (swift-6.3.1-RELEASE)\nTarget: x86_64") == "swift-6.3.1")
    #expect(Toolchain.parseVersion("swift-driver version: 1.2 Apple Swift version 6.0 (swiftlang-6.0)") == "swift-6.0")
    #expect(Toolchain.parseVersion("nonsense") == nil)
  }

  @Test("result lines count only with this run's nonce")
  func nonce() {
    #expect(HarnessSession.parse("abc result {}", nonce: "abc")! == ("result", "{}"))
    #expect(HarnessSession.parse("abc end", nonce: "abc")! == ("end", ""))
    #expect(HarnessSession.parse("abd result {}", nonce: "abc") == nil)
    #expect(HarnessSession.parse("result {}", nonce: "abc") == nil)
    #expect(HarnessSession.parse("abcresult {}", nonce: "abc") == nil)
    #expect(HarnessSession.makeNonce() != HarnessSession.makeNonce())
  }

  @Test("bounded output keeps the head and the tail")
  func boundedOutput() {
    var output = BoundedOutput(headLimit: 4, tailLimit: 3)
    Array("abcdefghij".utf8).withUnsafeBytes { output.append($0) }
    #expect(output.text == "abcd\n… [3 bytes of output not shown] …\nhij")
  }

  @Test("the content hash separates fields")
  func hash() {
    var one = ContentHash()
    one.add(field: "ab")
    one.add(field: "c")
    var two = ContentHash()
    two.add(field: "a")
    two.add(field: "bc")
    #expect(one.hex != two.hex)
    #expect(one.hex.count == 32)
  }

  @Test("a missing compiler is reported with where it was looked for")
  func missingCompiler() {
    #expect(throws: GraderError.compilerNotFound(searched: "PATH=/nonexistent")) {
      try Toolchain.findCompiler(environment: ["PATH": "/nonexistent"])
    }
  }
}

@Suite("Crash output")
struct CrashOutputTests {
  @Test("the runtime's stack trace is removed, the fatal error line and the learner's prints kept")
  func stackTrace() {
    let output = """
      reading index 5
      Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
      Current stack trace:
      0    libswiftCore.so                    0x00007f8fe6b5f130 swift_reportError + 33
      1    program                            0x00005563c109f4d3 <unavailable> + 17619
      after
      """
    #expect(
      Grader.withoutStackTraces(output)
        == "reading index 5\nSwift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\nafter")
  }
}

@Suite("Process cleanup")
struct ProcessCleanupTests {
  @Test("processes carrying the run's marker are killed, whatever their process group")
  func killsMarked() throws {
    let marker = "PRACTICE_RUN=test-\(UInt64.random(in: 0...UInt64.max))"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sleep")
    process.arguments = ["613.5"]
    var environment = ProcessInfo.processInfo.environment
    environment["PRACTICE_RUN"] = String(marker.dropFirst("PRACTICE_RUN=".count))
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let other = Process()
    other.executableURL = URL(fileURLWithPath: "/bin/sleep")
    other.arguments = ["613.75"]
    other.standardOutput = FileHandle.nullDevice
    other.standardError = FileHandle.nullDevice
    try other.run()
    defer { kill(other.processIdentifier, SIGKILL) }
    #expect(ChildProcess.isRunning(process.processIdentifier))
    // Until it has exec'd, the child still has this test process's environment (without the
    // marker): wait for the exec, as the grader's scan happens long after a learner's spawn.
    for _ in 0..<400 {
      let environment = ChildProcess.readSmallFile("/proc/\(process.processIdentifier)/environ") ?? []
      if String(decoding: environment, as: UTF8.self).contains(marker) { break }
      usleep(5000)
    }
    ChildProcess.killProcesses(carrying: marker)
    #expect(!ChildProcess.isRunning(process.processIdentifier))
    #expect(ChildProcess.isRunning(other.processIdentifier), "an unmarked process is left alone")
  }
}
