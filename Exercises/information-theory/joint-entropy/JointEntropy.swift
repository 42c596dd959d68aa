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
  // TODO: sum the rows for p(x) and the columns for p(y).
  return (x: [], y: [])
}

/// H(X,Y) in bits: the entropy of the whole table read as one distribution.
func jointEntropy(_ joint: [[Double]]) -> Double {
  // TODO
  return 0
}

/// H(X|Y) (`given: .y`) or H(Y|X) (`given: .x`), in bits.
///
/// Hint: the chain rule, H(X,Y) = H(Y) + H(X|Y).
func conditionalEntropy(_ joint: [[Double]], given: Variable) -> Double {
  // TODO
  return 0
}

/// I(X;Y) in bits: how much knowing one variable tells about the other.
func mutualInformation(_ joint: [[Double]]) -> Double {
  // TODO
  return 0
}
