import PracticeChecks

// Expected values derived with float64 numpy at authoring time, independently of the solution:
//   D = lambda p, q, b=2: sum(a*np.log(a/c) for a, c in zip(p, q) if a > 0) / np.log(b)
// and by hand where noted. Tolerance 1e-12 absolute.

let checks = CheckSuite {
  Check(
    "coin", "D((½,½) ‖ (0.9,0.1)) is about 0.737 bits", points: 2,
    hint: "D(p‖q) = Σ p·log2(p/q), weighted by p."
  ) {
    // numpy: D([.5,.5], [.9,.1]) = 0.7369655941662062; the reverse D(q‖p) = 0.5310044064107188.
    try expectClose(klDivergence([0.5, 0.5], [0.9, 0.1]), 0.7369655941662062, absolute: 1e-12, "klDivergence(p, q)") {
      abs($0 - 0.5310044064107188) < 1e-9 ? "this is D(q‖p): the weights must come from the first argument, p" : nil
    }
  }
  Check(
    "asymmetric", "D((0.9,0.1) ‖ (½,½)) is about 0.531 bits: KL is not symmetric", points: 1, dependsOn: ["coin"]
  ) {
    // numpy: D([.9,.1], [.5,.5]) = 0.5310044064107188
    try expectClose(klDivergence([0.9, 0.1], [0.5, 0.5]), 0.5310044064107188, absolute: 1e-12, "klDivergence(q, p)")
  }
  Check("self", "D(p‖p) = 0", points: 1) {
    // By hand: log(p/p) = 0 for every term.
    try expectClose(klDivergence([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]), 0, absolute: 1e-12, "klDivergence(p, p)")
  }
  Check("against-uniform", "D((½,¼,¼) ‖ uniform) = log₂3 − 1.5", points: 1, dependsOn: ["coin"]) {
    // By hand: D(p‖u) = log2(3) − H(p) = 1.584962500721156 − 1.5; numpy gives 0.0849625007211562.
    try expectClose(
      klDivergence([0.5, 0.25, 0.25], [1.0 / 3, 1.0 / 3, 1.0 / 3]), 0.0849625007211562, absolute: 1e-12,
      "klDivergence([0.5, 0.25, 0.25], uniform)")
  }
  Check(
    "zero-in-p", "terms with p = 0 contribute nothing", points: 1, dependsOn: ["coin"],
    hint: "Skip the terms where p is 0: 0·log(0/q) is nan in floating point, but its limit is 0."
  ) {
    // By hand: ½·log2(½/¼)·2 = 1.
    try expectClose(
      klDivergence([0.5, 0.5, 0], [0.25, 0.25, 0.5]), 1, absolute: 1e-12, "klDivergence([.5,.5,0], [.25,.25,.5])")
  }
  Check(
    "impossible-in-q", "q = 0 where p > 0 gives +∞", points: 1,
    hint: "Return .infinity when q says impossible what p makes possible; do not clamp q to a small number."
  ) {
    let value = klDivergence([0.5, 0.5], [1, 0])
    try expect(value == .infinity, "klDivergence([0.5, 0.5], [1, 0]): expected inf, got \(value)")
  }
  Check(
    "cross-entropy", "H((½,½), (0.9,0.1)) = H(p) + D(p‖q) ≈ 1.737 bits", points: 2,
    hint: "H(p, q) = −Σ p·log2(q); the log is of q, the weights are p."
  ) {
    // numpy: -(0.5*np.log2(0.9) + 0.5*np.log2(0.1)) = 1.736965594166206 (= 1 + 0.7369655941662062)
    try expectClose(crossEntropy([0.5, 0.5], [0.9, 0.1]), 1.736965594166206, absolute: 1e-12, "crossEntropy(p, q)")
    // By hand: a term with p = q = 0 contributes 0; q = 0 where p > 0 makes it infinite.
    try expectClose(crossEntropy([0.5, 0.5, 0], [0.5, 0.5, 0]), 1, absolute: 1e-12, "crossEntropy with p = q = 0")
    let impossible = crossEntropy([0.5, 0.5], [1, 0])
    try expect(impossible == .infinity, "crossEntropy([0.5, 0.5], [1, 0]): expected inf, got \(impossible)")
  }
  Check(
    "cross-entropy-nats", "in base e, H((¼,¾), uniform) = ln 2", points: 1, dependsOn: ["cross-entropy"],
    hint: "Divide the natural-log sum by log(base)."
  ) {
    // By hand: −(¼·ln ½ + ¾·ln ½) = ln 2 = 0.6931471805599453, whatever p is.
    try expectClose(
      crossEntropy([0.25, 0.75], [0.5, 0.5], base: 2.718281828459045), 0.6931471805599453, absolute: 1e-12,
      "crossEntropy([0.25, 0.75], [0.5, 0.5], base: e)")
  }
}
