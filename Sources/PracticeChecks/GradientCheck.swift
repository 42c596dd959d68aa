/// The relative error CS231n uses to compare gradients:
/// `max_i |a_i − b_i| / max(1e-8, |a_i| + |b_i|)`.
///
/// Below 1e-7 is good; 1e-7…1e-4 is suspicious except near kinks (ReLU); above 1e-2 is wrong.
public func relativeError(_ a: [Double], _ b: [Double]) -> Double {
  precondition(a.count == b.count, "relativeError: \(a.count) values against \(b.count)")
  var worst = 0.0
  for index in a.indices {
    let error = abs(a[index] - b[index]) / max(1e-8, abs(a[index]) + abs(b[index]))
    if error.isNaN { return .nan }
    worst = max(worst, error)
  }
  return worst
}

/// The gradient of a scalar function by central differences:
/// `∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h` (CS231n `eval_numerical_gradient`).
///
/// - Complexity: 2·n evaluations of `f` for n inputs.
public func numericalGradient(of f: ([Double]) -> Double, at x: [Double], h: Double = 1e-5) -> [Double] {
  var point = x
  return x.indices.map { index in
    let original = point[index]
    point[index] = original + h
    let plus = f(point)
    point[index] = original - h
    let minus = f(point)
    point[index] = original
    return (plus - minus) / (2 * h)
  }
}

/// The gradient of `Σⱼ f(x)ⱼ · upstreamⱼ` by central differences, for a vector-valued `f` and an
/// upstream gradient (CS231n `eval_numerical_gradient_array`).
public func numericalGradient(
  of f: ([Double]) -> [Double], at x: [Double], upstream: [Double], h: Double = 1e-5
) -> [Double] {
  numericalGradient(of: { input in zip(f(input), upstream).reduce(0) { $0 + $1.0 * $1.1 } }, at: x, h: h)
}

/// Fails unless `analytic` matches the central-difference gradient of `f` at `x`: the relative
/// error (CS231n's) must be at most `threshold`. Run gradient checks in Double.
public func expectGradient(
  _ analytic: [Double], of f: ([Double]) -> Double, at x: [Double], h: Double = 1e-5, threshold: Double = 1e-7,
  _ what: String? = nil
) throws {
  try checkGradient(analytic, numericalGradient(of: f, at: x, h: h), threshold: threshold, what)
}

/// `expectGradient` for a vector-valued `f` with an upstream gradient.
public func expectGradient(
  _ analytic: [Double], of f: ([Double]) -> [Double], upstream: [Double], at x: [Double], h: Double = 1e-5,
  threshold: Double = 1e-7, _ what: String? = nil
) throws {
  try checkGradient(analytic, numericalGradient(of: f, at: x, upstream: upstream, h: h), threshold: threshold, what)
}

func checkGradient(_ analytic: [Double], _ numeric: [Double], threshold: Double, _ what: String?) throws {
  guard analytic.count == numeric.count else {
    throw CheckFailure(label(what) + "the gradient has \(analytic.count) values; the input has \(numeric.count)")
  }
  try expectFinite(analytic, (what.map { $0 + ": " } ?? "") + "analytic gradient")
  let error = relativeError(analytic, numeric)
  guard error.isNaN || error > threshold else { return }
  var worstIndex = 0
  var worst = -1.0
  for index in analytic.indices {
    let local = abs(analytic[index] - numeric[index]) / max(1e-8, abs(analytic[index]) + abs(numeric[index]))
    if local > worst {
      worst = local
      worstIndex = index
    }
  }
  var message = label(what) + "relative error \(error) exceeds \(threshold); worst at [\(worstIndex)]: "
  message += "analytic \(analytic[worstIndex]), numerical \(numeric[worstIndex])"
  if analytic[worstIndex] != 0, abs(numeric[worstIndex] / analytic[worstIndex] + 1) < 1e-3 {
    message += cause("the sign is flipped")
  } else if analytic[worstIndex] != 0, abs(numeric[worstIndex] / analytic[worstIndex] - 2) < 1e-3 {
    message += cause("the analytic gradient is half the true one: a missing factor of 2, or a term counted once")
  } else if analytic[worstIndex] != 0, abs(numeric[worstIndex] / analytic[worstIndex] - 0.5) < 1e-3 {
    message += cause("the analytic gradient is twice the true one: a term counted twice")
  }
  throw CheckFailure(message)
}
