import Foundation
import Grader
import PracticeKit
import TestSupport
import Testing

/// A workspace following the tiny fixture course, with the folders kept alive as long as it is.
struct Scratch {
  let fixture: CourseFixture
  let parent: TemporaryDirectory
  let workspace: Workspace

  init(home: ToolHome) throws {
    fixture = try CourseFixture()
    parent = try TemporaryDirectory()
    workspace = try Workspace.create(at: parent.url.appendingPathComponent("ws"), coursePath: fixture.root, home: home)
  }
}

@Suite("Workspace use cases")
struct WorkspaceTests {
  let home = ToolHome(root: repositoryRoot)

  func grader() throws -> Grader {
    try Workspace.makeGrader(home: home, environment: testEnvironment)
  }

  @Test("init creates a repository with the course recorded and HEAD unborn")
  func create() throws {
    let fixture = try CourseFixture()
    let parent = try TemporaryDirectory()
    let target = parent.url.appendingPathComponent("ws")
    let workspace = try Workspace.create(at: target, coursePath: fixture.root, home: home)
    #expect(workspace.config.course.id == "tiny")
    #expect(workspace.config.course.version == "1.2.3")
    #expect(workspace.config.course.path == fixture.root.resolvingSymlinksInPath().path)
    #expect(!workspace.config.course.builtin)
    #expect(try git(["symbolic-ref", "HEAD"], in: target).stdout == "refs/heads/main\n")
    #expect(try git(["rev-parse", "--verify", "-q", "HEAD"], in: target).status != 0)
    let reopened = try Workspace.open(from: target.appendingPathComponent("Exercises"), home: home)
    #expect(reopened.root.path == target.path)
    #expect(reopened.course.id == "tiny")
  }

  @Test("the built-in course is recorded as built in")
  func builtin() throws {
    let parent = try TemporaryDirectory()
    let workspace = try Workspace.create(at: parent.url.appendingPathComponent("ws"), coursePath: nil, home: home)
    #expect(workspace.config.course.builtin)
    #expect(workspace.config.course.id == "practitioner-ml")
  }

