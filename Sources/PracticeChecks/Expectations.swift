/// Thrown by a check body to fail the check; the message is shown to the learner.
public struct CheckFailure: Error, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Fails the current check with `message`.
public func fail(_ message: String) throws -> Never {
  throw CheckFailure(message)
}

/// Fails unless `condition` holds.
public func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
  if !condition { throw CheckFailure(message()) }
}

/// Fails unless `got == expected`, showing both.
///
/// - Parameter diagnose: called with `got` when the check fails; a non-nil answer is shown as the
///   likely cause (e.g. "off by one: did the loop skip the last element?").
public func expectEqual<T: Equatable>(
  _ got: T, _ expected: T, _ what: String? = nil, diagnose: ((T) -> String?)? = nil
) throws {
  guard got != expected else { return }
  throw CheckFailure(label(what) + "expected \(expected), got \(got)" + cause(diagnose?(got)))
}

/// Fails unless `got` is within tolerance of `expected`:
/// `|got − expected| ≤ max(absolute, relative · |expected|)`.
///
/// With both tolerances zero the numbers must be equal. Infinities match only the same infinity; a
/// NaN never matches (use `expect(x.isNaN, …)` when NaN is the answer).
///
/// - Parameter diagnose: called with `got` when the check fails; a non-nil answer is shown as the
///   likely cause, e.g. `{ abs($0 - 1.5 * M_LN2) < 1e-9 ? "you computed nats, not bits" : nil }`.
public func expectClose(
  _ got: Double, _ expected: Double, absolute: Double = 0, relative: Double = 0, _ what: String? = nil,
  diagnose: ((Double) -> String?)? = nil
) throws {
  if let problem = closeness(got, expected, absolute: absolute, relative: relative) {
    throw CheckFailure(label(what) + problem + cause(diagnose?(got)))
  }
}

/// Fails if `value` is NaN or infinite.
public func expectFinite(_ value: Double, _ what: String? = nil) throws {
  if !value.isFinite { throw CheckFailure(label(what) + "expected a finite number, got \(value)") }
}

/// Records a metric (e.g. `report("bits-per-char", 2.03)`); it lands in the results and in the
/// attempt's commit trailers (as `Metric-bits-per-char`).
///
/// The name must follow `MetricName`'s rule: lowercase letters, digits and `-`, at most 64
/// characters. Any other name is not recorded, and the check fails once its body returns, with a
/// message naming the metric (`metric name "bits per char" is not allowed: …`).
public func report(_ name: String, _ value: Double) {
  guard MetricName.isAllowed(name) else {
    MetricName.refused.append(name)
    return
  }
  Harness.record(metric: name, value: value)
}

/// One number shown with a long check's progress, saying what it is: the live line prints
/// `label value unit` ("training loss, last batch 0.5234 bits/char"), and the report titles its
/// curve the same way. `name` keys the stored curve (lowercase letters, digits and `-`).
public struct ProgressValue: Sendable, Equatable {
  public let name: String
  public let value: Double
  /// What the number is, in words the learner reads on the live line ("training loss, last batch").
  public let label: String
  /// Its unit ("bits/char"); empty for a plain count.
  public let unit: String

  public init(_ name: String, _ value: Double, label: String, unit: String = "") {
    self.name = name
    self.value = value
    self.label = label
    self.unit = unit
  }

  /// The loss of the batch just trained on (not a held-out score), in bits per `per`, e.g.
  /// `.trainingLoss(bits: loss / log(2), per: "char")`: curve `training-loss`, shown as
  /// "training loss, last batch 0.5234 bits/char".
  public static func trainingLoss(bits: Double, per token: String) -> ProgressValue {
    ProgressValue("training-loss", bits, label: "training loss, last batch", unit: "bits/\(token)")
  }
}

/// Reports progress of long work inside a check (a training loop): `task` says what the work is
/// ("training your LSTM"), then step `step` of `total` and the numbers, each saying what it is.
/// The learner sees it live (task, step, values, elapsed time, ETA) — on a terminal one line
/// rewritten in place, piped one line per tenth of each check — and the values become curves in
/// the attempt's results and in `practice report`, downsampled to at most 500 points over the
/// whole run. Cheap to call every step: the harness sends at most 20 updates a second, plus one
/// per 1/500 of `total` for the curves, and always the last step.
///
/// ```swift
/// let model = train(text: text, config: config) { step, loss in
///   reportProgress("training your LSTM", step: step + 1, of: config.steps, .trainingLoss(bits: loss / log(2), per: "char"))
/// }
/// ```
public func reportProgress(_ task: String, step: Int, of total: Int, _ values: ProgressValue...) {
  Harness.progress(step: step, total: total, task: task, values: values)
}

/// The unlabelled form: each value is shown under its name, with no unit and no task (prefer the
/// labelled form above, so the learner knows what the number is).
public func reportProgress(step: Int, of total: Int, _ values: [String: Double] = [:]) {
  let unlabelled = values.sorted { $0.key < $1.key }.map { ProgressValue($0.key, $0.value, label: $0.key) }
  Harness.progress(step: step, total: total, task: nil, values: unlabelled)
}

func closeness(_ got: Double, _ expected: Double, absolute: Double, relative: Double) -> String? {
  if got == expected { return nil }
  if got.isNaN { return "expected \(expected), got nan (a 0·log 0, 0/0 or ∞−∞ somewhere?)" }
  if expected.isNaN { return "expected nan, got \(got)" }
  let difference = abs(got - expected)
  let allowed = max(absolute, relative * abs(expected))
  if difference <= allowed { return nil }
  var text = "expected \(expected), got \(got) (difference \(difference)"
  if allowed > 0 { text += ", tolerance \(allowed)" }
  return text + ")"
}

func label(_ what: String?) -> String {
  guard let what, !what.isEmpty else { return "" }
  return what + ": "
}

func cause(_ diagnosis: String?) -> String {
  guard let diagnosis, !diagnosis.isEmpty else { return "" }
  return "\nlikely cause: " + diagnosis
}
