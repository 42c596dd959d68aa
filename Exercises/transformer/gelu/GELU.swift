import Foundation

/// GELU in its tanh form (GPT-2, llm.c): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
func gelu(_ x: Double) -> Double {
  // TODO
  max(0, x)
}

/// The derivative of `gelu`.
func geluDerivative(_ x: Double) -> Double {
  // TODO
  x > 0 ? 1 : 0
}
