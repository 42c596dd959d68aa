import Foundation
import PracticeKit

/// The self-contained HTML of `practice report`: inline CSS and SVG, no scripts, no network.
struct ReportPage {
  var data: ReportData

  func html() -> String {
    var body = ""
    body += "<header><h1>\(escape(data.courseTitle))</h1>"
    body += "<p class=\"dim\">course \(escape(data.courseVersion)) · report of \(escape(shortDate(data.generated)))</p>"
    body += "</header>\n<section><h2>Progress</h2>\n"
    for module in data.modules {
      let fraction = module.maxScore > 0 ? module.bestScore / module.maxScore : 0
      body += "<div class=\"module\"><div class=\"label\">\(escape(module.module.title))</div>"
      body += "<div class=\"bar\"><div class=\"fill\" style=\"width: \(percent(fraction))%\"></div></div>"
      body += "<div class=\"num\">\(points(module.bestScore))/\(points(module.maxScore)) · "
      body += "\(module.passedCount) of \(module.exercises.count) passed</div></div>\n"
    }
    body += "</section>\n"
    body += excessSection()
    body += "<section><h2>Exercises</h2>\n"
    for history in data.exercises {
      body += exerciseCard(history)
    }
    body += "</section>\n"
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(data.courseTitle)) — progress</title>
      <style>\(Self.css)</style>
      </head>
      <body>
      \(body)
      </body>
      </html>

