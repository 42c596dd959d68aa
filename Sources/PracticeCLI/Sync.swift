import ArgumentParser
import Foundation
import PracticeKit

struct Push: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "Send your attempts (the branch practice/attempts) to a git remote; fast-forward only.",
    discussion: """
      Example:
        practice push
        practice push /mnt/backup/ml-practice.git
      """)

  @Argument(help: "A configured remote's name, a URL or a path to a repository; default: origin.")
  var remote: String?

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let (target, result) = try workspace.push(to: remote)
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

  static let configuration = CommandConfiguration(
    abstract: "Bring attempts (the branch practice/attempts) from a git remote; fast-forward only.",
    discussion: """
      Example:
        practice pull origin
      """)

  @Argument(help: "A configured remote's name, a URL or a path to a repository; default: origin.")
  var remote: String?

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let (target, result) = try workspace.pull(from: remote)
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
