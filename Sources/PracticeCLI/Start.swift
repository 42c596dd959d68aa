import ArgumentParser
import Foundation
import PracticeKit

struct Start: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "Show an exercise's lesson and write its scaffold into the workspace.",
    discussion: """
      Without EXERCISE: the next exercise not yet passed.

      Example:
        practice start
        practice start information-theory/huffman

      \(ExitStatus.help(.success, .setup, .pagerInterrupted))
      """)

  @Argument(help: "module/exercise, or an exercise id used by one module only.", completion: Completion.exercise)
  var exercise: String?

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let chosen: PracticeKit.Workspace.StartResult
    if let exercise {
      chosen = try workspace.start(try workspace.exercise(named: exercise))
    } else {
      guard let next = workspace.nextExercise(progress: try workspace.progress()) else {
        throw PracticeError.nothingLeft
      }
      chosen = try workspace.start(next)
    }
    let renderer = MarkdownRenderer(terminal: terminal, width: terminal.width)
    try terminal.page(renderer.render(chosen.lesson.trimmingCharacters(in: .newlines)))
    terminal.print()
    terminal.print(terminal.styled("── \(chosen.exercise.key) ──", .bold))
    terminal.print(chosen.wroteScaffold ? "Wrote the scaffold. Edit:" : "Your files are already here. Edit:")
    for file in chosen.files {
      terminal.print("  " + terminal.styled(workspace.root.appendingPathComponent(file).path, .cyan))
    }
    let used = workspace.course.usedExercises(of: chosen.exercise)
    if !used.isEmpty {
      let text = "It builds on your code from \(used.map(\.key).joined(separator: ", ")), compiled with it."
      terminal.print(renderer.wrap(text, first: "", rest: "").joined(separator: "\n"))
    }
    terminal.print("Then grade it:")
    terminal.print("  practice grade \(chosen.exercise.key)")
  }
}
