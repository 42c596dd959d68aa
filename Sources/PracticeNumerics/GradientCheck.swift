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
