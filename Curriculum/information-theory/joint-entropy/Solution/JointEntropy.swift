import Foundation

/// Which variable a conditional entropy conditions on.
enum Variable {
  case x, y
}

/// Given (from the previous exercise): the entropy of a distribution in bits, 0·log 0 = 0.
func entropy(_ p: [Double]) -> Double {
  -p.filter { $0 > 0 }.reduce(0) { $0 + $1 * log2($1) }
}

/// The marginal distributions of a joint table `joint[i][j] = P(X = i, Y = j)`.
///
/// - Returns: `x[i] = Σⱼ joint[i][j]` (row sums) and `y[j] = Σᵢ joint[i][j]` (column sums).
func marginals(_ joint: [[Double]]) -> (x: [Double], y: [Double]) {
  let x = joint.map { $0.reduce(0, +) }
  let columns = joint.first?.count ?? 0
  let y = (0..<columns).map { j in joint.reduce(0) { $0 + $1[j] } }
  return (x, y)
}

/// H(X,Y) in bits: the entropy of the whole table read as one distribution.
func jointEntropy(_ joint: [[Double]]) -> Double {
  entropy(joint.flatMap { $0 })
}

/// H(X|Y) (`given: .y`) or H(Y|X) (`given: .x`), in bits.
func conditionalEntropy(_ joint: [[Double]], given: Variable) -> Double {
  let (px, py) = marginals(joint)
  return jointEntropy(joint) - entropy(given == .x ? px : py)
}

/// I(X;Y) in bits: how much knowing one variable tells about the other.
func mutualInformation(_ joint: [[Double]]) -> Double {
  let (px, py) = marginals(joint)
  return entropy(px) + entropy(py) - jointEntropy(joint)
}
