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
    let idWidth = workspace.course.exercises.map(\.id.count).max() ?? 10
    let titleWidth = min(48, workspace.course.exercises.map(\.title.count).max() ?? 20)
    for module in overview.modules {
      terminal.print(
        terminal.styled("\(module.module.id)", .bold) + " — \(module.module.title)  "
          + terminal.styled("\(points(module.bestScore))/\(points(module.maxScore))", .dim))
      for row in module.exercises {
        let best = row.entry.map { points($0.bestScore) } ?? "–"
        let max = row.entry.map { points($0.maxScore) } ?? String(row.exercise.points)
        let title =
          row.exercise.title.count > titleWidth
          ? String(row.exercise.title.prefix(titleWidth - 1)) + "…" : row.exercise.title
        let line =
          "  \(mark(row.state, terminal)) \(pad(row.exercise.id, idWidth + 2))\(pad(title, titleWidth + 2))"
          + "\(pad(row.state.rawValue, 13))\(best)/\(max)"
        terminal.print(line)
      }
      terminal.print()
    }
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
