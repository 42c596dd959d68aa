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
