import Foundation
import Grader
import PracticeKit
import TestSupport
import Testing

/// What "Next" and "Current" mean, `h`'s choice of hint, and the keys of `practice watch`.
@Suite("Navigation: next, current, hints, keys")
struct NavigationTests {
  let home = ToolHome(root: repositoryRoot)

  /// A workspace on the built-in course (several modules of several exercises).
  func builtin() throws -> (TemporaryDirectory, Workspace) {
    let parent = try TemporaryDirectory()
    let workspace = try Workspace.create(at: parent.url.appendingPathComponent("ws"), coursePath: nil, home: home)
    return (parent, workspace)
  }

  @Test("next is the exercise after the current one, preferring its module, skipping passed ones")
  func nextRule() throws {
    let (parent, workspace) = try builtin()
    defer { withExtendedLifetime(parent) {} }
    let all = workspace.course.exercises
    let lstm = all.filter { $0.moduleID == "lstm" }
    try #require(lstm.count >= 5)
    func next(after key: String?, passed: Set<String>) -> String? {
      let current = key.flatMap { key in all.first { $0.key == key } }
      return Workspace.nextExercise(after: current, in: all) { passed.contains($0.key) }?.key
    }
    // Expected values follow from the module's order in Curriculum/lstm/module.json.
    // The one after the current exercise, not the first unpassed of the course.
    #expect(next(after: lstm[2].key, passed: []) == lstm[3].key)
    // Passed ones after it are skipped.
    #expect(next(after: lstm[2].key, passed: [lstm[3].key]) == lstm[4].key)
    // Nothing left after it in its module: an earlier unpassed one of the same module comes first.
    let laterPassed = Set(lstm[3...].map(\.key))
    #expect(next(after: lstm[2].key, passed: laterPassed) == lstm[0].key)
    // The whole module passed: the first unpassed exercise after the module in course order.
    let lstmIndex = try #require(all.lastIndex { $0.moduleID == "lstm" })
    let modulePassed = Set(lstm.map(\.key))
    let expectedAfter = all[(lstmIndex + 1)...].first { !modulePassed.contains($0.key) }?.key ?? all[0].key
    #expect(next(after: lstm.last!.key, passed: modulePassed) == expectedAfter)
    // Everything after passed: wrap to the first unpassed one before it.
    let afterAndModule = modulePassed.union(all[(lstmIndex + 1)...].map(\.key))
    #expect(next(after: lstm[1].key, passed: afterAndModule) == all[0].key)
    // No current exercise: the first unpassed one; everything passed: none.
    #expect(next(after: nil, passed: [all[0].key]) == all[1].key)
    #expect(next(after: lstm[0].key, passed: Set(all.map(\.key))) == nil)
  }

  @Test("current is the exercise last started or last graded, whichever is later")
  func currentRule() throws {
    let (parent, workspace) = try builtin()
    defer { withExtendedLifetime(parent) {} }
    let first = workspace.course.exercises[0]
    let other = workspace.course.exercises[3]
    _ = try workspace.start(first)
    var graded = ProgressSnapshot()
    graded.add(exercise: other.key, score: 0, maxScore: 1, status: "failed", date: Date().addingTimeInterval(120))
    #expect(try workspace.currentExercise(progress: graded).key == other.key, "graded after the start")
    var earlier = ProgressSnapshot()
    earlier.add(exercise: other.key, score: 0, maxScore: 1, status: "failed", date: Date().addingTimeInterval(-120))
    #expect(try workspace.currentExercise(progress: earlier).key == first.key, "started after the grade")
    #expect(try workspace.currentExercise(progress: ProgressSnapshot()).key == first.key)
    #expect(Workspace.current(started: nil, graded: (other, Date()))?.key == other.key)
    #expect(Workspace.current(started: nil, graded: nil) == nil)
    // The overview's next follows the current one.
    let overview = try workspace.overview()
    #expect(overview.current?.exercise.key == first.key)
    #expect(overview.next?.key == workspace.course.exercises[1].key)
  }

