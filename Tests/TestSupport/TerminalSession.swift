import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A real pseudo-terminal for tests: a private tmux server (its own socket, no configuration)
/// running an interactive, job-control `bash -i` at a given size. Tests type into it with
/// `send-keys` and read the screen with `capture-pane`, as a person at a terminal would.
/// tmux is installed by `scripts/test`.
public final class TerminalSession: @unchecked Sendable {
  public let columns: Int
  public let rows: Int
  /// The prompt the shell shows (PS1); `waitForPrompt` looks for it at the end of the screen.
  public static let prompt = "PRACTICE-TEST$ "
  private let socket: String
  private let folder: TemporaryDirectory

  /// Starts the shell in `directory` with `environment` added to a minimal one (HOME, PATH, TERM,
  /// LANG are set; `PS1` is `prompt`).
  public init(
    columns: Int = 80, rows: Int = 24, directory: URL, environment: [String: String] = [:]
  ) throws {
    self.columns = columns
    self.rows = rows
    folder = try TemporaryDirectory("tmux")
    socket = folder.url.appendingPathComponent("socket").path
    var env: [String: String] = [
      "HOME": ProcessInfo.processInfo.environment["HOME"] ?? folder.url.path,
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "TERM": "xterm-256color",
      "LANG": "C.UTF-8",
      "PS1": Self.prompt,
    ]
    for (key, value) in environment { env[key] = value }
    let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    // `env -i` so the tmux server's own environment (TMUX, COLUMNS, …) does not leak in.
    let shell = ["env", "-i"] + assignments + ["bash", "--norc", "--noprofile", "-i"]
    let started = try tmux(
      ["-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-c", directory.path]
        + [shell.map(Self.quoted).joined(separator: " ")])
    guard started.status == 0 else {
      throw TerminalSessionError("tmux new-session failed (\(started.status)): \(started.stderr)")
    }
    _ = try tmux(["set-option", "-g", "remain-on-exit", "on"])
    _ = try tmux(["set-option", "-g", "history-limit", "5000"])
  }

  deinit { _ = try? tmux(["kill-server"]) }

  /// Types `text` literally, then Enter when `enter` is true.
  public func type(_ text: String, enter: Bool = true) throws {
    _ = try tmux(["send-keys", "-l", text])
    if enter { try press("Enter") }
  }

  /// Presses named keys (tmux key names: `q`, `C-c`, `Enter`, `Down`, `C-z`, …).
  public func press(_ keys: String...) throws {
    _ = try tmux(["send-keys"] + keys)
  }

  /// What the screen shows now, one string per row (trailing spaces trimmed).
  public func screen() throws -> [String] {
    let captured = try tmux(["capture-pane", "-p"])
    return captured.stdout.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
  }

  /// Everything the pane printed, scrollback included.
  public func history() throws -> String {
    try tmux(["capture-pane", "-p", "-S", "-", "-E", "-"]).stdout
  }

  /// Waits until `condition` holds for the screen (rows joined by newlines) and returns it, or
  /// returns nil after `seconds` (a deadline for a failing test, never a timing assertion).
  public func waitUntil(seconds: Double = 120, _ condition: (String) -> Bool) throws -> String? {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
      let text = try screen().joined(separator: "\n")
      if condition(text) { return text }
      usleep(100_000)
    } while Date() < deadline
    return nil
  }

  /// Waits until the last non-empty row of the screen is the shell's prompt.
  @discardableResult
  public func waitForPrompt(seconds: Double = 120) throws -> String? {
    try waitUntil(seconds: seconds) { text in
      text.split(separator: "\n").last.map { $0.hasPrefix(Self.prompt.trimmingCharacters(in: .whitespaces)) }
        ?? false
    }
  }

  /// For failure messages: the scrollback and the terminal's processes (never throws).
  public var diagnosis: String {
    let processes = (try? processStates().map { "\($0.command) \($0.state)" }.joined(separator: ", ")) ?? "?"
    return ((try? history()) ?? "(no history)") + "\nprocesses: " + processes
  }

  /// The state letters (`ps -o stat`) of every process in the session's terminal, by command.
  public func processStates() throws -> [(command: String, state: String)] {
    let tty = try tmux(["display-message", "-p", "#{pane_tty}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let listed = try runCommand("ps", ["-t", tty, "-o", "stat=,comm="])
    return listed.stdout.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
      guard parts.count == 2 else { return nil }
      return (String(parts[1]).trimmingCharacters(in: .whitespaces), String(parts[0]))
    }
  }

  /// Runs the tmux client with posix_spawn, a clean signal mask (the test runner blocks some
  /// signals, and a tmux server inheriting that mask would pass it to the shell and to practice)
  /// and its output in files. Not Foundation's `Process`: the server a client starts inherits the
  /// client's descriptors, and `Process` learns of a child's exit through a socket the child
  /// inherits, so it would wait for the server forever.
  @discardableResult
  private func tmux(_ arguments: [String]) throws -> CommandResult {
    let out = folder.url.appendingPathComponent("out").path
    let err = folder.url.appendingPathComponent("err").path
    let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }
    let child: pid_t
    do {
      child = try spawnWithCleanSignals(
        ["tmux", "-S", socket] + arguments, environment: environment, stdout: out, stderr: err)
    } catch {
      throw TerminalSessionError("cannot start tmux (\(error)); scripts/test installs it")
    }
    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 && errno == EINTR {}
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return CommandResult(
      status: exit,
      stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
  }

  private static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

public struct TerminalSessionError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
