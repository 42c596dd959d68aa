import ArgumentParser
import Foundation
import PracticeKit

struct Watch: PracticeCommand {
  @OptionGroup var global: GlobalOptions
  @OptionGroup var sandbox: SandboxOptions

  static let configuration = CommandConfiguration(
    abstract: "Re-grade on every save of your files; keys: n next exercise, h hint, l list, q quit.",
    discussion: """
      Grades once at the start, then after every save (editors that save by renaming a temporary
      file are seen too). Every grade is recorded as an attempt. Without EXERCISE: the exercise you
      last started.

      Example:
        practice watch
        practice watch information-theory/huffman

      \(exitStatus)
      """)
  static let exitStatus = ExitStatus.help(
    .init(code: "0", meaning: "stopped with q (or at the end of input)"),
    .setup,
    .interrupted)

  @Argument(help: "module/exercise, or an exercise id used by one module only.", completion: Completion.exercise)
  var exercise: String?

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    var current =
      try exercise.map { try workspace.exercise(named: $0) }
      ?? workspace.currentExercise(progress: try workspace.progress())
    _ = try workspace.start(current)
    let grader = try workspace.makeGrader(sandboxOff: sandbox.noSandbox)
    let events = try WatchEvents(
      folder: workspace.root.appendingPathComponent(current.workspaceFolder), files: current.files, readKeys: true)
    /// Grades, shows the verdict in place of the previous one, and says which keys work.
    func grade() throws -> Bool {
      if terminal.interactive { terminal.write("\u{1B}[2J\u{1B}[H") }
      let live = ProgressLine(terminal: terminal, enabled: true)
      let rendering = GradeRendering(terminal: terminal)
      let table = LiveTable(rendering: rendering, live: live)
      table.begin(current.key, title: current.title)
      let outcome = try workspace.grade(
        current, with: grader, onProgress: { live.update($0) }, onBuild: { live.build($0) },
        onCheckEnded: { table.add($0, $1) })
      live.finish()
      rendering.render(outcome, printed: table.printed)
      terminal.print()
      terminal.print(
        terminal.styled("watching \(current.workspaceFolder) — save to re-grade", .dim) + "   " + keysLine(terminal))
      return outcome.document.status == "passed"
    }
    var passed = try grade()
    // One event loop: file saves and keys arrive through the same source.
    while let event = events.next() {
      switch event {
      case .changed:
        passed = try grade()
      case .key("q"):
        terminal.print("Stopped watching.")
        return
      case .key("h"):
        do {
          let hint = try workspace.nextHint(for: current)
          terminal.print(terminal.styled("hint \(hint.number) of \(hint.total): ", .yellow) + hint.text)
        } catch {
          terminal.print(error.localizedDescription)
        }
      case .key("l"):
        for row in try workspace.overview().modules.flatMap(\.exercises) {
          let marker = row.exercise.key == current.key ? "▶" : " "
          terminal.print("\(marker) \(pad(row.exercise.key, 44))\(row.state.rawValue)")
        }
      case .key("n"):
        let everPassed = try workspace.progress().exercises[current.key]?.passed == true
        guard passed || everPassed else {
          terminal.print("\(current.key) is not passed yet: keep going, or `h` for a hint.")
          continue
        }
        guard let next = workspace.nextExercise(progress: try workspace.progress()) else {
          terminal.print(terminal.styled("Every exercise is passed. Well done.", .green))
          continue
        }
        current = next
        let started = try workspace.start(next)
        try events.watch(folder: workspace.root.appendingPathComponent(next.workspaceFolder), files: next.files)
        terminal.print(terminal.styled("── \(next.key) ──", .bold) + " edit:")
        for file in started.files { terminal.print("  " + workspace.root.appendingPathComponent(file).path) }
        terminal.print("(`practice start \(next.key)` in another terminal shows the lesson)")
        passed = try grade()
      case .key:
        terminal.print(keysLine(terminal))
      }
    }
  }

  func keysLine(_ terminal: Terminal) -> String {
    terminal.styled("keys: n next · h hint · l list · q quit", .dim)
  }
}
