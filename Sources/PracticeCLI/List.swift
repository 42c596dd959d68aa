import ArgumentParser
import Foundation
import PracticeKit

struct List: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "Every module and exercise with its status and best score.",
    discussion: """
      Example:
        practice list
      """)

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let overview = try workspace.overview()
    let idWidth = workspace.course.exercises.map { displayWidth($0.id) }.max() ?? 10
    let stateWidth = [ExerciseState.notStarted, .started, .attempted, .passed].map { $0.rawValue.count }.max() ?? 11
    let scoreWidth = overview.modules.flatMap(\.exercises).map { score($0).count }.max() ?? 5
    // The title takes what the other columns leave of the width (80 when piped), at most 48.
    let fixed = 4 + (idWidth + 2) + 2 + (stateWidth + 1) + scoreWidth
    let longestTitle = workspace.course.exercises.map { displayWidth($0.title) }.max() ?? 20
    let titleWidth = max(12, min(48, longestTitle, terminal.width - fixed))
    for module in overview.modules {
      terminal.print(
        terminal.styled("\(module.module.id)", .bold) + " — \(module.module.title)  "
          + terminal.styled("\(points(module.bestScore))/\(points(module.maxScore))", .dim))
      for row in module.exercises {
        let title =
          displayWidth(row.exercise.title) > titleWidth
          ? String(row.exercise.title.prefix(titleWidth - 1)) + "…" : row.exercise.title
        let line =
          "  \(mark(row.state, terminal)) \(pad(row.exercise.id, idWidth + 2))\(pad(title, titleWidth + 2))"
          + "\(pad(row.state.rawValue, stateWidth + 1))\(score(row))"
        terminal.print(line)
      }
      terminal.print()
    }
  }

  /// `best/max`, `–/max` before the first grade.
  func score(_ row: ExerciseProgress) -> String {
    let best = row.entry.map { points($0.bestScore) } ?? "–"
    let max = row.entry.map { points($0.maxScore) } ?? String(row.exercise.points)
    return "\(best)/\(max)"
  }

  func mark(_ state: ExerciseState, _ terminal: Terminal) -> String {
    switch state {
    case .passed: return terminal.styled("✔", .green)
    case .attempted: return terminal.styled("●", .yellow)
    case .started: return terminal.styled("◐", .blue)
    case .notStarted: return terminal.styled("○", .dim)
    }
  }
}
