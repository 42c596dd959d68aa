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
        practice list --json

      \(ExitStatus.plain)
      """)

  @Flag(help: "Print one JSON object on stdout (docs/json.md).")
  var json = false

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let overview = try workspace.overview()
    if json { return try terminal.printJSON(ListDocument(courseID: workspace.course.id, overview)) }
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

/// `practice list --json` (docs/json.md).
struct ListDocument: Encodable {
  struct CourseInfo: Encodable {
    var id, title, version: String
  }
  struct ModuleRow: Encodable {
    var id, title: String
    var bestScore, maxScore: Double
    var passed: Int
    var exercises: [ExerciseRow]
  }
  struct ExerciseRow: Encodable {
    var key, id, title, state: String
    /// 0 and 0 attempts before the first attempt; `maxScore` is then the course's points.
    var bestScore, maxScore: Double
    var attempts: Int
  }
  var course: CourseInfo
  var modules: [ModuleRow]

  init(courseID: String, _ overview: Overview) {
    course = CourseInfo(id: courseID, title: overview.courseTitle, version: overview.courseVersion)
    modules = overview.modules.map { module in
      ModuleRow(
        id: module.module.id, title: module.module.title, bestScore: module.bestScore, maxScore: module.maxScore,
        passed: module.passedCount,
        exercises: module.exercises.map {
          ExerciseRow(
            key: $0.exercise.key, id: $0.exercise.id, title: $0.exercise.title, state: $0.state.rawValue,
            bestScore: $0.entry?.bestScore ?? 0, maxScore: $0.entry?.maxScore ?? Double($0.exercise.points),
            attempts: $0.entry?.attempts ?? 0)
        })
    }
  }
}
