import ArgumentParser
import Foundation
import PracticeKit

struct Start: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "Show an exercise's lesson and write its scaffold into the workspace.",
    discussion: """
      Without EXERCISE: the exercise you are on until it passes, then the next one after it \
      (in its module first) — the "Next" that grade, watch and the home screen name.

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
      // The exercise you are on until it passes, then the next one after it (its module first):
      // the same "Next" that grade, watch and the home screen name.
      let snapshot = try workspace.progress()
      let current = try workspace.currentExercise(progress: snapshot)
      let next =
        snapshot.exercises[current.key]?.passed == true
        ? workspace.nextExercise(after: current, progress: snapshot) : current
      guard let next else { throw PracticeError.nothingLeft }
      chosen = try workspace.start(next)
    }
    let editor = try editorSupport(workspace, terminal)
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
    if let editor {
      terminal.print(
        terminal.styled(
          "Editor: \(Workspace.compileCommandsPath) is up to date for sourcekit-lsp.",
          .dim))
    }
  }

  /// Keeps compile_commands.json for the editor, building the support modules first when the
  /// cache lacks them (saying so), so completion and diagnostics work before the first grade. A
  /// failure is a warning: the lesson and the scaffold matter more. Ctrl-C exits (130).
  func editorSupport(_ workspace: Workspace, _ terminal: Terminal) throws -> Workspace.EditorSupport? {
    let live = ProgressLine(terminal: terminal, enabled: true)
    defer { live.finish() }
    do {
      let grader = try workspace.makeGrader()
      return try workspace.writeEditorSupport(with: grader, onBuild: { live.build($0) })
    } catch PracticeError.grader(.interrupted(let signal)) {
      live.finish()
      terminal.restore()
      throw ExitCode(128 + signal)
    } catch {
      live.finish()
      terminal.warn("editor support: \(error); your editor may not know the learner library yet")
      return nil
    }
  }
}
