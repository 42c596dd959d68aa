import Foundation
import Grader
import Testing

@testable import PracticeCLI
@testable import PracticeKit

/// Collects what a progress line writes to stdout.
final class Captured: @unchecked Sendable {
  private let lock = NSLock()
  private var text = ""
  func write(_ part: String) {
    lock.lock()
    text += part
    lock.unlock()
  }
  var all: String {
    lock.lock()
    defer { lock.unlock() }
    return text
  }
  var lines: [String] { all.split(separator: "\n").map(String.init) }
}

func training(_ check: String, _ step: Int, of total: Int, task: String? = "training your LSTM") -> LiveProgress {
  LiveProgress(
    check: check, step: step, total: total, values: ["training-loss": 0.523412], elapsed: Double(step) / 20,
    task: task, labels: ["training-loss": ProgressLabel(label: "training loss, last batch", unit: "bits/char")])
}

@Suite("Live progress line")
struct ProgressLineTests {
  func line(interactive: Bool, columns: Int = 200) -> (ProgressLine, Captured) {
    let captured = Captured()
    let line = ProgressLine(interactive: interactive, enabled: true, columns: { columns }, output: captured.write)
    return (line, captured)
  }

  @Test("the line says what the number is: task, step, label, value, unit, time")
  func label() {
    let text = ProgressLine.text(training("train", 300, of: 1000))
    #expect(
      text
        == "  train · training your LSTM: step 300/1000 · training loss, last batch 0.5234 bits/char · 15 s, ETA 35 s")
    let plain = ProgressLine.text(
      LiveProgress(check: "fit", step: 5, total: 5, values: ["loss": 2], elapsed: 130))
    #expect(plain == "  fit: step 5/5 · loss 2 · 2 min 10 s", "unlabelled: the name; at the end no ETA")
    #expect(!text.contains("bits-per-char"))
    var odd = training("train", 1, of: 2, task: "two\nlines \u{1B}[2J")
    odd.labels["training-loss"]?.unit = "bits\r"
    #expect(
      ProgressLine.text(odd)
        == "  train · two?lines ?[2J: step 1/2 · training loss, last batch 0.5234 bits? · 0 s, ETA 0 s")
  }

  @Test("piped, each long check prints its own tenths, the second as fully as the first")
  func perCheckDeciles() {
    let (line, captured) = line(interactive: false)
    for step in 1...1000 { line.update(training("train", step, of: 1000)) }
    for step in 1...2000 { line.update(training("distinction", step, of: 2000)) }
    line.finish()
    let lines = captured.lines
    let first = lines.filter { $0.hasPrefix("  train ·") }
    let second = lines.filter { $0.hasPrefix("  distinction ·") }
    #expect(first.count == 11, "0%, 10%, …, 100%: \(first)")
    #expect(second.count == 11, "the second check counts its own tenths: \(second)")
    #expect(second.last?.contains("step 2000/2000") == true)
    #expect(!captured.all.contains("\r") && !captured.all.contains("\u{1B}"), "no terminal controls when piped")
  }

  @Test("on a narrow terminal the line drops the task, then the clock, before it is cut")
  func narrow() {
    let progress = training("train", 300, of: 1000)
    #expect(ProgressLine.text(progress, width: 200) == ProgressLine.text(progress))
    #expect(
      ProgressLine.text(progress, width: 90)
        == "  train: step 300/1000 · training loss, last batch 0.5234 bits/char · 15 s, ETA 35 s")
    #expect(
      ProgressLine.text(progress, width: 80)
        == "  train: 300/1000 · training loss, last batch 0.5234 bits/char · ETA 35 s")
    for width in [80, 60, 30] {
      #expect(ProgressLine.text(progress, width: width).count <= width - 1, "fits \(width) columns")
    }
  }

  @Test("on a terminal the line is rewritten in place, cut to the width, and clear() wipes it")
  func terminal() {
    let (line, captured) = line(interactive: true, columns: 40)
    line.update(training("train", 1, of: 10))
    #expect(captured.all.hasPrefix("\r\u{1B}[K  train: 1/10 · "))
    let drawn = captured.all.replacingOccurrences(of: "\r\u{1B}[K", with: "")
    #expect(drawn.count == 39 && drawn.hasSuffix("…"), "cut to 39 columns: \(drawn)")
    line.clear()
    #expect(captured.all.hasSuffix("\r\u{1B}[K"))
    let before = captured.all
    line.clear()
    #expect(captured.all == before, "nothing to clear twice")
    #expect(!captured.all.contains("\n"))
  }

  @Test("clear() writes nothing when piped")
  func clearPiped() {
    let (line, captured) = line(interactive: false)
    line.update(training("train", 1, of: 10))
    let before = captured.all
    line.clear()
    line.finish()
    #expect(captured.all == before)
  }

  @Test("the first grade's build of the learner library is announced per module, then done")
  func build() {
    let (line, captured) = line(interactive: false)
    line.build(.supportModule(module: "PracticeNumerics", index: 1, count: 2))
    line.build(.supportModule(module: "PracticeChecks", index: 2, count: 2))
    line.build(.supportBuilt(seconds: 61.4))
    #expect(
      captured.lines == [
        "  building the learner library (once, ≤ 1 min): PracticeNumerics 1/2 · 0 s",
        "  building the learner library (once, ≤ 1 min): PracticeChecks 2/2 · 0 s",
        "  built the learner library in 61 s; later grades reuse it",
      ])
    #expect(captured.lines.allSatisfy { $0.count <= 79 }, "fits 80 columns")
  }

  @Test("disabled (--json), nothing is written")
  func disabled() {
    let captured = Captured()
    let line = ProgressLine(interactive: false, enabled: false, columns: { 80 }, output: captured.write)
    line.build(.supportModule(module: "PracticeNumerics", index: 1, count: 2))
    line.update(training("train", 1, of: 10))
    #expect(captured.all.isEmpty)
  }
}

