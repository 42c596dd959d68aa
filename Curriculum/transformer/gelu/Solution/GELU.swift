import Foundation

/// GELU in its tanh form (GPT-2, llm.c): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
func gelu(_ x: Double) -> Double {
  0.5 * x * (1 + tanh((2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x)))
}

/// The derivative of `gelu`.
func geluDerivative(_ x: Double) -> Double {
  let c = (2 / Double.pi).squareRoot()
  let t = tanh(c * (x + 0.044715 * x * x * x))
  return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x)
}