  @Test("init refuses a folder that is not empty")
  func refusesNonEmpty() throws {
    let fixture = try CourseFixture()
    let directory = try TemporaryDirectory()
    try directory.write("mine", to: "file.txt")
    #expect(throws: PracticeError.self) {
      try Workspace.create(at: directory.url, coursePath: fixture.root, home: home)
    }
  }

  @Test("outside a workspace, commands say how to make one")
  func notAWorkspace() throws {
    let directory = try TemporaryDirectory()
    let error = #expect(throws: PracticeError.self) { try Workspace.open(from: directory.url, home: home) }
    #expect(error?.localizedDescription.contains("practice init") == true)
  }

  @Test("start writes the scaffold once and never overwrites the learner's work")
  func start() throws {
    let scratch = try Scratch(home: home)
    let workspace = scratch.workspace
    let exercise = try workspace.exercise(named: "add")
    let first = try workspace.start(exercise)
    #expect(first.wroteScaffold)
    #expect(first.files == ["Exercises/basics/add/Add.swift"])
    #expect(first.lesson.contains("Write `add`"))
    let file = workspace.root.appendingPathComponent("Exercises/basics/add/Add.swift")
    try "// my work\n".write(to: file, atomically: true, encoding: .utf8)
    let second = try workspace.start(exercise)
    #expect(!second.wroteScaffold)
    #expect(try String(contentsOf: file, encoding: .utf8) == "// my work\n")
  }

  @Test("grading before start says to start")
  func gradeBeforeStart() throws {
    let scratch = try Scratch(home: home)
    let workspace = scratch.workspace
    let error = #expect(throws: PracticeError.self) {
      try workspace.grade(try workspace.exercise(named: "add"), with: try grader())
    }
    #expect(error?.localizedDescription.contains("practice start basics/add") == true)
  }

  @Test("grades are recorded; progress keeps the best score and counts attempts")
  func gradeAndProgress() throws {
    let scratch = try Scratch(home: home)
    let workspace = scratch.workspace
    let exercise = try workspace.exercise(named: "add")
    _ = try workspace.start(exercise)
    let grader = try grader()
    let file = workspace.root.appendingPathComponent("Exercises/basics/add/Add.swift")

    let failing = try workspace.grade(exercise, with: grader)
    #expect(failing.document.status == "failed")
    #expect(failing.document.score == 0 && failing.document.maxScore == 3)
    #expect(failing.previous == nil)

    try CourseFixture.defaultSolution.write(to: file, atomically: true, encoding: .utf8)
    let passing = try workspace.grade(exercise, with: grader)
    #expect(passing.document.status == "passed")
    #expect(passing.document.score == 3)
    #expect(passing.previous?.bestScore == 0)

    try "func add(_ a: Int, _ b: Int) -> Int { a - b }\n".write(to: file, atomically: true, encoding: .utf8)
    let worse = try workspace.grade(exercise, with: grader)
    #expect(worse.document.score == 0)

    let entry = try #require(try workspace.progress().exercises["basics/add"])
    #expect(entry.bestScore == 3 && entry.passed && entry.attempts == 3 && entry.lastScore == 0)
    #expect(try workspace.attempts(of: exercise).map(\.id) == [worse.attempt, passing.attempt, failing.attempt])
    let overview = try workspace.overview()
    #expect(overview.modules[0].bestScore == 3)
    #expect(overview.next == nil)
  }

  @Test("an exercise that uses an earlier one compiles the learner's own earlier code, records it and reruns it")
  func usesEarlierCode() throws {
    let fixture = try CourseFixture(
      moduleJSON: """
        {"formatVersion": 1, "id": "basics", "title": "Basics", "exercises": [
          {"id": "add", "title": "Add", "files": ["Add.swift"], "points": 3},
          {"id": "twice", "title": "Twice", "files": ["Twice.swift"], "points": 2, "uses": ["add"]}
        ]}
        """)
    try fixture.directory.write("# Twice\n", to: "Curriculum/basics/twice.md")
    try fixture.directory.write(
      """
      import PracticeChecks

      let checks = CheckSuite {
        Check("twice", "twice(4) = 8", points: 2) { try expectEqual(twice(4), 8) }
      }
      """, to: "Curriculum/basics/twice/Checks.swift")
    try fixture.directory.write(
      "func twice(_ x: Int) -> Int { add(x, x) }\n", to: "Curriculum/basics/twice/Solution/Twice.swift")
    try fixture.directory.write(
      "func twice(_ x: Int) -> Int {\n  // TODO: use your add\n  return 0\n}\n",
      to: "Exercises/basics/twice/Twice.swift")
    let parent = try TemporaryDirectory()
    let workspace = try Workspace.create(
      at: parent.url.appendingPathComponent("ws"), coursePath: fixture.root, home: home)
    let grader = try grader()
    let twice = try workspace.exercise(named: "twice")
    _ = try workspace.start(twice)
    try "func twice(_ x: Int) -> Int { add(x, x) }\n".write(
      to: workspace.root.appendingPathComponent("Exercises/basics/twice/Twice.swift"), atomically: true,
      encoding: .utf8)

    let unstarted = #expect(throws: PracticeError.self) { try workspace.grade(twice, with: grader) }
    #expect(unstarted?.localizedDescription.contains("practice start basics/add") == true)

    _ = try workspace.start(try workspace.exercise(named: "add"))
    let withScaffold = try workspace.grade(twice, with: grader)
    #expect(withScaffold.document.status == "failed")
    let add = workspace.root.appendingPathComponent("Exercises/basics/add/Add.swift")
    try CourseFixture.defaultSolution.write(to: add, atomically: true, encoding: .utf8)
    let passing = try workspace.grade(twice, with: grader)
    #expect(passing.document.status == "passed")
    // The attempt holds the earlier exercise's code exactly as it was compiled.
    let stored = try git(["show", "\(passing.attempt):Exercises/basics/add/Add.swift"], in: workspace.root)
    #expect(stored.stdout == CourseFixture.defaultSolution)
    // The diff between the two attempts shows the change in the earlier exercise's code.
    let diff = try workspace.diff(withScaffold.attempt, passing.attempt)
    #expect(diff.patch.contains("Exercises/basics/add/Add.swift"), "\(diff.patch)")
    #expect(diff.patch.contains("+func add(_ a: Int, _ b: Int) -> Int { a + b }"), "\(diff.patch)")
    // Rerunning the first attempt uses the earlier code stored with it, not today's.
    let rerun = try workspace.rerun(withScaffold.attempt, with: grader)
    #expect(rerun.reproduced, "\(rerun.differences)")
    #expect(rerun.report.status.rawValue == "failed")
    // verify compiles the scaffold and the solution with the earlier exercise's reference solution.
    let findings = CourseVerifier(course: workspace.course, grader: grader).verify().findings
    let failures = findings.filter { !$0.ok }.map(\.message)
    #expect(failures.isEmpty, "\(failures)")
  }

  @Test("a compile error is an attempt too, scored 0 of the module's points")
  func compileErrorAttempt() throws {
    let scratch = try Scratch(home: home)
    let workspace = scratch.workspace
    let exercise = try workspace.exercise(named: "add")
    _ = try workspace.start(exercise)
    try "func add(_ a: Int, _ b: Int) -> Int { a + }\n".write(
      to: workspace.root.appendingPathComponent("Exercises/basics/add/Add.swift"), atomically: true, encoding: .utf8)
    let outcome = try workspace.grade(exercise, with: try grader())
    #expect(outcome.document.status == "compileError")
    #expect(outcome.document.maxScore == 3)
    #expect(outcome.document.compilerOutput?.contains("Exercises/basics/add/Add.swift:1:") == true)
    #expect(try workspace.attempts(of: nil).first?.status == "compileError")
  }
}

