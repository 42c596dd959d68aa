import Foundation
import Grader
import TestSupport
import Testing

@Suite("Training curves")
struct CurveTests {
  @Test("a long run is downsampled to at most 500 points over the whole run, first and last step kept")
  func longRun() {
    var sampler = CurveSampler()
    for step in 1...100_000 { sampler.add(step: step, of: 100_000, value: 1 / Double(step)) }
    let points = sampler.points
    #expect(points.count <= 500)
    #expect(points.count >= 490, "the run is covered evenly, not thinned to a few points: \(points.count)")
    #expect(points.first == [1, 1])
    #expect(points.last == [100_000, 1e-5])
    let steps = points.map { $0[0] }
    #expect(steps == steps.sorted(), "oldest first")
    // Evenly spread: no gap between kept steps is wider than two buckets (2 · 100000/499).
    let gaps = zip(steps.dropFirst(), steps).map { $0 - $1 }
    #expect((gaps.max() ?? 0) <= 2 * 100_000 / 499 + 1, "largest gap \(gaps.max() ?? 0)")
    // The middle of the run is there (the old store kept the first 500 updates only).
    #expect(steps.contains { $0 > 45_000 && $0 < 55_000 })
  }

  @Test("a short run keeps every point; updates that skip steps keep the latest")
  func shortRun() {
    var sampler = CurveSampler()
    for step in [1, 2, 5, 9, 10] { sampler.add(step: step, of: 10, value: Double(step)) }
    #expect(sampler.points.map { $0[0] } == [1, 2, 5, 9, 10])
    var tiny = CurveSampler(limit: 3)
    for step in 1...7 { tiny.add(step: step, of: 7, value: 0) }
    #expect(tiny.points.map { $0[0] } == [1, 4, 7], "two buckets (steps 0–3, 4–7) and the last step")
  }

  @Test("steps past the total, a zero total and steps going back stay bounded, the latest kept last")
  func oddSteps() {
    var sampler = CurveSampler(limit: 10)
    for step in 0..<1000 { sampler.add(step: step * 7, of: 100, value: Double(step)) }
    #expect(sampler.points.count <= 10)
    #expect(sampler.points.last == [6993, 999])
    var zero = CurveSampler(limit: 10)
    for step in 0..<50 { zero.add(step: step, of: 0, value: 1) }
    #expect(zero.points.map { $0[0] } == [0, 49])
    var back = CurveSampler(limit: 10)
    for step in [1, 5, 9, 2, 3] { back.add(step: step, of: 10, value: Double(step)) }
    #expect(back.points.map { $0[0] } == [1, 5, 9, 3])
  }

  /// The end-to-end case the learner meets: a training check of 1000 steps, fast enough that the
  /// harness sends an update for every 1/500 of the run (over 500 updates in all). The stored
  /// curve must reach step 1000 — the old store kept the first 500 updates and ended mid-run.
  @Test("a 1000-step training check stores a curve whose last point is step 1000, labelled as the check said")
  func thousandSteps() throws {
    let checks = """
      import PracticeChecks

      let checks = CheckSuite {
        Check("train", "1000 steps", points: 1) {
          var loss = 3.0
          for step in 1...1000 {
            loss *= 0.999
            for _ in 0..<3 {
              reportProgress("training a toy", step: step, of: 1000, .trainingLoss(bits: loss, per: "char"))
            }
          }
        }
        Check("second", "another training, reported on its own", points: 1) {
          for step in 1...10 {
            reportProgress(step: step, of: 10, ["accuracy": Double(step) / 10])
          }
        }
      }
      """
    let collector = ProgressCollector()
    let report = try makeGrader().grade(
      GradeRequest(
        sources: [SourceFile(name: "Empty.swift", displayPath: "Empty.swift", contents: Array("\n".utf8))],
        checks: SourceFile(name: "Checks.swift", displayPath: "Checks.swift", contents: Array(checks.utf8)),
        onProgress: { collector.add($0) }))
    #expect(report.status == .passed, "\(report.compilerOutput)\(report.programOutput)")
    let updates = collector.all.filter { $0.check == "train" }
    #expect(updates.count > 500, "the harness sends one update per 1/500 of the run: \(updates.count)")
    let first = try #require(updates.first)
    #expect(first.task == "training a toy")
    #expect(first.labels["training-loss"] == ProgressLabel(label: "training loss, last batch", unit: "bits/char"))
    let train = try #require(report.checks.first)
    let curve = try #require(train.curves["training-loss"])
    #expect(curve.count <= 500)
    #expect(curve.first?[0] == 1)
    #expect(curve.last?[0] == 1000, "the curve ends at step \(curve.last?[0] ?? 0)")
    #expect(train.curveLabels["training-loss"] == "training loss, last batch, bits/char")
    let second = try #require(report.checks.last)
    #expect(second.curves["accuracy"]?.map { $0[0] } == (1...10).map(Double.init))
    #expect(second.curveLabels["accuracy"] == "accuracy")
    #expect(collector.all.filter { $0.check == "second" }.allSatisfy { $0.task == nil })
  }
}
