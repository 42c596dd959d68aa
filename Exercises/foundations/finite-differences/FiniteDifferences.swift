import Foundation

/// ∂f/∂x[argument] at `x` by central differences: (f(x + h·e) − f(x − h·e)) / 2h.
func centralDifference(_ f: ([Double]) -> Double, at x: [Double], argument: Int, h: Double = 1e-6) -> Double {
  // TODO: evaluate f with x[argument] nudged up by h and down by h.
  return 0
}

/// CS231n's relative error: maxᵢ |aᵢ − bᵢ| / max(1e-8, |aᵢ| + |bᵢ|).
func relativeError(_ a: [Double], _ b: [Double]) -> Double {
  // TODO
  return 1
}