@Suite("Course verification")
struct CourseVerifierTests {
  let home = ToolHome(root: repositoryRoot)

  func verify(_ fixture: CourseFixture) throws -> [VerifyFinding] {
    let course = try Workspace.loadCourseForAuthoring(fixture.root)
    return CourseVerifier(course: course, grader: try Workspace.makeGrader(home: home, environment: testEnvironment))
      .verify().findings
  }

  @Test("a good course verifies")
  func good() throws {
    let findings = try verify(try CourseFixture())
    #expect(findings.allSatisfy { $0.ok }, "\(findings.map { $0.message })")
    #expect(findings.count == 2)
  }

  @Test("a reference solution that fails is reported")
  func badSolution() throws {
    let findings = try verify(try CourseFixture(solution: "func add(_ a: Int, _ b: Int) -> Int { a * b }\n"))
    #expect(
      findings.contains {
        !$0.ok && $0.message.contains("reference solution scores") && $0.message.contains("negative")
      })
  }

  @Test("checks reporting a metric name outside the rule are reported, naming the check and the metric")
  func refusedMetricName() throws {
    let checks = """
      import PracticeChecks

      let checks = CheckSuite {
        Check("small", "2 + 3 = 5", points: 1) {
          try expectEqual(add(2, 3), 5)
          report("bits per char", 0.42)
        }
        Check("negative", "-2 + -3 = -5", points: 2) { try expectEqual(add(-2, -3), -5) }
      }
      """
    let findings = try verify(try CourseFixture(checks: checks))
    let finding = try #require(findings.first { !$0.ok }, "\(findings.map(\.message))")
    #expect(finding.message.hasPrefix("reference solution scores 2/3 (failed): "))
    #expect(
      finding.message.contains(
        "small fail: metric name \"bits per char\" is not allowed: use lowercase letters, digits and '-' (at most 64)"),
      "\(finding.message)")
  }

  @Test("a scaffold that already passes is reported")
  func passingScaffold() throws {
    let findings = try verify(try CourseFixture(scaffold: CourseFixture.defaultSolution))
    #expect(findings.contains { !$0.ok && $0.message.contains("already scores 100%") })
  }

  @Test("a scaffold that does not compile is reported")
  func brokenScaffold() throws {
    let findings = try verify(try CourseFixture(scaffold: "func add(\n"))
    #expect(findings.contains { !$0.ok && $0.message.contains("does not compile") })
  }

  @Test("points that do not match the checks are reported")
  func pointsMismatch() throws {
    let module = CourseFixture.defaultModuleJSON.replacingOccurrences(of: "\"points\": 3", with: "\"points\": 4")
    let findings = try verify(try CourseFixture(moduleJSON: module))
    #expect(findings.contains { !$0.ok && $0.message.contains("worth 3 points but module.json says 4") })
  }

  @Test("missing files are reported by path")
  func missingFiles() throws {
    let fixture = try CourseFixture()
    try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Curriculum/basics/add.md"))
    let findings = try verify(fixture)
    #expect(findings.contains { !$0.ok && $0.message.contains("missing file") && $0.message.contains("add.md") })
  }
}

