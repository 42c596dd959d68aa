/// Fails unless two shapes are equal, e.g. `expectShape([out.rows, out.cols], [4, 6], "logits")`.
public func expectShape(_ got: [Int], _ expected: [Int], _ what: String? = nil) throws {
  guard got != expected else { return }
  let show = { (shape: [Int]) in "(" + shape.map(String.init).joined(separator: ", ") + ")" }
  throw CheckFailure(label(what) + "expected shape \(show(expected)), got \(show(got))")
}

/// Element-wise `expectClose` with a length check. The message names the worst element (its index,
/// both values), how many elements are outside the tolerance, and the largest absolute and
/// relative errors.
///
/// - Parameter diagnose: called with `got` when the check fails; a non-nil answer is shown as the
///   likely cause (e.g. "the rows sum to 1, not the columns: softmax over the wrong axis").
public func expectAllClose(
  _ got: [Double], _ expected: [Double], absolute: Double = 0, relative: Double = 0, _ what: String? = nil,
  diagnose: (([Double]) -> String?)? = nil
) throws {
  guard got.count == expected.count else {
    throw CheckFailure(label(what) + "expected \(expected.count) values, got \(got.count)")
  }
  if let problem = compare(got, expected, absolute: absolute, relative: relative, index: { "[\($0)]" }) {
    throw CheckFailure(label(what) + problem + cause(diagnose?(got)))
  }
}

/// `expectAllClose` for matrices given as rows: checks the shape first, then every element.
public func expectAllClose(
  _ got: [[Double]], _ expected: [[Double]], absolute: Double = 0, relative: Double = 0, _ what: String? = nil,
  diagnose: (([[Double]]) -> String?)? = nil
) throws {
  let gotShape = [got.count, got.first?.count ?? 0]
  let expectedShape = [expected.count, expected.first?.count ?? 0]
  try expectShape(gotShape, expectedShape, what)
  if let ragged = got.firstIndex(where: { $0.count != gotShape[1] }) {
    throw CheckFailure(label(what) + "row \(ragged) has \(got[ragged].count) values, row 0 has \(gotShape[1])")
  }
  let columns = max(1, gotShape[1])
  if let problem = compare(
    got.flatMap { $0 }, expected.flatMap { $0 }, absolute: absolute, relative: relative,
    index: { "[\($0 / columns), \($0 % columns)]" })
  {
    throw CheckFailure(label(what) + problem + cause(diagnose?(got)))
  }
}

/// Fails if any value is NaN or infinite, naming the first one.
public func expectFinite(_ values: [Double], _ what: String? = nil) throws {
  guard let index = values.firstIndex(where: { !$0.isFinite }) else { return }
  let count = values.filter { !$0.isFinite }.count
  throw CheckFailure(
    label(what) + "value [\(index)] is \(values[index])"
      + (count > 1 ? " (\(count) of \(values.count) are not finite)" : ""))
}

/// Fails unless `p` is a probability vector: every entry finite and non-negative, summing to 1
/// within `tolerance`.
public func expectProbabilityVector(_ p: [Double], tolerance: Double = 1e-9, _ what: String? = nil) throws {
  try expectFinite(p, what)
  if let index = p.firstIndex(where: { $0 < 0 }) {
    throw CheckFailure(label(what) + "probability [\(index)] is negative: \(p[index])")
  }
  let total = p.reduce(0, +)
  if abs(total - 1) > tolerance {
    throw CheckFailure(label(what) + "the probabilities sum to \(total), not 1 (tolerance \(tolerance))")
  }
}

/// Compares element-wise; nil when all are close, else the message.
func compare(
  _ got: [Double], _ expected: [Double], absolute: Double, relative: Double, index: (Int) -> String
) -> String? {
  var worst: (index: Int, excess: Double, problem: String)?
  var outside = 0
  var maxAbsolute = 0.0
  var maxRelative = 0.0
  for position in got.indices {
    let difference = abs(got[position] - expected[position])
    if difference.isNaN || difference.isInfinite {
      if got[position] != expected[position] {
        maxAbsolute = .infinity
        maxRelative = .infinity
      }
    } else {
      maxAbsolute = max(maxAbsolute, difference)
      if expected[position] != 0 { maxRelative = max(maxRelative, difference / abs(expected[position])) }
    }
    guard let problem = closeness(got[position], expected[position], absolute: absolute, relative: relative) else {
      continue
    }
    outside += 1
    let allowed = max(absolute, relative * abs(expected[position]))
    let excess = difference.isNaN ? .infinity : difference - allowed
    if excess > (worst?.excess ?? -.infinity) { worst = (position, excess, problem) }
  }
  guard let worst else { return nil }
  var text = "at \(index(worst.index)): \(worst.problem)"
  text += "; \(outside) of \(got.count) values outside the tolerance"
  text += "; max abs error \(maxAbsolute), max rel error \(maxRelative)"
  return text
}
