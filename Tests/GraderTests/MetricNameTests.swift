import Foundation
import Testing

@testable import Grader

@Suite("Metric names in the results")
struct GraderMetricNameTests {
  static let manifest = [
    HarnessSession.ManifestEntry(id: "rate", title: "a rate", points: 2, dependsOn: [], hint: nil, timeLimit: nil)
  ]

  @Test("the results channel cannot bring in a metric name outside the rule: dropped, and the check is an error")
  func refusedInResults() throws {
    let payload =
      #"{"id":"rate","status":"pass","message":"","metrics":{"bits-per-char":0.5,"bits\nScore: 10/10":1,"binary_entropy":2}}"#
    let result = try #require(HarnessSession.checkResult(payload, manifest: Self.manifest))
    #expect(result.status == .error)
    #expect(result.points == 0)
    #expect(result.metrics == ["bits-per-char": 0.5])
    #expect(result.message.contains(#""binary_entropy""#))
    #expect(result.message.contains(#""bits\nScore: 10/10""#))
  }

  @Test("allowed names pass through untouched")
  func allowedInResults() throws {
    let payload = #"{"id":"rate","status":"pass","message":"","metrics":{"bits-per-char":0.5,"excess-bits":"nan"}}"#
    let result = try #require(HarnessSession.checkResult(payload, manifest: Self.manifest))
    #expect(result.status == .pass && result.points == 2)
    #expect(result.metrics["bits-per-char"] == 0.5)
    #expect(result.metrics["excess-bits"]?.isNaN == true)
    #expect(
      HarnessSession.checkResult(#"{"id":"other","status":"pass","message":"","metrics":{}}"#, manifest: Self.manifest)
        == nil)
  }

  @Test("the rule: [a-z0-9][a-z0-9-]*, at most 64")
  func rule() {
    #expect(MetricNames.isAllowed("bits-per-char-2000"))
    #expect(MetricNames.isAllowed(String(repeating: "a", count: 64)))
    for name in ["", "-a", "A", "a_b", "a b", "a\n", String(repeating: "a", count: 65), "é"] {
      #expect(!MetricNames.isAllowed(name))
    }
  }

  @Test("a check reporting a refused name fails when graded, naming it, and the metric is not in the report")
  func gradedRefusal() throws {
    let checks = """
      import PracticeChecks

      let checks = CheckSuite {
        Check("rate", "reports its rate", points: 1) {
          report("bits per char", 0.42)
          report("excess-bits", 0.01)
        }
        Check("other", "an unrelated check", points: 1) {}
      }
      """
    let report = try makeGrader().grade(
      GradeRequest(
        sources: [SourceFile(name: "Empty.swift", displayPath: "Empty.swift", contents: Array("\n".utf8))],
        checks: SourceFile(name: "Checks.swift", displayPath: "Checks.swift", contents: Array(checks.utf8))))
    #expect(report.status == .failed, "\(report.compilerOutput)\(report.programOutput)")
    let rate = try #require(report.checks.first { $0.id == "rate" })
    #expect(rate.status == .fail)
    #expect(
      rate.message == "metric name \"bits per char\" is not allowed: use lowercase letters, digits and '-' (at most 64)"
    )
    #expect(report.checks.first { $0.id == "other" }?.status == .pass)
    #expect(report.metrics["bits per char"] == nil)
    #expect(report.score == 1)
  }

  @Test("metric details count only for a metric the check reported, with a known bar; units are bounded")
  func detailsAreChecked() throws {
    let longUnit = String(repeating: "u", count: 40)
    let payload =
      #"{"id":"rate","status":"pass","message":"","metrics":{"bits-per-char":0.5},"details":["#
      + #"{"name":"bits-per-char","value":0.5,"unit":"\#(longUnit)","bar":{"comparison":"atMost","value":0.55},"#
      + #""optimum":0.39686},"#
      + #"{"name":"invented","value":7},"#
      + #"{"name":"bits-per-char","value":0.5,"bar":{"comparison":"sometimes","value":1}}],"#
      + #""shown":[{"label":"sample","text":"abc"},{"text":"a note"}]}"#
    let result = try #require(HarnessSession.checkResult(payload, manifest: Self.manifest))
    #expect(result.status == .pass)
    #expect(
      result.details == [
        MetricDetail(
          name: "bits-per-char", value: 0.5, unit: String(repeating: "u", count: 24),
          bar: MetricDetail.Bar(comparison: "atMost", value: 0.55), optimum: 0.39686),
        MetricDetail(name: "bits-per-char", value: 0.5),
      ])
    #expect(result.shown == [ShownText(label: "sample", text: "abc"), ShownText(label: nil, text: "a note")])
  }

  @Test("a result without details (a harness from before them) still counts")
  func resultsWithoutDetails() throws {
    let payload = #"{"id":"rate","status":"pass","message":"","metrics":{"bits-per-char":0.5}}"#
    let result = try #require(HarnessSession.checkResult(payload, manifest: Self.manifest))
    #expect(result.status == .pass && result.details.isEmpty && result.shown.isEmpty)
    #expect(result.metrics == ["bits-per-char": 0.5])
  }
}
