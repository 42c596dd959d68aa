import Foundation
import Testing

@testable import PracticeChecks

@Suite("Metric details and shown text on the results channel")
struct ReportDetailsTests {
  struct Decoded: Decodable, Equatable {
    struct Bar: Decodable, Equatable {
      var comparison: String
      var value: Double
    }
    var name: String
    var value: Double
    var unit: String?
    var bar: Bar?
    var optimum: Double?
    var reference: Double?
  }

  @Test("a detail is one JSON object with only the fields given")
  func detailJSON() throws {
    let full = MetricDetails(
      name: "bits-per-char", value: 0.42, unit: "bits/\"char\"\n", bar: .atMost(0.55), optimum: 0.39686, reference: nil)
    let decoded = try JSONDecoder().decode(Decoded.self, from: Data(full.json.utf8))
    #expect(
      decoded
        == Decoded(
          name: "bits-per-char", value: 0.42, unit: "bits/\"char\"\n", bar: .init(comparison: "atMost", value: 0.55),
          optimum: 0.39686))
    let bare = MetricDetails(name: "speedup", value: 4, unit: nil, bar: .atLeast(3), optimum: nil, reference: 5)
    #expect(bare.json == #"{"name":"speedup","value":4.0,"bar":{"comparison":"atLeast","value":3.0},"reference":5.0}"#)
    // JSON has no NaN: it is written as a string, which the grader reads back as NaN.
    #expect(
      MetricDetails(name: "x", value: .nan, unit: nil, bar: nil, optimum: nil, reference: nil).json.contains(
        #""value":"nan""#))
  }

  @Test("shown text keeps every character, escaped; a note has no label")
  func shownJSON() throws {
    struct Shown: Decodable, Equatable {
      var label: String?
      var text: String
    }
    let sample = ShownText(label: "greedy", text: "a\u{1B}[31m\tb\n\"c\"")
    #expect(
      try JSONDecoder().decode(Shown.self, from: Data(sample.json.utf8)) == Shown(label: "greedy", text: sample.text))
    #expect(ShownText(label: nil, text: "tier: gold").json == #"{"text":"tier: gold"}"#)
  }
}
