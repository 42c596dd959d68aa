import ArgumentParser
import Foundation

/// The exit statuses of `practice`, stated in each command's help (and so in its man page, where
/// `scripts/man` copies the paragraph into EXIT STATUS). EndToEndTests' ExitStatusTests runs the
/// commands and checks that each status they exit with is one their help states.
enum ExitStatus {
  /// Command-line usage errors (argument-parser's own would be 64) and setup errors thrown by the
  /// libraries: not a workspace, an unknown exercise, a damaged history, a remote that times out.
  static let usage: Int32 = 2

  /// One line of the paragraph (the meaning fits 72 columns).
  struct Line {
    var code: String
    var meaning: String

    static let success = Line(code: "0", meaning: "done")
    static let setup = Line(code: "2", meaning: "usage or setup error (bad argument, not in a workspace, etc.)")
    /// Commands that compile and run learner code: `PracticeCommand.run` exits with 128 + the signal.
    static let interrupted = Line(
      code: "130", meaning: "interrupted (Ctrl-C; 143 SIGTERM, 129 SIGHUP): nothing recorded")
    /// Commands that page long text: Ctrl-C in the pager.
    static let pagerInterrupted = Line(code: "130", meaning: "Ctrl-C in the pager (143 SIGTERM, 129 SIGHUP)")
  }

  /// The "Exit status:" paragraph of a command's help.
  static func help(_ lines: Line...) -> String {
    "Exit status:\n" + lines.map { "  " + pad($0.code, 5) + $0.meaning }.joined(separator: "\n")
  }

  /// The paragraph of a command that only succeeds or fails with a usage or setup error.
  static let plain = help(.success, .setup)
}
