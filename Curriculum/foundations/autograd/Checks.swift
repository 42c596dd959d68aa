import Foundation
import PracticeChecks

// Expected values: micrograd's test_engine.py (test_sanity_check, test_more_ops), whose reference
// numbers come from PyTorch in float64 [src]; the diamond by hand; the unary derivatives against
// central differences.
let checks = CheckSuite {
  Check(
    "sanity", "micrograd's sanity check: y = −20, ∂y/∂x = 46", points: 4,
    hint: "backward(): order the graph depth-first (children before the value), set grad = 1, walk it backwards."
  ) {
    let x = Value(-4)
    let z = 2 * x + 2 + x
    let q = z.relu() + z * x
    let h = (z * z).relu()
    let y = h + q + q * x
    y.backward()
    try expectClose(y.data, -20, absolute: 1e-6, "y")
    try expectClose(x.grad, 46, absolute: 1e-6, "∂y/∂x")
  }
  Check(
    "more-ops", "micrograd's more-ops test: g = 24.704, ∂g/∂a = 138.83, ∂g/∂b = 645.58", points: 4,
    dependsOn: ["sanity"], hint: "pow's local derivative is k·aᵏ⁻¹; division uses pow(b, −1)."
  ) {
    let a = Value(-4)
    let b = Value(2)
    var c = a + b
    var d = a * b + pow(b, 3)
    c += c + 1
    c += 1 + c + (-a)
    d += d * 2 + (b + a).relu()
    d += 3 * d + (b - a).relu()
    let e = c - d
    let f = pow(e, 2)
    var g = f / 2
    g += 10 / f
    g.backward()
    try expectClose(g.data, 24.70408163265306, absolute: 1e-6, "g")
    try expectClose(a.grad, 138.83381924198252, absolute: 1e-6, "∂g/∂a")
    try expectClose(b.grad, 645.5772594752186, absolute: 1e-6, "∂g/∂b")
  }
  Check(
    "diamond", "a value used twice collects both gradients: ∂(a + a)/∂a = 2", points: 2,
    hint: "Accumulate with += in every backward step; = loses all but the last contribution."
  ) {
    let a = Value(3)
    let b = a + a
    b.backward()
    try expectClose(a.grad, 2, absolute: 1e-12, "∂(a + a)/∂a") {
      $0 == 1 ? "a gradient was assigned (=) instead of accumulated (+=)" : nil
    }
    let x = Value(2)
    let y = x * x * x
    y.backward()
    try expectClose(x.grad, 12, absolute: 1e-12, "∂x³/∂x at 2")
    // Your own operations must accumulate too: ∂(eᵃ + eᵃ)/∂a = 2eᵃ; ∂(a² + a³)/∂a = 2a + 3a².
    let u = Value(0.5)
    let twice = u.exp() + u.exp()
    twice.backward()
    try expectClose(u.grad, 2 * exp(0.5), relative: 1e-12, "∂(eᵃ + eᵃ)/∂a") {
      abs($0 - exp(0.5)) < 1e-9 ? "exp's backward step assigned (=) instead of accumulating (+=)" : nil
    }
    let v = Value(1.5)
    let powers = pow(v, 2) + pow(v, 3)
    powers.backward()
    try expectClose(v.grad, 2 * 1.5 + 3 * 1.5 * 1.5, relative: 1e-12, "∂(a² + a³)/∂a")
  }
  Check(
    "unary", "tanh, exp and log have the right derivatives (finite differences)", points: 2,
    dependsOn: ["sanity"]
  ) {
    for (name, op) in [("tanh", { (v: Value) in v.tanh() }), ("exp", { $0.exp() }), ("log", { $0.log() })] {
      let point = 0.7
      let input = Value(point)
      let out = op(input)
      out.backward()
      let numeric = centralDifference(of: { op(Value($0)).data }, at: point)
      try expectClose(input.grad, numeric, relative: 1e-7, "d\(name)/dx at 0.7")
    }
  }
}

func centralDifference(of f: (Double) -> Double, at x: Double, h: Double = 1e-5) -> Double {
  (f(x + h) - f(x - h)) / (2 * h)
}
