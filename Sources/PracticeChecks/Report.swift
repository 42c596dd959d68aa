/// The bar a reported number was held to, shown beside it in the grade table
/// (`pass ≤ 0.55`, `pass ≥ 3`).
public enum MetricBar: Sendable, Equatable {
  /// Passing needs the value at most this (a loss, an excess).
  case atMost(Double)
  /// Passing needs the value at least this (an accuracy, a speed-up).
  case atLeast(Double)
}

/// Records a metric (e.g. `report("bits-per-char", 2.03)`); it lands in the results and in the
/// attempt's commit trailers (as `Metric-bits-per-char`), and the grade table shows it under the
/// check, passing or failing.
///
/// Say what the number means when the check knows it, so the learner sees what they achieved:
///
/// ```swift
/// report("bits-per-char", bits, unit: "bits/char", bar: .atMost(passBar), optimum: optimumBits)
/// // bits-per-char: 0.4195 bits/char (pass ≤ 0.55; optimum 0.39686; excess 0.0226)
/// ```
///
/// - Parameters:
///   - unit: written after the value (`bits/char`, `×`, `%`); at most 24 characters.
///   - bar: the bar the check holds the value to: pass the same constant the check's `expect`
///     uses, so the two can never disagree.
///   - optimum: the best value possible (an exact entropy rate); the table adds the excess
///     `value − optimum`.
///   - reference: what the course's reference solution reaches, when there is no optimum.
///
/// The name must follow `MetricName`'s rule: lowercase letters, digits and `-`, at most 64
/// characters. Any other name is not recorded, and the check fails once its body returns, with a
/// message naming the metric (`metric name "bits per char" is not allowed: …`).
public func report(
  _ name: String, _ value: Double, unit: String? = nil, bar: MetricBar? = nil, optimum: Double? = nil,
  reference: Double? = nil
) {
  guard MetricName.isAllowed(name) else {
    MetricName.refused.append(name)
    return
  }
  Harness.record(metric: name, value: value)
  Harness.details.append(
    MetricDetails(
      name: name, value: value, unit: unit.map { String($0.prefix(24)) }, bar: bar, optimum: optimum,
      reference: reference))
}

/// Shows text the learner's code produced (a sample from their model) under the check in the
/// grade table, passing or failing: the first lines (at most 5, cut to fit the screen, control
/// characters made visible). Up to 4 KiB of it is kept in the attempt's results.
///
/// ```swift
/// show(sample: text, label: "greedy from \"the \"")
/// ```
public func show(sample text: String, label: String = "sample") {
  Harness.shown.append(ShownText(label: String(label.prefix(40)), text: String(text.prefix(4096))))
}

/// Shows one line of explanation under the check in the grade table, passing or failing (e.g. the
/// tier a score reached).
public func show(note text: String) {
  Harness.shown.append(ShownText(label: nil, text: String(text.prefix(4096))))
}

/// One `report` call with what the check said about the number.
struct MetricDetails {
  var name: String
  var value: Double
  var unit: String?
  var bar: MetricBar?
  var optimum: Double?
  var reference: Double?

  var json: String {
    var fields = ["\"name\":\(JSON.string(name))", "\"value\":\(JSON.number(value))"]
    if let unit { fields.append("\"unit\":\(JSON.string(unit))") }
    switch bar {
    case .atMost(let limit): fields.append("\"bar\":{\"comparison\":\"atMost\",\"value\":\(JSON.number(limit))}")
    case .atLeast(let limit): fields.append("\"bar\":{\"comparison\":\"atLeast\",\"value\":\(JSON.number(limit))}")
    case nil: break
    }
    if let optimum { fields.append("\"optimum\":\(JSON.number(optimum))") }
    if let reference { fields.append("\"reference\":\(JSON.number(reference))") }
    return "{" + fields.joined(separator: ",") + "}"
  }
}

/// One `show` call: a labelled sample, or a note (no label).
struct ShownText {
  var label: String?
  var text: String

  var json: String {
    (label.map { "{\"label\":\(JSON.string($0))," } ?? "{") + "\"text\":\(JSON.string(text))}"
  }
}
