import PracticeChecks

// Expected values derived by hand where noted, otherwise with float64 numpy at authoring time:
//   H = lambda p, b=2: -sum(x*np.log(x) for x in p if x > 0) / np.log(b)
// (independently of the reference solution). Tolerance 1e-12 absolute: exact up to libm rounding.

let checks = CheckSuite {
  Check(
    "half-quarter-quarter", "H(½, ¼, ¼) is 1.5 bits", points: 1,
    hint: "H(p) = −Σ p·log₂(p). Use log2, or divide the natural log by log(base)."
  ) {
    // By hand: ½·1 + ¼·2 + ¼·2 = 1.5. In nats it is 1.5·ln 2 = 1.0397207708399179 (numpy).
    try expectClose(entropy([0.5, 0.25, 0.25]), 1.5, absolute: 1e-12, "entropy([0.5, 0.25, 0.25])") { got in
      abs(got - 1.0397207708399179) < 1e-9 ? "this is the entropy in nats: Swift's log is the natural log" : nil
    }
  }
  Check("uniform-8", "a uniform distribution over 8 outcomes has log₂ 8 = 3 bits", points: 1) {
    // By hand: log2(8) = 3.
    try expectClose(entropy(Array(repeating: 0.125, count: 8)), 3, absolute: 1e-12, "entropy(uniform over 8)")
  }
  Check("fair-die", "a fair die has log₂ 6 bits", points: 1) {
    // numpy: np.log2(6) = 2.584962500721156
    try expectClose(
      entropy(Array(repeating: 1.0 / 6, count: 6)), 2.584962500721156, absolute: 1e-12, "entropy(fair die)")
  }
  Check(
    "zero-probability", "outcomes with probability 0 contribute nothing", points: 1,
    hint: "0 * log2(0) is 0 * -inf = nan in floating point. Skip the terms where p is 0."
  ) {
    // By hand: H(½, 0, ½) = H(½, ½) = 1.
    try expectClose(entropy([0.5, 0, 0.5]), 1, absolute: 1e-12, "entropy([0.5, 0, 0.5])")
  }
  Check(
    "certain", "a certain outcome carries 0 bits", points: 1,
    hint: "Only the outcome with p = 1 remains, and log 1 = 0; the zeros must not turn into nan."
  ) {
    // By hand: -1·log2(1) = 0.
    try expectClose(entropy([0, 1, 0]), 0, absolute: 1e-12, "entropy([0, 1, 0])")
    // By hand: a one-symbol alphabet carries no information.
    try expectClose(entropy([1]), 0, absolute: 1e-12, "entropy([1])")
  }
  Check("binary-tenth", "the binary entropy H₂(0.1) is about 0.469 bits", points: 1) {
    // numpy: H([0.1, 0.9]) = 0.46899559358928117
    try expectClose(entropy([0.1, 0.9]), 0.46899559358928117, absolute: 1e-12, "entropy([0.1, 0.9])")
  }
  Check(
    "base-e", "in base e, H(½, ½) = ln 2 nats", points: 1, dependsOn: ["half-quarter-quarter"],
    hint: "Use the base argument: H_b = −Σ p·ln p / ln b."
  ) {
    // By hand: ln 2 = 0.6931471805599453.
    try expectClose(
      entropy([0.5, 0.5], base: 2.718281828459045), 0.6931471805599453, absolute: 1e-12,
      "entropy([0.5, 0.5], base: e)")
  }
  Check(
    "base-10", "in base 10, H(0.2, 0.3, 0.5) is about 0.447 hartleys", points: 1, dependsOn: ["half-quarter-quarter"]
  ) {
    // numpy: H([0.2, 0.3, 0.5], 10) = 0.44717262228329563
    try expectClose(
      entropy([0.2, 0.3, 0.5], base: 10), 0.44717262228329563, absolute: 1e-12, "entropy([0.2, 0.3, 0.5], base: 10)")
  }
}
