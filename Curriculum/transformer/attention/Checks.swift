import Foundation
import PracticeChecks

// Values: float64 numpy at authoring time (Curriculum/transformer/authoring/reference_values.py,
// "attention"), matching CONTENT.md 3.3. The same script gives what the classic bugs produce on this
// fixture, which the diagnoses recognise: without the 1/√d scale row 1 is [0.2689, 0.7311, 0]; with
// the mask applied after the softmax row 1 is [0.2840, 0.5760, 0] (and row 0 [0.4011, 0, 0]); with
// the softmax over the keys' axis (columns) row 1 is [0.1978, 0.5, 0]. The properties (rows sum to 1, causality, a fully masked row)
// hold for any correct implementation.

let fixtureQ = Tensor(rows: [[1, 0], [0, 1], [1, 1]])
let fixtureK = Tensor(rows: [[1, 0], [0, 1], [1, -1]])
let fixtureV = Tensor(rows: [[1, 2], [3, 4], [5, 6]])

let checks = CheckSuite {
  Check(
    "fixture", "causal attention on a 3 × 2 fixture: weights and outputs (1e-12)", points: 4,
    hint: "scores = q·kᵀ/√d, future keys set to −∞, softmax of each row, out = weights·v."
  ) {
    let (out, cache) = attentionForward(q: fixtureQ, k: fixtureK, v: fixtureV, causal: true)
    try expectShape(cache.weights.shape, [3, 3], "weights")
    try expectShape(out.shape, [3, 2], "out")
    try expectAllClose(
      cache.weights.data,
      [1, 0, 0, 0.3302384506733431, 0.6697615493266569, 0, 0.4011120926797859, 0.4011120926797859, 0.1977758146404282],
      absolute: 1e-12, "weights",
      diagnose: { got in
        if abs(got[3] - 0.2689414213699951) < 1e-9 { return "the scores are not scaled by 1/√d" }
        if abs(got[3] - 0.1977758146404282) < 1e-9 {
          return "the softmax runs down the columns; it runs along each row"
        }
        if abs(got[3] - 0.28399540974126003) < 1e-9 {
          return "the mask is applied after the softmax: set −∞ before it"
        }
        if got[0].isNaN || got[0] == 0 {
          return "row 0 has no key: the causal mask must allow j ≤ i (the diagonal too)"
        }
        return nil
      })
    try expectAllClose(
      out.data, [1, 2, 2.3395230986533138, 3.3395230986533138, 2.5933274439212846, 3.5933274439212846],
      absolute: 1e-12, "out")
  }
  Check(
    "rows", "every row of the weights is a probability distribution, future keys exactly 0 (random 7 × 5)",
    points: 2, dependsOn: ["fixture"],
    hint: "Subtract the row's maximum before exp: scores can be large."
  ) {
    let q = Tensor(randomUniformShape: [7, 5], in: -30...30, seed: 1)
    let k = Tensor(randomUniformShape: [7, 5], in: -30...30, seed: 2)
    let v = Tensor(randomUniformShape: [7, 3], in: -1...1, seed: 3)
    for causal in [false, true] {
      let weights = attentionForward(q: q, k: k, v: v, causal: causal).cache.weights
      for i in 0..<7 {
        let row = weights.row(i).data
        try expectFinite(row, "weights row \(i)")
        try expectProbabilityVector(row, tolerance: 1e-12, "weights row \(i)\(causal ? " (causal)" : "")")
        if causal {
          for j in (i + 1)..<7 where row[j] != 0 {
            throw CheckFailure("row \(i) gives weight \(row[j]) to future key \(j)")
          }
        }
      }
    }
  }
  Check(
    "causal", "changing tokens after t leaves every output up to t unchanged; out[0] = v[0]", points: 3,
    dependsOn: ["fixture"],
    hint: "With the causal mask, query i sees keys 0…i only, whatever comes later."
  ) {
    let q = Tensor(randomUniformShape: [8, 4], in: -2...2, seed: 4)
    let k = Tensor(randomUniformShape: [8, 4], in: -2...2, seed: 5)
    let v = Tensor(randomUniformShape: [8, 3], in: -2...2, seed: 6)
    let out = attentionForward(q: q, k: k, v: v, causal: true).out
    try expectAllClose(out.row(0).data, v.row(0).data, absolute: 1e-15, "out[0] (only key 0 is visible)")
    for t in [2, 5] {
      var (q2, k2, v2) = (q, k, v)
      for row in (t + 1)..<8 {
        for c in 0..<4 {
          q2[row, c] += 1.5
          k2[row, c] -= 0.7
        }
        for c in 0..<3 { v2[row, c] *= -3 }
      }
      let changed = attentionForward(q: q2, k: k2, v: v2, causal: true).out
      try expectAllClose(changed.rows(0..<(t + 1)).data, out.rows(0..<(t + 1)).data, absolute: 1e-12, "outputs 0…\(t)")
    }
  }
  Check(
    "masked-row", "a query with no key allowed gets zero weights and output, never NaN", points: 3,
    dependsOn: ["rows"],
    hint: "If every score of a row is −∞, the softmax is 0/0: treat that row separately."
  ) {
    let q = Tensor(randomUniformShape: [4, 3], in: -1...1, seed: 7)
    let k = Tensor(randomUniformShape: [5, 3], in: -1...1, seed: 8)
    let v = Tensor(randomUniformShape: [5, 2], in: -1...1, seed: 9)
    var allowed = [[Bool]](repeating: [true, true, false, true, false], count: 4)
    allowed[2] = [false, false, false, false, false]
    let (out, cache) = attentionForward(q: q, k: k, v: v, causal: false, allowed: allowed)
    try expectFinite(out.data, "out")
    try expectAllClose(cache.weights.row(2).data, [0, 0, 0, 0, 0], absolute: 0, "weights of the fully masked row")
    try expectAllClose(out.row(2).data, [0, 0], absolute: 0, "output of the fully masked row")
    // The other rows equal attention over keys 0, 1 and 3 alone.
    let kept = attentionForward(q: q, k: k.rows(at: [0, 1, 3]), v: v.rows(at: [0, 1, 3]), causal: false).out
    for row in [0, 1, 3] { try expectAllClose(out.row(row).data, kept.row(row).data, absolute: 1e-12, "out[\(row)]") }
  }
}
