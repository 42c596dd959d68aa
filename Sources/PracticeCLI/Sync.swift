import ArgumentParser
import Foundation
import PracticeKit

/// The `--timeout` option of push and pull.
struct RemoteOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Give up after this many seconds without an answer or progress from the remote; default: 30.",
      valueName: "seconds"))
  var timeout: Double?

  func validate() throws {
    if let timeout, !(timeout > 0 && timeout <= 86_400) {
      throw ValidationError("--timeout takes a number of seconds above 0 (and at most 86400)")
    }
  }

  /// The deadline without progress.
  var deadline: Duration { timeout.map { .milliseconds(Int(($0 * 1000).rounded(.up))) } ?? Workspace.remoteTimeout }
}

struct Push: PracticeCommand {
  @OptionGroup var global: GlobalOptions
  @OptionGroup var remoteOptions: RemoteOptions

  static let configuration = CommandConfiguration(
    abstract: "Send your attempts (the branch practice/attempts) to a git remote; fast-forward only.",
    discussion: """
      Example:
        practice push
        practice push /mnt/backup/ml-practice.git
        practice push --timeout 120 origin

      A remote that shows no progress for 30 seconds (connecting, listing its references, taking \
      the attempts, answering) is given up on: the command says what it was waiting for, changes \
      nothing here and exits with status 2. --timeout sets the deadline.

      \(exitStatus)
      """)
  static let exitStatus = ExitStatus.help(
    .init(code: "0", meaning: "pushed"),
    .init(code: "1", meaning: "the remote refused: it has attempts you do not have"),
    .init(code: "2", meaning: "usage or setup error, or the remote timed out (nothing changed)"))

  @Argument(help: "A configured remote's name, a URL or a path to a repository; default: origin.")
  var remote: String?

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let (target, result) = try workspace.push(to: remote, timeout: remoteOptions.deadline)
    switch result {
    case .pushed:
      terminal.print("Pushed practice/attempts to \(target).")
    case .rejected(let reason):
      terminal.error(
        "\(target) refused practice/attempts (\(reason)): it has attempts you do not have. "
          + "`practice pull \(target)` first if its history contains yours.")
      throw ExitCode(1)
    }
  }
}

struct Pull: PracticeCommand {
  @OptionGroup var global: GlobalOptions
  @OptionGroup var remoteOptions: RemoteOptions

  static let configuration = CommandConfiguration(
    abstract: "Bring attempts (the branch practice/attempts) from a git remote; fast-forward only.",
    discussion: """
      Example:
        practice pull origin
        practice pull --timeout 120 origin

      A remote that shows no progress for 30 seconds (connecting, listing its references, sending \
      the attempts) is given up on: the command says what it was waiting for, changes nothing \
      and exits with status 2. --timeout sets the deadline.

      \(exitStatus)
      """)
  static let exitStatus = ExitStatus.help(
    .init(code: "0", meaning: "brought the attempts, or nothing to bring"),
    .init(code: "2", meaning: "usage or setup error, diverged histories, or the remote timed out"))

  @Argument(help: "A configured remote's name, a URL or a path to a repository; default: origin.")
  var remote: String?

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let (target, result) = try workspace.pull(from: remote, timeout: remoteOptions.deadline)
    switch result {
    case .created(let count), .fastForwarded(let count):
      terminal.print("Brought \(count) commit\(count == 1 ? "" : "s") (attempts and snapshots) from \(target).")
    case .upToDate:
      terminal.print("Already up to date with \(target).")
    case .ahead(let count):
      terminal.print("Nothing to bring: you have \(count) commit\(count == 1 ? "" : "s") \(target) does not.")
    case .remoteEmpty:
      terminal.print("\(target) has no attempts.")
    }
  }
}
