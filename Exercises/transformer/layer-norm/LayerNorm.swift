import Foundation
import PracticeNumerics

/// What the backward pass needs: the normalised rows and each row's 1/σ.
struct LayerNormCache {
  var normalized: Tensor
  var inverseStd: [Double]
  var gamma: Tensor
}

/// Normalises each row of x (rows, C) to mean 0 and variance 1 — biased variance (divide by C), eps
/// inside the square root, as PyTorch, nanoGPT and llm.c do — then scales by gamma and shifts by
/// beta (C each).
func layerNormForward(x: Tensor, gamma: Tensor, beta: Tensor, eps: Double = 1e-5) -> (
  out: Tensor, cache: LayerNormCache
) {
  // TODO: per row: mean, variance (divide by C), 1/sqrt(variance + eps), normalise; then ⊙ gamma + beta.
  let normalized = Tensor(zeros: x.shape)
  return (
    normalized, LayerNormCache(normalized: normalized, inverseStd: [Double](repeating: 0, count: x.rows), gamma: gamma)
  )
}

/// dx, dgamma, dbeta from dout (rows, C).
func layerNormBackward(dout: Tensor, cache: LayerNormCache) -> (dx: Tensor, dGamma: Tensor, dBeta: Tensor) {
  // TODO: dnorm = dout ⊙ gamma; per row dx = (1/σ)·(dnorm − mean(dnorm) − norm·mean(dnorm ⊙ norm));
  // dgamma and dbeta are sums over the rows.
  (Tensor(zeros: dout.shape), Tensor(zeros: [dout.columns]), Tensor(zeros: [dout.columns]))
}
