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

/// Reports progress of long work inside a check (a training loop): step `step` of `total`, with
/// the current values of some numbers (e.g. `["loss": 2.31]`). The learner sees it live (steps,
/// elapsed time, ETA), and the values become curves in the attempt's results and in
/// `practice report`. Cheap to call every step: the harness sends at most 20 updates a second.
public func reportProgress(step: Int, of total: Int, _ values: [String: Double] = [:]) {
  Harness.progress(step: step, total: total, values: values)
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
