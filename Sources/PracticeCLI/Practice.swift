import ArgumentParser
import Foundation
import PracticeKit

/// The `practice` command: a self-study curriculum runner for machine learning.
public struct Practice: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "practice",
    abstract: "Learn machine learning by building it: lessons, graded exercises, every attempt in git.",
    discussion: """
      Start with `practice init DIR`, then inside DIR: `practice start`, edit the file it names, and
      `practice grade`. Every grade is a commit on the branch practice/attempts.

      Each command's help ends with the exit statuses it uses; all of them use
      0 for done and 2 for usage and setup errors.
      """,
    version: "0.1.0",
    subcommands: [
      Status.self, Init.self, List.self, Start.self, Grade.self, Hint.self, Solution.self, Log.self, Show.self,
      Diff.self, Rerun.self, Restore.self, Reset.self, Push.self, Pull.self, Watch.self, Report.self, Verify.self,
      Doctor.self,
    ],
    defaultSubcommand: Status.self
  )

  public init() {}

  /// Runs the command line. Unlike argument-parser's own `main()`: an unknown command is named as
  /// such (with the commands and the closest one), not parsed as an argument of the default
  /// `status`; and usage errors exit with 2 (`ExitStatus.usage`), like the libraries' setup errors.
  public static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let first = arguments.first, let message = unknownCommandMessage(first) {
      FileHandle.standardError.write(Data((message + "\n").utf8))
      Foundation.exit(ExitStatus.usage)
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(ExitStatus.usage)
      }
      exit(withError: error)
    }
  }

  /// The names `practice NAME` accepts as a command.
  static var commandNames: [String] {
    configuration.subcommands.map { $0._commandName } + ["help"]
  }

  /// The error for a first argument that is neither an option nor a command; nil when it is one.
  static func unknownCommandMessage(_ word: String) -> String? {
    guard !word.hasPrefix("-"), !commandNames.contains(word) else { return nil }
    let names = commandNames
    let closest = names.map { (name: $0, distance: editDistance(word, $0)) }.min { $0.distance < $1.distance }
    var lines = ["practice: error: unknown command '\(word)'"]
    if let closest { lines.append("Did you mean 'practice \(closest.name)'?") }
    lines.append("Commands: " + names.joined(separator: ", "))
    lines.append("See 'practice --help'.")
    return wrapped(lines)
  }

  /// Wraps each line at 80 columns (continuation lines indented by two spaces).
  static func wrapped(_ lines: [String]) -> String {
    lines.map { line in
      var rows: [String] = []
      var row = ""
      for word in line.split(separator: " ") {
        if !row.isEmpty && row.count + 1 + word.count > 80 {
          rows.append(row)
          row = " "
        }
        row += row.isEmpty ? String(word) : " " + word
      }
      rows.append(row)
      return rows.joined(separator: "\n")
    }.joined(separator: "\n")
  }
}

/// Levenshtein distance: insertions, deletions and substitutions of characters.
private func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  var previous = Array(0...b.count)
  for i in 1...max(1, a.count) where !a.isEmpty {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...max(1, b.count) where !b.isEmpty {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return a.isEmpty ? b.count : previous[b.count]
}

/// Shared behaviour of every subcommand: errors from the libraries become one line on stderr and
/// exit status 2 (usage and setup errors); grading outcomes use 0 and 1.
protocol PracticeCommand: ParsableCommand {
  var global: GlobalOptions { get }
  func execute(_ terminal: Terminal) throws
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(help: "Colour: auto (when writing to a terminal and NO_COLOR is unset), always or never.")
  var color: ColorChoice = .auto
}

/// `--no-sandbox`, on the commands that compile and run learner code.
struct SandboxOptions: ParsableArguments {
  @Flag(
    name: .customLong("no-sandbox"),
    help: ArgumentHelp(
      "Compile and run your code without the bubblewrap sandbox (also PRACTICE_SANDBOX=off); "
        + "for machines where it cannot run. The attempt records `Sandbox: off`."))
  var noSandbox = false
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}

extension PracticeCommand {
  func run() throws {
    let terminal = Terminal(color: global.color)
    do {
      try execute(terminal)
    } catch let exit as ExitCode {
      throw exit
    } catch let error as CleanExit {
      throw error
    } catch PracticeError.grader(.interrupted(let signal)) {
      // The compiler or the program was stopped, staging folders removed, nothing recorded.
      terminal.restore()
      terminal.error("interrupted: nothing was recorded")
      throw ExitCode(128 + signal)
    } catch {
      terminal.error((error as? LocalizedError)?.errorDescription ?? "\(error)")
      throw ExitCode(2)
    }
  }
}

/// Finds practice's own files once per command.
func toolHome() throws -> ToolHome {
  try ToolHome.locate()
}

func currentDirectory() -> URL {
  URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
}

func openWorkspace() throws -> Workspace {
  try Workspace.open(from: currentDirectory(), home: try toolHome())
}
