import Foundation

/// ∂f/∂x[argument] at `x` by central differences: (f(x + h·e) − f(x − h·e)) / 2h.
func centralDifference(_ f: ([Double]) -> Double, at x: [Double], argument: Int, h: Double = 1e-6) -> Double {
  var up = x
  var down = x
  up[argument] += h
  down[argument] -= h
  return (f(up) - f(down)) / (2 * h)
}

/// CS231n's relative error: maxᵢ |aᵢ − bᵢ| / max(1e-8, |aᵢ| + |bᵢ|).
func relativeError(_ a: [Double], _ b: [Double]) -> Double {
  zip(a, b).reduce(0) { Swift.max($0, abs($1.0 - $1.1) / Swift.max(1e-8, abs($1.0) + abs($1.1))) }
}
