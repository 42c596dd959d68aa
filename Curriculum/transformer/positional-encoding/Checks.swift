import Foundation
import PracticeChecks

// Values: Python's math at authoring time (Curriculum/transformer/authoring/reference_values.py,
// "positional-encoding"), matching CONTENT.md 3.2. The properties follow from sin² + cos² = 1 and
// cos(a)cos(b) + sin(a)sin(b) = cos(a − b): each (sin, cos) pair has norm 1, and the dot product of
// two rows depends only on the distance between the positions.

let checks = CheckSuite {
  Check(
    "values", "PE(pos 1, d 4) and PE(pos 3, d 6) (tolerance 1e-12)", points: 4,
    hint: "Column 2i and 2i + 1 share the angle pos / 10000^(2i/d): i counts pairs, 2i is the even column."
  ) {
    let four = sinusoidalPositions(count: 2, dimension: 4)
    try expectShape(four.shape, [2, 4], "table")
    try expectAllClose(
      four.row(1).data, [0.8414709848078965, 0.5403023058681398, 0.00999983333416666, 0.9999500004166653],
      absolute: 1e-12, "PE(pos 1, d 4)",
      diagnose: { got in
        if abs(got[0] - 0.5403023058681398) < 1e-9 { return "sin and cos are swapped: even columns are sin" }
        if abs(got[2] - 0.0001) < 1e-7 {
          return "the exponent is 2c/d with c the column: it is 2i/d with i the pair index (c = 2i for the sin column)"
        }
        return nil
      })
    try expectAllClose(four.row(0).data, [0, 1, 0, 1], absolute: 1e-15, "PE(pos 0, d 4)")
    let six = sinusoidalPositions(count: 4, dimension: 6)
    try expectAllClose(
      six.row(3).data,
      [
        0.1411200080598672, -0.9899924966004454, 0.13879810108005056, 0.990320699135675, 0.00646325907018965,
        0.9999791129229608,
      ], absolute: 1e-12, "PE(pos 3, d 6)")
  }
  Check(
    "pairs", "every (sin, cos) pair has norm 1, for 50 positions of width 16", points: 2, dependsOn: ["values"],
    hint: "Both columns of a pair must use the same angle."
  ) {
    let table = sinusoidalPositions(count: 50, dimension: 16)
    for position in 0..<50 {
      for pair in stride(from: 0, to: 16, by: 2) {
        let norm = table[position, pair] * table[position, pair] + table[position, pair + 1] * table[position, pair + 1]
        try expectClose(norm, 1, absolute: 1e-12, "pair \(pair / 2) at position \(position)")
      }
    }
  }
  Check(
    "relative", "PE(p)·PE(p + k) depends only on k (relative positions are linear to read)", points: 2,
    dependsOn: ["values"],
    hint: "Holds when every pair is (sin θ, cos θ) of one angle proportional to the position."
  ) {
    let table = sinusoidalPositions(count: 60, dimension: 16)
    func dot(_ a: Int, _ b: Int) -> Double { zip(table.row(a).data, table.row(b).data).reduce(0) { $0 + $1.0 * $1.1 } }
    for k in [1, 5, 17] {
      for p in [0, 3, 20, 40] { try expectClose(dot(p, p + k), dot(0, k), absolute: 1e-12, "PE(\(p))·PE(\(p + k))") }
    }
  }
}
