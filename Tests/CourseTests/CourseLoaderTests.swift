import Course
import Foundation
import TestSupport
import Testing

@Suite("Course loading")
struct CourseLoaderTests {
  @Test("the built-in course loads, with conventional paths resolved")
  func builtinCourse() throws {
    let course = try CourseLoader.load(from: repositoryRoot)
    #expect(course.id == "practitioner-ml")
    #expect(course.modules.map(\.id).first == "information-theory")
    let entropy = try course.exercise(named: "information-theory/entropy")
    #expect(entropy.files == ["Entropy.swift"])
    #expect(entropy.points == 8)
    #expect(entropy.lesson.path.hasSuffix("Curriculum/information-theory/entropy.md"))
    #expect(entropy.checks.path.hasSuffix("Curriculum/information-theory/entropy/Checks.swift"))
    #expect(entropy.solution.path.hasSuffix("Curriculum/information-theory/entropy/Solution"))
    #expect(entropy.scaffold.path.hasSuffix("Exercises/information-theory/entropy"))
    #expect(entropy.workspaceFolder == "Exercises/information-theory/entropy")
    #expect(course.exercises.map(\.id).starts(with: ["entropy", "joint-entropy", "kl-divergence"]))
  }

  @Test("the course can be named by its root, its Curriculum folder or course.json")
  func pathForms() throws {
    let fixture = try CourseFixture()
    for path in [
      fixture.root, fixture.root.appendingPathComponent("Curriculum"),
      fixture.root.appendingPathComponent("Curriculum/course.json"),
    ] {
      let course = try CourseLoader.load(from: path)
      #expect(course.id == "tiny")
      #expect(course.version == "1.2.3")
    }
  }

  @Test("a folder without Curriculum/course.json is refused")
  func notACourse() throws {
    let empty = try TemporaryDirectory()
    #expect(throws: CourseError.courseNotFound(empty.url.path)) { try CourseLoader.load(from: empty.url) }
  }

  @Test("exercises resolve by module/exercise or by a unique id")
  func resolution() throws {
    let course = try CourseLoader.load(from: repositoryRoot)
    #expect(try course.exercise(named: "kl-divergence").key == "information-theory/kl-divergence")
    #expect(try course.exercise(named: "information-theory/joint-entropy").id == "joint-entropy")
    let error = #expect(throws: CourseError.self) { try course.exercise(named: "entropi") }
    #expect(error?.localizedDescription.contains("no exercise 'entropi'") == true)
  }

