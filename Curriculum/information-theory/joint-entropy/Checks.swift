import PracticeChecks

// The joint ensemble of MacKay, ITILA ch. 8 (also Cover & Thomas Example 2.2.1), stored with rows
// as X and columns as Y (MacKay prints it with rows as y). Expected values derived by hand from
// p(x) = (1/2, 1/4, 1/8, 1/8), p(y) uniform, and re-checked with float64 numpy at authoring time:
//   H(X) = 7/4, H(Y) = 2, H(X,Y) = 27/8, H(X|Y) = 11/8, H(Y|X) = 13/8, I(X;Y) = 3/8.
let mackay: [[Double]] = [
  [1.0 / 8, 1.0 / 16, 1.0 / 16, 1.0 / 4],
  [1.0 / 16, 1.0 / 8, 1.0 / 16, 0],
  [1.0 / 32, 1.0 / 32, 1.0 / 16, 0],
  [1.0 / 32, 1.0 / 32, 1.0 / 16, 0],
]

func transposed(_ table: [[Double]]) -> [[Double]] {
  (0..<table[0].count).map { j in table.map { $0[j] } }
}

/// A random joint table with every entry positive, from the course's seeded generator.
func randomJoint(_ generator: inout SeededGenerator) -> [[Double]] {
  let rows = 2 + generator.below(4)
  let columns = 2 + generator.below(4)
  let flat = generator.probabilityVector(rows * columns, floor: 1e-3)
  return (0..<rows).map { Array(flat[($0 * columns)..<(($0 + 1) * columns)]) }
}

let checks = CheckSuite {
  Check(
    "marginals", "the marginals of MacKay's table are (½, ¼, ⅛, ⅛) and uniform", points: 2,
    hint: "p(x) sums each row (joint[i]); p(y) sums each column (joint[i][j] over i)."
  ) {
    let (x, y) = marginals(mackay)
    try expectAllClose(x, [0.5, 0.25, 0.125, 0.125], absolute: 1e-12, "marginals(mackay).x")
    try expectAllClose(y, [0.25, 0.25, 0.25, 0.25], absolute: 1e-12, "marginals(mackay).y")
  }
  Check(
    "joint-entropy", "H(X,Y) = 27/8 bits", points: 2,
    hint: "Flatten the table and take its entropy; the zero entries must contribute 0, not nan."
  ) {
    try expectClose(jointEntropy(mackay), 3.375, absolute: 1e-12, "jointEntropy(mackay)")
  }
  Check(
    "conditional-x-given-y", "H(X|Y) = 11/8 bits", points: 2, dependsOn: ["marginals", "joint-entropy"],
    hint: "H(X|Y) = H(X,Y) − H(Y). If you got 13/8 you subtracted H(X): `given: .y` means Y is known."
  ) {
    try expectClose(
      conditionalEntropy(mackay, given: .y), 1.375, absolute: 1e-12, "conditionalEntropy(mackay, given: .y)")
  }
  Check(
    "conditional-y-given-x", "H(Y|X) = 13/8 bits", points: 2, dependsOn: ["marginals", "joint-entropy"],
    hint: "H(Y|X) = H(X,Y) − H(X)."
  ) {
    try expectClose(
      conditionalEntropy(mackay, given: .x), 1.625, absolute: 1e-12, "conditionalEntropy(mackay, given: .x)")
  }
  Check(
    "mutual-information", "I(X;Y) = 3/8 bits", points: 2, dependsOn: ["marginals", "joint-entropy"],
    hint: "I(X;Y) = H(X) + H(Y) − H(X,Y) = 7/4 + 2 − 27/8."
  ) {
    try expectClose(mutualInformation(mackay), 0.375, absolute: 1e-12, "mutualInformation(mackay)")
  }
  Check(
    "independent", "independent variables share no information", points: 1, dependsOn: ["mutual-information"],
    hint: "For p(x,y) = p(x)·p(y), H(X,Y) = H(X) + H(Y) exactly, so I must be 0 (up to rounding)."
  ) {
    // By hand: the outer product of (0.2, 0.8) and (0.5, 0.25, 0.25) is independent, so I = 0.
    let px = [0.2, 0.8]
    let py = [0.5, 0.25, 0.25]
    let joint = px.map { a in py.map { b in a * b } }
    try expectClose(mutualInformation(joint), 0, absolute: 1e-12, "mutualInformation(p(x)·p(y))")
  }
  Check(
    "properties", "on random tables: I ≥ 0, I(X;Y) = I(Y;X), H(X|Y) ≤ H(X)", points: 1,
    dependsOn: ["mutual-information", "conditional-x-given-y"]
  ) {
    // Properties, not values: they hold for every joint distribution (Gibbs' inequality).
    try forAll(seeds: 1...30, randomJoint) { joint in
      let information = mutualInformation(joint)
      try expect(information >= -1e-12, "I(X;Y) = \(information) is negative")
      try expectClose(mutualInformation(transposed(joint)), information, absolute: 1e-12, "I(Y;X) against I(X;Y)")
      let hx = entropy(marginals(joint).x)
      let conditional = conditionalEntropy(joint, given: .y)
      try expect(conditional <= hx + 1e-12, "H(X|Y) = \(conditional) exceeds H(X) = \(hx)")
    }
  }
}
