import ArgumentParser
import Foundation
import PracticeKit

struct Init: PracticeCommand {
  @OptionGroup var global: GlobalOptions

  static let configuration = CommandConfiguration(
    abstract: "Create a new workspace (a git repository) that follows a course.",
    discussion: """
      Example:
        practice init ~/ml-practice
        practice init ~/my-course-work --course ~/courses/my-course

      \(ExitStatus.plain)
      """)

  @Argument(help: "The folder to create.", completion: .directory)
  var directory: String

  @Option(
    help: "A course folder (holding Curriculum/course.json); default: the built-in course.", completion: .directory)
  var course: String?

  func execute(_ terminal: Terminal) throws {
    let home = try toolHome()
    let target = URL(fileURLWithPath: directory, relativeTo: currentDirectory()).standardizedFileURL
    let coursePath = course.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory()).standardizedFileURL }
    let workspace = try Workspace.create(at: target, coursePath: coursePath, home: home)
    let course = workspace.course
    // The editor's compile commands, empty until an exercise is started (no build needed yet).
    _ = try? workspace.writeEditorSupport(with: workspace.makeGrader())
    terminal.print("Created workspace \(target.path)")
    terminal.print("  course: \(course.title) (\(course.id) \(course.version)), \(course.exercises.count) exercises")
    terminal.print("  attempts are recorded on the git branch practice/attempts; your own branches stay yours")
    terminal.print()
    terminal.print("Next:")
    terminal.print("  cd \(directory)")
    terminal.print("  practice start")
  }
}