@Suite("Hints, solutions and locks")
struct HelpTests {
  let home = ToolHome(root: repositoryRoot)

  @Test("hints come one at a time and every later attempt records how many were seen")
  func hints() throws {
    let scratch = try Scratch(home: home)
    let workspace = scratch.workspace
    let exercise = try workspace.exercise(named: "add")
    let first = try workspace.nextHint(for: exercise)
    #expect(first.number == 1 && first.total == 1 && first.text == "Use +.")
    #expect(try workspace.nextHint(for: exercise).number == 1, "the last hint repeats")
    _ = try workspace.start(exercise)
    let outcome = try workspace.grade(
      exercise, with: try Workspace.makeGrader(home: home, environment: testEnvironment))
    let shown = try workspace.show(outcome.attempt)
    #expect(shown.details.trailers["Hints-Used"] == "1/1")
  }

  @Test("the solution opens after passing, or with --force, which is recorded")
  func solution() throws {
    let scratch = try Scratch(home: home)
    let workspace = scratch.workspace
    let exercise = try workspace.exercise(named: "add")
    #expect(throws: PracticeError.self) { try workspace.solution(of: exercise, force: false) }
    let files = try workspace.solution(of: exercise, force: true)
    #expect(files.first?.text == CourseFixture.defaultSolution)
    _ = try workspace.start(exercise)
    let outcome = try workspace.grade(
      exercise, with: try Workspace.makeGrader(home: home, environment: testEnvironment))
    #expect(try workspace.show(outcome.attempt).details.trailers["Solution-Viewed"] == "before passing")
  }

  @Test("a module with an unfinished prerequisite is locked, and the error says what to finish")
  func locked() throws {
    let course = try CourseFixture(
      courseJSON: #"{"formatVersion": 1, "id": "t", "title": "T", "version": "1", "modules": ["basics", "more"]}"#)
    try course.directory.write(
      #"{"formatVersion": 1, "id": "more", "title": "More", "prerequisites": ["basics"], "exercises": [{"id": "sub", "title": "Subtract", "files": ["Add.swift"], "points": 1, "scaffold": "../../Exercises/basics/add", "checks": "../basics/add/Checks.swift", "solution": "../basics/add/Solution", "lesson": "../basics/add.md"}]}"#,
      to: "Curriculum/more/module.json")
    let parent = try TemporaryDirectory()
    let workspace = try Workspace.create(
      at: parent.url.appendingPathComponent("ws"), coursePath: course.root, home: home)
    let error = #expect(throws: PracticeError.self) { try workspace.start(try workspace.exercise(named: "more/sub")) }
    let message = error?.localizedDescription ?? ""
    #expect(
      message.contains("more/sub is locked") && message.contains("finish the module basics first (0 of 1 passed)"))
    #expect(message.contains("practice start basics/add"))
  }
}
