import ArgumentParser
import Foundation
import PracticeKit

struct Verify: PracticeCommand {
  @OptionGroup var global: GlobalOptions
  @OptionGroup var sandbox: SandboxOptions

  static let configuration = CommandConfiguration(
    abstract: "For course authors: prove every solution scores 100% and every scaffold compiles and scores less.",
    usage: "practice verify [<options>] [<only> ...]",
    discussion: """
      Lessons are checked first, compiling nothing: each line of a code block and each table \
      must fit 80 columns as `practice start` shows it (they are never reflowed); a wider one \
      is a failing finding naming the lesson's file and line.

      Example:
        practice verify
        practice verify --course ~/courses/my-course
        practice verify lstm/train-char-lstm
        practice verify lstm              (a whole module)

      \(exitStatus)
      """)
  static let exitStatus = ExitStatus.help(
    .init(code: "0", meaning: "every solution scores 100% and every scaffold less"),
    .init(code: "1", meaning: "a finding failed (marked ✘)"),
    .setup,
    .interrupted)

  @Argument(
    help: "Exercises (module/exercise or a unique id) or modules to verify; default: all.",
    completion: Completion.exerciseOrModule)
  var only: [String] = []

  @Option(help: "The course folder to verify; default: the built-in course.", completion: .directory)
  var course: String?

  func execute(_ terminal: Terminal) throws {
    let home = try toolHome()
    let path =
      course.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory()).standardizedFileURL } ?? home.builtinCourse
    let loaded = try Workspace.loadCourseForAuthoring(path)
    terminal.print(
      "verify \(loaded.id) \(loaded.version): \(loaded.exercises.count) exercises in \(loaded.modules.count) modules")
    let grader = try Workspace.makeGrader(home: home, sandboxOff: sandbox.noSandbox)
    let verifier = CourseVerifier(course: loaded, grader: grader)
    var selected: Set<String>?
    if !only.isEmpty {
      var keys: Set<String> = []
      for name in only {
        if let module = loaded.modules.first(where: { $0.id == name }) {
          keys.formUnion(module.exercises.map(\.key))
        } else {
          keys.insert(try loaded.exercise(named: name).key)
        }
      }
      selected = keys
    }
    let (findings, interrupted) = verifier.verify(only: selected) { finding in
      let mark = finding.ok ? terminal.styled("✔", .green) : terminal.styled("✘", .red)
      terminal.print("\(mark) \(finding.exercise): \(finding.message)")
    }
    if let interrupted { throw PracticeError.grader(.interrupted(interrupted)) }
    let failed = findings.filter { !$0.ok }.count
    terminal.print("verify: \(findings.count - failed) passed, \(failed) failed")
    if failed > 0 { throw ExitCode(1) }
  }
}