@Suite("Sparklines and chart axes")
struct ChartTests {
  @Test("a sparkline rises with its values, a constant one is flat, non-finite values are left out")
  func sparklines() {
    #expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
    #expect(sparkline([0.42, 0.42, 0.42]) == "▅▅▅")
    #expect(sparkline([1, .nan, 2]) == "▁█")
    #expect(sparkline([0.5, 1], low: 0, high: 1) == "▅█")
    #expect(sparkline([]) == "")
    #expect(sparkline((0..<100).map(Double.init)).count == 40, "the last 40")
  }

  @Test("axes come from the data: never below 0 for bits, a constant series flat on 0…2c")
  func axes() {
    #expect(ReportPage.axisRange([0.02, 0.02, 0.02]) == (0, 0.04))
    #expect(ReportPage.axisRange([0.42, 0.61, 3.1]) == (0.42, 3.1))
    #expect(ReportPage.axisRange([0, 0]) == (0, 1))
    #expect(ReportPage.axisRange([-2, -2]) == (-4, 0))
    #expect(ReportPage.axisRange([.nan]) == (0, 1))
  }

  @Test("a constant series is drawn as a flat line inside the chart, with no negative tick")
  func constantChart() throws {
    let page = ReportPage(
      data: ReportData(
        courseTitle: "t", courseVersion: "1", generated: Date(timeIntervalSince1970: 0), modules: [], exercises: []))
    let svg = page.chart(
      title: "excess", points: [(1, 0.02), (2, 0.02), (3, 0.02)], yRange: nil, xLabel: "attempt")
    #expect(!svg.contains(">-"), "no negative tick label: \(svg)")
    let polyline = try #require(svg.range(of: "points=\"")).upperBound
    let coordinates = svg[polyline...].prefix { $0 != "\"" }.split(separator: " ").map { $0.split(separator: ",")[1] }
    #expect(Set(coordinates).count == 1, "flat: \(coordinates)")
  }

  @Test("the excess chart has one bar per exercise that knows its optimum, in the order given")
  func excess() {
    let entries = [
      ReportData.Excess(
        exercise: "foundations/bigram", title: "b", metric: "excess-bits-per-char", best: 0.01, latest: 0.02),
      ReportData.Excess(
        exercise: "lstm/train-char-lstm", title: "l", metric: "excess-bits", best: 0.0226, latest: 0.0226),
    ]
    let page = ReportPage(
      data: ReportData(
        courseTitle: "t", courseVersion: "1", generated: Date(timeIntervalSince1970: 0), modules: [], exercises: [],
        excess: entries))
    let html = page.excessSection()
    #expect(html.components(separatedBy: "<rect class=\"bar-best\"").count - 1 == 2)
    let bigram = html.range(of: "foundations/bigram (excess-bits-per-char)")
    let lstm = html.range(of: "lstm/train-char-lstm<")
    #expect(bigram != nil && lstm != nil && bigram!.lowerBound < lstm!.lowerBound)
    #expect(html.contains("0.0226 bits"))
    let empty = ReportPage(
      data: ReportData(
        courseTitle: "t", courseVersion: "1", generated: Date(timeIntervalSince1970: 0), modules: [], exercises: []))
    #expect(empty.excessSection().contains("No exercise that knows its exact optimum"))
  }
}