  @Test("h hints at the checks that failed in the latest attempt, and at nothing after a pass")
  func hintForFailedChecks() throws {
    let fixture = try CourseFixture()
    let parent = try TemporaryDirectory()
    let workspace = try Workspace.create(
      at: parent.url.appendingPathComponent("ws"), coursePath: fixture.root, home: home)
    let exercise = try workspace.exercise(named: "add")
    _ = try workspace.start(exercise)
    let grader = try Workspace.makeGrader(home: home, environment: testEnvironment)
    let file = workspace.root.appendingPathComponent("Exercises/basics/add/Add.swift")

    // No attempt yet: the exercise's own progressive hint.
    guard case .progressive(let first, let none) = try workspace.hint(for: exercise, latest: nil) else {
      Issue.record("expected the progressive hint")
      return
    }
    #expect(first.text == "Use +." && none.isEmpty)

    // Only `negative` fails (a + b for small numbers, wrong for negative ones): its hint only.
    try "func add(_ a: Int, _ b: Int) -> Int { a < 0 ? 0 : a + b }\n".write(
      to: file, atomically: true, encoding: .utf8)
    let failing = try workspace.grade(exercise, with: grader)
    #expect(failing.document.checks.map(\.status) == ["pass", "fail"])
    guard case .failedChecks(let hints) = try workspace.hint(for: exercise, latest: failing.document) else {
      Issue.record("expected the failed check's hint")
      return
    }
    #expect(hints.map(\.check) == ["negative"] && hints.map(\.hint) == ["Did you subtract?"])
    // The recorded attempt gives the same choice (`practice hint`, or `h` after switching back).
    #expect(workspace.latestResults(of: exercise)?.checks.map(\.status) == ["pass", "fail"])
    guard case .failedChecks = try workspace.hint(for: exercise, latest: workspace.latestResults(of: exercise)) else {
      Issue.record("expected the failed check's hint from the recorded attempt")
      return
    }

    // Only `small` fails (no hint of its own): the progressive hint, naming the failed check.
    try "func add(_ a: Int, _ b: Int) -> Int { a > 0 ? 0 : a + b }\n".write(
      to: file, atomically: true, encoding: .utf8)
    let smallFails = try workspace.grade(exercise, with: grader)
    guard case .progressive(_, let failed) = try workspace.hint(for: exercise, latest: smallFails.document) else {
      Issue.record("expected the progressive hint")
      return
    }
    #expect(failed == ["small"])

    try CourseFixture.defaultSolution.write(to: file, atomically: true, encoding: .utf8)
    let passing = try workspace.grade(exercise, with: grader)
    guard case .allPassed = try workspace.hint(for: exercise, latest: passing.document) else {
      Issue.record("a passed attempt needs no hint")
      return
    }
    // The grade names the next exercise: none is left in the one-exercise course.
    #expect(passing.next == nil)
    #expect(failing.next == nil, "an exercise is never its own next")
  }

  @Test("keys: arrows, Enter, Esc and letters are decoded from raw terminal bytes")
  func decodeKeys() {
    let bytes: [UInt8] = [
      0x1B, 0x5B, 0x42, 0x1B, 0x5B, 0x41, 0x0D, 0x6A, 0x20, 0x1B, 0x4F, 0x42, 0x1B, 0x5B, 0x31, 0x3B, 0x35, 0x43,
    ]
    #expect(WatchEvent.decode(bytes) == [.down, .up, .enter, .key("j"), .down])
    #expect(WatchEvent.decode([0x1B]) == [.escape])
    #expect(WatchEvent.decode([0x71, 0x0A]) == [.key("q"), .enter])
    #expect(WatchEvent.decode([0x03, 0x7F]) == [])
  }

  @Test("the list cursor moves with arrows or j k, scrolls to stay visible, Enter chooses, q or Esc go back")
  func listNavigation() {
    var list = ListNavigator(count: 49, height: 21, selected: 0)
    #expect(list.visible == 0..<21)
    #expect(list.handle(.up) == .ignored, "already at the top")
    #expect(list.handle(.down) == .moved && list.selected == 1)
    #expect(list.handle(.key("j")) == .moved && list.selected == 2)
    #expect(list.handle(.key("k")) == .moved && list.selected == 1)
    for _ in 0..<25 { _ = list.handle(.down) }
    #expect(list.selected == 26 && list.visible == 6..<27, "scrolled so the cursor is on the last row")
    for _ in 0..<100 { _ = list.handle(.down) }
    #expect(list.selected == 48 && list.visible == 28..<49)
    #expect(list.handle(.enter) == .choose(48))
    #expect(list.handle(.escape) == .back && list.handle(.key("q")) == .back)
    #expect(list.handle(.key("x")) == .ignored)
    // Opened on an exercise far down the list: it is on screen at once.
    let opened = ListNavigator(count: 49, height: 21, selected: 40)
    #expect(opened.visible.contains(40) && opened.visible.count == 21)
    // Shorter than the screen: everything shown.
    #expect(ListNavigator(count: 3, height: 21).visible == 0..<3)
  }
}
