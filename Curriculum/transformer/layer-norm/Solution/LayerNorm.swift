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
  let (rows, columns) = (x.rows, x.columns)
  var normalized = x
  var inverseStd = [Double](repeating: 0, count: rows)
  for r in 0..<rows {
    let row = x.data[r * columns..<(r + 1) * columns]
    let mean = row.reduce(0, +) / Double(columns)
    let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(columns)
    inverseStd[r] = 1 / (variance + eps).squareRoot()
    for c in 0..<columns { normalized.data[r * columns + c] = (x.data[r * columns + c] - mean) * inverseStd[r] }
  }
  return (normalized * gamma + beta, LayerNormCache(normalized: normalized, inverseStd: inverseStd, gamma: gamma))
}

/// dx, dgamma, dbeta from dout (rows, C): llm.c's formula
/// dx = (1/σ)·(dnorm − mean(dnorm) − norm·mean(dnorm ⊙ norm)), per row, with dnorm = dout ⊙ gamma.
func layerNormBackward(dout: Tensor, cache: LayerNormCache) -> (dx: Tensor, dGamma: Tensor, dBeta: Tensor) {
  let (rows, columns) = (dout.rows, dout.columns)
  let dNorm = dout * cache.gamma
  var dx = dNorm
  for r in 0..<rows {
    var meanD = 0.0
    var meanDN = 0.0
    for c in 0..<columns {
      meanD += dNorm.data[r * columns + c]
      meanDN += dNorm.data[r * columns + c] * cache.normalized.data[r * columns + c]
    }
    meanD /= Double(columns)
    meanDN /= Double(columns)
    for c in 0..<columns {
      let i = r * columns + c
      dx.data[i] = cache.inverseStd[r] * (dNorm.data[i] - meanD - cache.normalized.data[i] * meanDN)
    }
  }
  return (dx, (dout * cache.normalized).sum(axis: 0), dout.sum(axis: 0))
}
