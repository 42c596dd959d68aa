import Foundation
import TestSupport
import Testing

/// `practice` in a real pseudo-terminal (tmux, 80 × 24) under an interactive job-control shell,
/// where a child in the wrong process group is stopped by the kernel (SIGTTOU/SIGTTIN).
@Suite("practice in a real terminal", .serialized)
struct TerminalTests {
  let binary = EndToEndTests.binary

  /// A fresh workspace and a shell in it. The pager is the default one (`PAGER` unset).
  func session(environment: [String: String] = [:]) throws -> (TemporaryDirectory, TerminalSession) {
    let parent = try TemporaryDirectory()
    let created = try runCommand(
      binary, ["init", "ws"], in: parent.url, environment: ["XDG_CACHE_HOME": sharedTestCache.path])
    try #require(created.status == 0, "\(created.stderr)")
    var env = ["XDG_CACHE_HOME": sharedTestCache.path, "PRACTICE_HOME": repositoryRoot.path]
    for (key, value) in environment { env[key] = value }
    let terminal = try TerminalSession(directory: parent.url.appendingPathComponent("ws"), environment: env)
    try #require(try terminal.waitForPrompt(seconds: 30) != nil, "no shell prompt")
    return (parent, terminal)
  }

  /// The children of the shell that the kernel has stopped (state T), by name.
  func stopped(_ terminal: TerminalSession) throws -> [String] {
    try terminal.processStates().filter { $0.state.hasPrefix("T") }.map(\.command)
  }

  @Test("practice start pages the lesson in the foreground; q returns to the prompt")
  func startPagesAndQuits() throws {
    let (parent, terminal) = try session()
    defer { withExtendedLifetime(parent) {} }
    try terminal.type("\(binary) start")
    // less shows the first screen and waits at its prompt (':' or the file name) on the last row.
    let paged = try terminal.waitUntil(seconds: 120) { $0.contains("ENTROPY") }
    try #require(paged != nil, "the lesson never appeared:\n\(terminal.diagnosis)")
    #expect(try stopped(terminal).isEmpty, "\(terminal.diagnosis)")
    #expect(try terminal.processStates().contains { $0.command == "less" }, "\(terminal.diagnosis)")
    try terminal.press("q")
    let back = try terminal.waitForPrompt(seconds: 60)
    try #require(back != nil, "no prompt after q:\n\(terminal.diagnosis)")
    #expect(try terminal.history().contains("practice grade information-theory/entropy"))
    #expect(try terminal.processStates().allSatisfy { $0.command == "bash" || $0.command == "ps" })
    try terminal.type("echo st\"\"atus=$?")
    #expect(try terminal.waitUntil(seconds: 30) { $0.contains("status=0") } != nil, "\(terminal.diagnosis)")
  }

  @Test("Ctrl-C in the pager returns to the prompt and leaves nothing running")
  func interruptInPager() throws {
    let (parent, terminal) = try session()
    defer { withExtendedLifetime(parent) {} }
    try terminal.type("\(binary) start")
    try #require(try terminal.waitUntil(seconds: 120) { $0.contains("ENTROPY") } != nil)
    try terminal.press("C-c")
    let back = try terminal.waitForPrompt(seconds: 60)
    try #require(back != nil, "no prompt after Ctrl-C:\n\(terminal.diagnosis)")
    #expect(try terminal.processStates().allSatisfy { $0.command == "bash" || $0.command == "ps" })
    #expect(try stopped(terminal).isEmpty)
    try terminal.type("echo st\"\"atus=$?")
    #expect(try terminal.waitUntil(seconds: 30) { $0.contains("status=130") } != nil, "\(terminal.diagnosis)")
  }

  @Test("a user's PAGER is run through the shell, in the foreground")
  func userPager() throws {
    let (parent, terminal) = try session(environment: ["PAGER": "less -R"])
    defer { withExtendedLifetime(parent) {} }
    try terminal.type("\(binary) start")
    try #require(try terminal.waitUntil(seconds: 120) { $0.contains("ENTROPY") } != nil)
    #expect(try stopped(terminal).isEmpty)
    try terminal.press("q")
    #expect(try terminal.waitForPrompt(seconds: 60) != nil, "\(terminal.diagnosis)")
  }

  @Test("in the background, practice start prints instead of paging and is never stopped")
  func background() throws {
    let (parent, terminal) = try session()
    defer { withExtendedLifetime(parent) {} }
    try terminal.type("\(binary) start & wait $!; echo d\"\"one=$?")
    let done = try terminal.waitUntil(seconds: 120) { $0.contains("done=") }
    try #require(done != nil, "\(terminal.diagnosis)")
    #expect(done?.contains("done=0") == true, "\(done ?? "")")
  }
}