      """
  }

  func exerciseCard(_ history: ReportData.ExerciseHistory) -> String {
    let state = history.state.rawValue
    var card = "<article class=\"exercise \(state.replacingOccurrences(of: " ", with: "-"))\">"
    card += "<h3>\(escape(history.exercise.title)) <span class=\"key\">\(escape(history.exercise.key))</span>"
    card += " <span class=\"state\">\(escape(state))</span></h3>"
    guard !history.attempts.isEmpty else {
      return card + "<p class=\"dim\">No attempts yet.</p></article>\n"
    }
    let best = history.attempts.map(\.score).max() ?? 0
    let maxScore = history.attempts.last?.maxScore ?? 0
    card += "<p>\(history.attempts.count) attempt\(history.attempts.count == 1 ? "" : "s"), best "
    card += "\(points(best))/\(points(maxScore))</p><div class=\"charts\">"
    let scores = history.attempts.enumerated().map { (Double($0.offset + 1), $0.element.score) }
    card += chart(title: "score per attempt", points: scores, yRange: (0, max(1, maxScore)), xLabel: "attempt")
    let metricNames = Set(history.attempts.flatMap { $0.metrics.keys }).sorted()
    for name in metricNames {
      let values = history.attempts.enumerated().compactMap { index, attempt in
        attempt.metrics[name].map { (Double(index + 1), $0) }
      }
      card += chart(title: "\(name) per attempt", points: values, yRange: nil, xLabel: "attempt")
    }
    for curve in history.curves {
      let values = curve.points.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
      card += chart(
        title: "\(curve.label ?? curve.name) during \(curve.check) (latest attempt)", points: values, yRange: nil,
        xLabel: "step")
    }
    return card + "</div></article>\n"
  }

  /// A small SVG line chart with its range labelled.
  func chart(title: String, points: [(Double, Double)], yRange: (Double, Double)?, xLabel: String) -> String {
    let width = 320.0
    let height = 140.0
    let left = 44.0
    let bottom = 22.0
    let finite = points.filter { $0.0.isFinite && $0.1.isFinite }
    guard let firstX = finite.first?.0, let lastX = finite.last?.0 else { return "" }
    let (low, high) = yRange ?? Self.axisRange(finite.map(\.1))
    let spanX = max(lastX - firstX, 1e-12)
    func x(_ value: Double) -> Double { left + (value - firstX) / spanX * (width - left - 8) }
    func y(_ value: Double) -> Double { (height - bottom) - (value - low) / (high - low) * (height - bottom - 10) }
    let path = finite.map { String(format: "%.1f,%.1f", x($0.0), y($0.1)) }.joined(separator: " ")
    var svg = "<figure><figcaption>\(escape(title))</figcaption>"
    svg +=
      "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">"
    svg +=
      "<line class=\"axis\" x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 8)\" y2=\"\(height - bottom)\"/>"
    svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"10\" x2=\"\(left)\" y2=\"\(height - bottom)\"/>"
    svg += "<text x=\"\(left - 4)\" y=\"14\" class=\"tick\" text-anchor=\"end\">\(format(high))</text>"
    svg += "<text x=\"\(left - 4)\" y=\"\(height - bottom)\" class=\"tick\" text-anchor=\"end\">\(format(low))</text>"
    svg += "<text x=\"\(left)\" y=\"\(height - 6)\" class=\"tick\">\(format(firstX))</text>"
    svg +=
      "<text x=\"\(width - 8)\" y=\"\(height - 6)\" class=\"tick\" text-anchor=\"end\">\(escape(xLabel)) \(format(lastX))</text>"
    if finite.count == 1 {
      svg += "<circle class=\"dot\" cx=\"\(x(firstX))\" cy=\"\(y(finite[0].1))\" r=\"3\"/>"
    } else {
      svg += "<polyline class=\"line\" points=\"\(path)\"/>"
    }
    return svg + "</svg></figure>"
  }

  /// The value axis from the data: its minimum to its maximum, so a series that never goes below
  /// 0 (bits, losses, accuracies) never gets a negative axis; a constant series is drawn flat in
  /// the middle of an axis from 0 to twice its value (0 to 1 for a series of zeros).
  static func axisRange(_ values: [Double]) -> (low: Double, high: Double) {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return (0, 1) }
    if high - low > 1e-12 * max(1, abs(high)) { return (low, high) }
    if high == 0 { return (0, 1) }
    return high > 0 ? (0, 2 * high) : (2 * high, 0)
  }

  /// One bar per exercise that knows its optimum: the learner's best excess bits over it (the
  /// latest attempt's value marked on the bar), in course order.
  func excessSection() -> String {
    var section = "<section><h2>Distance from the optimum</h2>\n"
    guard !data.excess.isEmpty else {
      return section
        + "<p class=\"dim\">No exercise that knows its exact optimum (bigram, LSTM, GPT, capstone) has been graded yet.</p></section>\n"
    }
    section += "<p class=\"dim\">Excess bits over the exact optimum on held-out text: 0 is a perfect model.</p>"
    section += excessChart(data.excess)
    return section + "</section>\n"
  }

  func excessChart(_ entries: [ReportData.Excess]) -> String {
    let rowHeight = 26.0
    let labelWidth = 260.0
    let width = 760.0
    let top = 8.0
    let height = top + Double(entries.count) * rowHeight + 24
    let values = entries.flatMap { [$0.best, $0.latest] }
    let high = max(values.max() ?? 0, 0) * 1.15
    let low = min(values.min() ?? 0, 0) * 1.15
    let span = high - low > 0 ? high - low : 1
    func x(_ value: Double) -> Double { labelWidth + (value - low) / span * (width - labelWidth - 90) }
    var svg = "<figure><figcaption>excess bits over the optimum (best attempt; the mark is the latest)</figcaption>"
    svg +=
      "<svg class=\"excess\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">"
    for (index, entry) in entries.enumerated() {
      let y = top + Double(index) * rowHeight
      let name = entry.metric == "excess-bits" ? entry.exercise : "\(entry.exercise) (\(entry.metric))"
      svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" class=\"tick\" text-anchor=\"end\">\(escape(name))</text>"
      let from = x(min(0, entry.best))
      let to = x(max(0, entry.best))
      svg += String(
        format: "<rect class=\"bar-best\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\"/>", from, y + 4,
        max(1, to - from))
      svg += String(
        format: "<line class=\"latest\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x(entry.latest), y + 1,
        x(entry.latest), y + 23)
      svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\">", max(to, x(entry.latest)) + 6, y + 16)
      svg += "\(String(format: "%.4f", entry.best)) bits</text>"
    }
    let axis = top + Double(entries.count) * rowHeight + 2
    svg += String(
      format: "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x(0), top, x(0), axis)
    svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\" text-anchor=\"middle\">0</text>", x(0), axis + 14)
    return svg + "</svg></figure>"
  }

  func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%.4g", value)
  }

  func percent(_ fraction: Double) -> String { String(format: "%.1f", min(1, max(0, fraction)) * 100) }

  func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  static let css = """
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1080px;
      padding: 0 1rem; color: #1d2330; background: #fbfbfd; }
    h1 { margin: 0; font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #dde; }
    h3 { margin: 0 0 .3rem; font-size: 1.05rem; } .dim, .key { color: #6a7080; font-weight: normal; }
    .key { font: 12px ui-monospace, monospace; }
    .module { display: grid; grid-template-columns: 220px 1fr 200px; gap: .8rem; align-items: center; margin: .4rem 0; }
    .bar { height: 14px; background: #e6e8f0; border-radius: 7px; overflow: hidden; }
    .fill { height: 100%; background: linear-gradient(90deg, #3c8dbc, #37b37e); }
    .exercise { background: #fff; border: 1px solid #e3e5ee; border-radius: 8px; padding: .8rem 1rem; margin: .8rem 0; }
    .state { font-size: 12px; padding: 1px 8px; border-radius: 9px; background: #eef0f6; color: #4a5060; }
    .passed .state { background: #dff4e8; color: #17794a; } .attempted .state { background: #fff1d6; color: #8a5a00; }
    .charts { display: flex; flex-wrap: wrap; gap: 1rem; } figure { margin: 0; }
    figcaption { font-size: 12px; color: #4a5060; }
    svg { background: #fcfcff; border: 1px solid #eceef5; border-radius: 4px; }
    .axis { stroke: #b8bccb; stroke-width: 1; } .tick { font-size: 10px; fill: #6a7080; }
    .line { fill: none; stroke: #3c6fd1; stroke-width: 2; } .dot { fill: #3c6fd1; }
    .bar-best { fill: #37b37e; } .latest { stroke: #1d2330; stroke-width: 2; }
    """
}
