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
