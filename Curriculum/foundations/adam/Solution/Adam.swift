import Foundation

/// The Adam optimiser (Kingma & Ba 2015), with bias correction.
struct Adam {
  var learningRate: Double
  var beta1 = 0.9
  var beta2 = 0.999
  var epsilon = 1e-8
  /// Running means of the gradients and of their squares, one per parameter.
  var m: [Double] = []
  var v: [Double] = []
  /// Steps taken so far.
  var t = 0

  init(learningRate: Double) {
    self.learningRate = learningRate
  }

  /// One update of `parameters` from `gradients`.
  mutating func step(_ parameters: inout [Double], _ gradients: [Double]) {
    if m.isEmpty {
      m = [Double](repeating: 0, count: parameters.count)
      v = [Double](repeating: 0, count: parameters.count)
    }
    t += 1
    let correction1 = 1 - pow(beta1, Double(t))
    let correction2 = 1 - pow(beta2, Double(t))
    for i in parameters.indices {
      m[i] = beta1 * m[i] + (1 - beta1) * gradients[i]
      v[i] = beta2 * v[i] + (1 - beta2) * gradients[i] * gradients[i]
      parameters[i] -= learningRate * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + epsilon)
    }
  }
}