  @Test("uses names earlier exercises, by id in the same module or by module/exercise, resolved transitively")
  func uses() throws {
    let fixture = try CourseFixture(
      courseJSON: #"{"formatVersion": 1, "id": "t", "title": "T", "version": "1", "modules": ["basics", "more"]}"#)
    try fixture.directory.write(
      #"""
      {"formatVersion": 1, "id": "more", "title": "More", "exercises": [
        {"id": "twice", "title": "Twice", "files": ["Twice.swift"], "points": 1, "uses": ["basics/add"]},
        {"id": "thrice", "title": "Thrice", "files": ["Thrice.swift"], "points": 1, "uses": ["twice"]}
      ]}
      """#,
      to: "Curriculum/more/module.json")
    let course = try CourseLoader.load(from: fixture.root)
    let thrice = try course.exercise(named: "thrice")
    #expect(thrice.uses == ["more/twice"])
    #expect(course.usedExercises(of: thrice).map(\.key) == ["basics/add", "more/twice"])
    #expect(course.usedExercises(of: try course.exercise(named: "add")).isEmpty)
  }

  @Test("an exercise id used by two modules is ambiguous")
  func ambiguous() throws {
    let fixture = try CourseFixture(
      courseJSON: #"{"formatVersion": 1, "id": "t", "title": "T", "version": "1", "modules": ["basics", "more"]}"#)
    try fixture.directory.write(
      #"{"formatVersion": 1, "id": "more", "title": "More", "exercises": [{"id": "add", "title": "Add again", "files": ["Add.swift"], "points": 1}]}"#,
      to: "Curriculum/more/module.json")
    let course = try CourseLoader.load(from: fixture.root)
    #expect(throws: CourseError.ambiguousExercise("add", candidates: ["basics/add", "more/add"])) {
      try course.exercise(named: "add")
    }
    #expect(try course.exercise(named: "more/add").title == "Add again")
  }
}

/// Each broken course must produce an error naming the file, the JSON path and the expectation.
@Suite("Course errors")
struct CourseErrorTests {
  static let module = "Curriculum/basics/module.json"
  static let course = "Curriculum/course.json"

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var courseJSON: String?
    var moduleJSON: String?
    var expected: [String]
    /// Changes the fixture on disk (given its root) before loading.
    var setUp: (@Sendable (URL) throws -> Void)? = nil
    var testDescription: String { name }
  }

  static func module(exercise: String, extra: String = "") -> String {
    #"{"formatVersion": 1, "id": "basics", "title": "Basics", \#(extra) "exercises": [\#(exercise)]}"#
  }

  static let good = #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 3}"#

  static let cases: [Case] = [
    Case(
      name: "missing format version", courseJSON: #"{"id": "t", "title": "T", "version": "1", "modules": []}"#,
      expected: [course, "$.formatVersion", "missing", "whole number"]),
    Case(
      name: "newer format version",
      courseJSON: #"{"formatVersion": 2, "id": "t", "title": "T", "version": "1", "modules": []}"#,
      expected: [course, "$.formatVersion", "newer than this tool supports (1)", "update practice"]),
    Case(
      name: "module format version 0",
      moduleJSON: #"{"formatVersion": 0, "id": "basics", "title": "B", "exercises": []}"#,
      expected: [module, "$.formatVersion", "at least 1"]),
    Case(
      name: "invalid JSON", moduleJSON: #"{"formatVersion": 1, "id": "basics""#, expected: [module, "not valid JSON"]),
    Case(
      name: "points of the wrong type",
      moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": "ten"}"#),
      expected: [module, "$.exercises[0].points", "expected a whole number", "\"ten\""]),
    Case(
      name: "points zero",
      moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 0}"#),
      expected: [module, "$.exercises[0].points", "from 1 to 1000", "found the number 0"]),
    Case(
      name: "missing title", moduleJSON: module(exercise: #"{"id": "add", "files": ["Add.swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].title", "missing"]),
    Case(
      name: "unknown field (a typo)",
      moduleJSON: module(
        exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 1, "hint": "x"}"#),
      expected: [module, "$.exercises[0].hint", "unknown field", "hints"]),
    Case(
      name: "absolute lesson path",
      moduleJSON: module(
        exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 1, "lesson": "/etc/passwd"}"#),
      expected: [module, "$.exercises[0].lesson", "/etc/passwd", "inside the course folder"]),
    Case(
      name: "lesson path leaving the course",
      moduleJSON: module(
        exercise:
          #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 1, "lesson": "../../../outside.md"}"#),
      expected: [module, "$.exercises[0].lesson", "inside the course folder"]),
    Case(
      name: "scaffold path leaving the course",
      moduleJSON: module(
        exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 1, "scaffold": "../../.."}"#),
      expected: [module, "$.exercises[0].scaffold", "inside the course folder"]),
    Case(
      name: "file name with a folder",
      moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": ["../Add.swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].files[0]", "plain .swift file name"]),
    Case(
      name: "main.swift as a learner file",
      moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": ["main.swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].files[0]", "main.swift"]),
    Case(
      name: "no files", moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": [], "points": 1}"#),
      expected: [module, "$.exercises[0].files", "at least one file"]),
    Case(
      name: "duplicate exercise ids", moduleJSON: module(exercise: good + ", " + good),
      expected: [module, "$.exercises[1].id", "'add' is used twice"]),
    Case(
      name: "duplicate module ids",
      courseJSON: #"{"formatVersion": 1, "id": "t", "title": "T", "version": "1", "modules": ["basics", "basics"]}"#,
      expected: [course, "$.modules[1]", "'basics' is used twice"]),
    Case(
      name: "bad id",
      moduleJSON: module(exercise: #"{"id": "Add Two", "title": "Add", "files": ["Add.swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].id", "lowercase letters"]),
    Case(
      name: "module id not its folder",
      moduleJSON: #"{"formatVersion": 1, "id": "other", "title": "B", "exercises": []}"#,
      expected: [module, "$.id", "\"basics\"", "\"other\""]),
    Case(
      name: "unknown prerequisite", moduleJSON: module(exercise: good, extra: #""prerequisites": ["calculus"],"#),
      expected: [module, "$.prerequisites[0]", "no module 'calculus'"]),
    Case(
      name: "prerequisite cycle", moduleJSON: module(exercise: good, extra: #""prerequisites": ["basics"],"#),
      expected: ["cycle", "basics → basics"]),
    Case(
      name: "bad limits",
      moduleJSON: module(
        exercise:
          #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 1, "limits": {"checkSeconds": -1}}"#
      ),
      expected: [module, "$.exercises[0].limits.checkSeconds", "a number of seconds from 1 to 3600", "-1"]),
    Case(
      name: "uses a later or unknown exercise",
      moduleJSON: module(
        exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 1, "uses": ["add"]}"#),
      expected: [module, "$.exercises[0].uses[0]", "earlier in the course", "\"add\""]),
    Case(
      name: "missing module file",
      courseJSON: #"{"formatVersion": 1, "id": "t", "title": "T", "version": "1", "modules": ["nothere"]}"#,
      expected: ["Curriculum/nothere/module.json", "does not exist"]),
  ]

  @Test("broken course files give a clear error", arguments: cases + boundsCases + nameCases + diskCases)
  func brokenCourse(_ testCase: Case) throws {
    let fixture = try CourseFixture(moduleJSON: testCase.moduleJSON, courseJSON: testCase.courseJSON)
    try testCase.setUp?(fixture.root)
    let error = #expect(throws: CourseError.self) { try CourseLoader.load(from: fixture.root) }
    let message = error?.localizedDescription ?? ""
    for fragment in testCase.expected {
      #expect(message.contains(fragment), "'\(message)' should mention '\(fragment)'")
    }
  }

  @Test("a symbolic link that leads out of the course is refused")
  func symlinkEscape() throws {
    let outside = try TemporaryDirectory()
    try outside.write("# secret", to: "secret.md")
    let fixture = try CourseFixture(
      moduleJSON: Self.module(
        exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 1, "lesson": "link/secret.md"}"#))
    try FileManager.default.createSymbolicLink(
      at: fixture.root.appendingPathComponent("Curriculum/basics/link"), withDestinationURL: outside.url)
    let error = #expect(throws: CourseError.self) { try CourseLoader.load(from: fixture.root) }
    #expect(error?.localizedDescription.contains("inside the course folder") == true)
  }

  @Test("symbolic links that stay inside the course are fine, and missing files are left to verify")
  func linksInside() throws {
    let fixture = try CourseFixture()
    let solution = fixture.root.appendingPathComponent("Curriculum/basics/add/Solution/Add.swift")
    try FileManager.default.removeItem(at: solution)
    try FileManager.default.createSymbolicLink(
      atPath: solution.path, withDestinationPath: "../../../../Exercises/basics/add/Add.swift")
    try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Curriculum/basics/add.md"))
    let exercise = try CourseLoader.load(from: fixture.root).exercise(named: "add")
    #expect(exercise.files == ["Add.swift"])
    #expect(exercise.limits.checkSeconds == 5)
  }

  @Test("limits at the ends of their ranges are accepted")
  func limitsAtTheEdges() throws {
    let fixture = try CourseFixture(
      moduleJSON: Self.module(
        exercise: #"""
          {"id": "add", "title": "Add", "files": ["Add.swift"], "points": 1000,
           "limits": {"checkSeconds": 3600, "runSeconds": 1, "memoryMB": 65536}}
          """#))
    let exercise = try CourseLoader.load(from: fixture.root).exercise(named: "add")
    #expect(exercise.points == 1000)
    #expect(exercise.limits == ExerciseLimits(checkSeconds: 3600, runSeconds: 1, memoryMegabytes: 65536))
  }
}
