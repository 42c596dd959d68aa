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
      last started or graded. Keys work during a grade: q cancels it (nothing is recorded) and
      quits; h and l wait for it to end. n: the next exercise (after a pass), its lesson and file.
      l: the exercises, ↑↓ or j k to move, Enter to start one, q or Esc to go back. h: a hint for
      the checks that failed in the latest attempt.

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
    let first = try workspace.start(current)
    let grader = try workspace.makeGrader(sandboxOff: sandbox.noSandbox)
    let events = try WatchEvents(
      folder: workspace.root.appendingPathComponent(current.workspaceFolder), files: current.files, readKeys: true)
    /// The files to edit: printed under every verdict, just above the keys, so they stay on screen
    /// however long the verdict is.
    var editLines = self.editLines(first, workspace: workspace, terminal: terminal)
    var latest: GradeOutcome?
    let clearScreen = "\u{1B}[2J\u{1B}[H"

    func footer() {
      terminal.print()
      editLines.forEach { terminal.print($0) }
      terminal.print(terminal.styled("save to re-grade · ", .dim) + keysLine(terminal))
    }
    /// Shows the latest verdict again (after the list).
    func redraw() {
      if terminal.interactive { terminal.write(clearScreen) }
      if let latest { GradeRendering(terminal: terminal).render(latest) }
      footer()
    }
    /// Grades, shows the verdict in place of the previous one, and says which keys work; false
    /// when `q` cancelled the grade (nothing recorded).
    func grade(clear: Bool = true) throws -> Bool {
      if terminal.interactive && clear { terminal.write(clearScreen) }
      let live = ProgressLine(terminal: terminal, enabled: true)
      let rendering = GradeRendering(terminal: terminal)
      let table = LiveTable(rendering: rendering, live: live)
      table.begin(current.key, title: current.title)
      let outcome = try events.whileReadingKeys {
        try workspace.grade(
          current, with: grader, onProgress: { live.update($0) }, onBuild: { live.build($0) },
          onCheckEnded: { table.add($0, $1) })
      }
      live.finish()
      guard let outcome else {
        terminal.print("Grade cancelled (q): nothing was recorded. Stopped watching.")
        return false
      }
      latest = outcome
      rendering.render(outcome, printed: table.printed)
      footer()
      return true
    }
    /// Starts `next`: its lesson stays on screen above its first grade, the files to edit below.
    func switchTo(_ next: CourseExercise) throws -> Bool {
      let started = try workspace.start(next)
      current = next
      latest = nil
      try events.watch(folder: workspace.root.appendingPathComponent(next.workspaceFolder), files: next.files)
      if terminal.interactive { terminal.write(clearScreen) }
      let renderer = MarkdownRenderer(terminal: terminal, width: terminal.width)
      try terminal.page(renderer.render(started.lesson.trimmingCharacters(in: .newlines)))
      terminal.print()
      editLines = self.editLines(started, workspace: workspace, terminal: terminal)
      terminal.print(
        fit(terminal.styled("── \(started.exercise.key) ──", .bold) + " " + started.exercise.title, terminal.width))
      return try grade(clear: false)
    }

    guard try grade() else { return }
    // One event loop: file saves and keys arrive through the same source.
    while let event = events.next() {
      switch event {
      case .changed:
        guard try grade() else { return }
      case .key("q"):
        terminal.print("Stopped watching.")
        return
      case .key("h"):
        terminal.print(hintText(for: current, latest: latest, workspace: workspace, terminal: terminal))
      case .key("l"):
        let rows = try workspace.overview().modules.flatMap(\.exercises)
        let (chosen, saved) = chooseFromList(rows, current: current, events: events, terminal: terminal)
        if let chosen {
          do {
            try workspace.checkUnlocked(chosen.exercise)
          } catch {
            redraw()
            terminal.print(error.localizedDescription)
            continue
          }
          guard try switchTo(chosen.exercise) else { return }
        } else if saved {
          guard try grade() else { return }
        } else {
          redraw()
        }
      case .key("n"):
        let progress = try workspace.progress()
        let passed = latest?.document.status == "passed" || progress.exercises[current.key]?.passed == true
        guard passed else {
          terminal.print("\(current.key) is not passed yet: keep going, or `h` for a hint.")
          continue
        }
        guard let next = workspace.nextExercise(after: current, progress: progress) else {
          terminal.print(terminal.styled("Every exercise is passed. Well done.", .green))
          continue
        }
        guard try switchTo(next) else { return }
      case .key:
        terminal.print(keysLine(terminal))
      case .up, .down, .enter, .escape:
        continue
      }
    }
  }

  func keysLine(_ terminal: Terminal) -> String {
    terminal.styled("keys: n next · h hint · l list · q quit", .dim)
  }

  /// `edit: PATH` for each file the learner edits.
  func editLines(_ started: Workspace.StartResult, workspace: Workspace, terminal: Terminal) -> [String] {
    started.files.map { "edit: " + terminal.styled(workspace.root.appendingPathComponent($0).path, .cyan) }
  }

  /// `h`: the hints of the checks that failed in the latest attempt (else the next progressive
  /// hint); nothing when it passed every check.
  func hintText(
    for exercise: CourseExercise, latest: GradeOutcome?, workspace: Workspace, terminal: Terminal
  ) -> String {
    do {
      let results = latest?.document ?? workspace.latestResults(of: exercise)
      let choice = try workspace.hint(for: exercise, latest: results)
      if case .allPassed = choice {
        return "Every check passed in the latest attempt: no hint needed (`n` for the next exercise)."
      }
      return PracticeCLI.hintText(choice, exercise: exercise.key, terminal: terminal)
    } catch {
      return error.localizedDescription
    }
  }

  /// `l`: the exercises as a list drawn within the terminal (scrolled when longer); arrow keys or
  /// j k move, Enter chooses, q or Esc go back. Returns the chosen row, and whether a watched
  /// file was saved meanwhile.
  func chooseFromList(
    _ rows: [ExerciseProgress], current: CourseExercise, events: WatchEvents, terminal: Terminal
  ) -> (ExerciseProgress?, saved: Bool) {
    let size = terminal.size
    let columns = min(size.columns, Terminal.maximumWidth) - 1
    var navigator = ListNavigator(
      count: rows.count, height: size.rows - 3, selected: rows.firstIndex { $0.exercise.key == current.key } ?? 0)
    let keyWidth = min(columns - 14, (rows.map { $0.exercise.key.count }.max() ?? 10) + 1)
    func draw() {
      var screen = terminal.interactive ? "\u{1B}[2J\u{1B}[H" : ""
      screen += terminal.styled(fit("Exercises   ↑↓ or j k move · Enter start · q or Esc back", columns), .bold) + "\n"
      for index in navigator.visible {
        let row = rows[index]
        let marker = index == navigator.selected ? "▶" : (row.exercise.key == current.key ? "•" : " ")
        let best = row.entry.map { "  best \(points($0.bestScore))/\(points($0.maxScore))" } ?? ""
        let line = fit("\(marker) \(pad(row.exercise.key, keyWidth)) \(row.state.rawValue)\(best)", columns)
        screen += (index == navigator.selected ? terminal.styled(line, .bold, .cyan) : line) + "\n"
      }
      let shown = navigator.visible
      screen += terminal.styled(fit("\(shown.lowerBound + 1)–\(shown.upperBound) of \(rows.count)", columns), .dim)
      terminal.print(screen)
    }
    draw()
    var saved = false
    while let event = events.next() {
      if event == .changed {
        saved = true
        continue
      }
      switch navigator.handle(event) {
      case .moved: draw()
      case .choose(let index): return (rows[index], saved)
      case .back: return (nil, saved)
      case .ignored: continue
      }
    }
    return (nil, saved)
  }
}

/// `text` cut with … to at most `width` columns (ANSI styles are not counted but must not be cut:
/// only plain text is shortened).
func fit(_ text: String, _ width: Int) -> String {
  guard displayWidth(text) > width, width > 1 else { return text }
  var shown = text
  while displayWidth(shown) > width - 1, !shown.isEmpty { shown.removeLast() }
  return shown + "…"
}
