import Foundation
import PracticeChecks

// Values: float64 numpy at authoring time (Curriculum/transformer/authoring/reference_values.py,
// "layer-norm"). [1, 2, 3, 4] → ±1.3416354199689269, ±0.447211806656309 with the biased variance and
// eps = 1e-5 inside the square root (PyTorch, nanoGPT, llm.c); the Annotated Transformer's own
// LayerNorm (unbiased std, eps added to the std) gives ±1.1618941038629222, ±0.3872980346209741, the
// unbiased variance with eps inside −1.1618915181928988, and no eps at all ±1.3416407864998738, ±0.4472135954999579 — the diagnoses name them. Backward:
// central differences of the learner's own forward pass (CS231n-style threshold 1e-8).

let checks = CheckSuite {
  Check(
    "convention", "[1, 2, 3, 4] normalises to ±1.3416354, ±0.4472118 (biased variance, eps inside the sqrt)",
    points: 3,
    hint: "Variance: mean of (x − mean)², dividing by C, not C − 1; then divide by sqrt(variance + eps)."
  ) {
    let out = layerNormForward(
      x: Tensor(rows: [[1, 2, 3, 4]]), gamma: Tensor([1, 1, 1, 1]), beta: Tensor([0, 0, 0, 0])
    )
    .out
    try expectShape(out.shape, [1, 4], "out")
    try expectAllClose(
      out.data, [-1.3416354199689269, -0.447211806656309, 0.447211806656309, 1.3416354199689269], relative: 1e-12,
      "LayerNorm([1, 2, 3, 4])",
      diagnose: { got in
        if abs(got[0] + 1.1618941038629222) < 1e-6 {
          return
            "that is the Annotated Transformer's convention (unbiased std, eps outside); use the biased variance with eps inside the sqrt"
        }
        if abs(got[0] + 1.1618915181928988) < 1e-9 {
          return "the variance divides by C − 1 (unbiased); divide by C"
        }
        if abs(got[0] + 1.3416407864998738) < 1e-12 { return "eps is missing: sqrt(variance + eps)" }
        return nil
      })
  }
  Check(
    "affine", "rows normalised independently, then ⊙ gamma + beta (linspace fixture)", points: 3,
    dependsOn: ["convention"],
    hint: "Statistics per row (over the C columns), never over the whole matrix; gamma and beta per column."
  ) {
    let x = Tensor.linspace(-1, 2, count: 12).reshaped([3, 4])
    let out = layerNormForward(x: x, gamma: Tensor([1, 0.5, -2, 1.5]), beta: Tensor([0.1, 0, -0.3, 0.2])).out
    let expected: [Double] = [
      -1.2415686418594156, -0.22359477364323607, -1.1943790945729427, 2.2123529627891223,
      -1.2415686418594152, -0.22359477364323588, -1.1943790945729436, 2.212352962789123,
      -1.2415686418594154, -0.22359477364323638, -1.1943790945729427, 2.212352962789123,
    ]
    try expectAllClose(out.data, expected, absolute: 1e-12, "out")
  }
  Check(
    "backward", "dx, dgamma, dbeta match finite differences (relative error < 1e-8)", points: 6,
    dependsOn: ["affine"],
    hint: "The mean and the variance depend on every x of the row: dx has the two correction terms of the formula."
  ) {
    let x = Tensor(randomUniformShape: [4, 6], in: -2...2, seed: 1)
    let gamma = Tensor(randomUniformShape: [6], in: 0.5...1.5, seed: 2)
    let beta = Tensor(randomUniformShape: [6], in: -1...1, seed: 3)
    let dout = Tensor(randomUniformShape: [4, 6], in: -1...1, seed: 4)
    let cache = layerNormForward(x: x, gamma: gamma, beta: beta).cache
    let grads = layerNormBackward(dout: dout, cache: cache)
    try expectGradient(
      grads.dx.data, of: { layerNormForward(x: Tensor(shape: x.shape, data: $0), gamma: gamma, beta: beta).out.data },
      upstream: dout.data, at: x.data, threshold: 1e-8, "dx")
    try expectGradient(
      grads.dGamma.data, of: { layerNormForward(x: x, gamma: Tensor($0), beta: beta).out.data }, upstream: dout.data,
      at: gamma.data, threshold: 1e-8, "dgamma")
    try expectGradient(
      grads.dBeta.data, of: { layerNormForward(x: x, gamma: gamma, beta: Tensor($0)).out.data }, upstream: dout.data,
      at: beta.data, threshold: 1e-8, "dbeta")
  }
}
