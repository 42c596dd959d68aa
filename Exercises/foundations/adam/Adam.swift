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
    // TODO: start m and v at zeros; t += 1; update m, v; bias-correct; move each parameter.
  }
}
