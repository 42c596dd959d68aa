import Foundation
import PracticeNumerics

// Given (from the earlier exercises): layers, softmax cross-entropy for a batch, and Adam.

func linearForward(_ x: Tensor, _ w: Tensor, _ b: Tensor) -> Tensor { x.matmul(w) + b }

func linearBackward(_ dout: Tensor, x: Tensor, w: Tensor) -> (dx: Tensor, dw: Tensor, db: Tensor) {
  (dout.matmul(w, transposeOther: true), x.matmul(dout, transposeSelf: true), dout.sum(axis: 0))
}

func tanhBackward(_ dout: Tensor, output: Tensor) -> Tensor { dout * output.map { 1 - $0 * $0 } }

/// The mean cross-entropy (nats) of a batch of logits (N, C) against labels, and its gradient.
func softmaxCrossEntropy(_ logits: Tensor, labels: [Int]) -> (loss: Double, dlogits: Tensor) {
  let n = logits.rows
  var gradient = logits
  var loss = 0.0
  for i in 0..<n {
    let row = logits.row(i).data
    let top = row.max() ?? 0
    let exps = row.map { exp($0 - top) }
    let total = exps.reduce(0, +)
    loss += log(total) + top - row[labels[i]]
    for j in row.indices { gradient[i, j] = (exps[j] / total - (j == labels[i] ? 1 : 0)) / Double(n) }
  }
  return (loss / Double(n), gradient)
}

/// Adam on a flat parameter array.
struct Adam {
  var learningRate: Double
  var m: [Double] = []
  var v: [Double] = []
  var t = 0

  mutating func step(_ parameters: inout [Double], _ gradients: [Double]) {
    if m.isEmpty {
      m = [Double](repeating: 0, count: parameters.count)
      v = m
    }
    t += 1
    for i in parameters.indices {
      m[i] = 0.9 * m[i] + 0.1 * gradients[i]
      v[i] = 0.999 * v[i] + 0.001 * gradients[i] * gradients[i]
      let mHat = m[i] / (1 - pow(0.9, Double(t)))
      let vHat = v[i] / (1 - pow(0.999, Double(t)))
      parameters[i] -= learningRate * mHat / (vHat.squareRoot() + 1e-8)
    }
  }
}

/// A two-layer network: x (N, 2) → linear → tanh → linear → logits (N, 2).
struct MLP {
  var w1: Tensor
  var b1: Tensor
  var w2: Tensor
  var b2: Tensor

  /// Weights uniform in ±1/√(fan-in) from SplitMix64(seed), biases zero.
  init(hidden: Int, seed: UInt64) {
    // TODO
    w1 = Tensor(zeros: [2, hidden])
    b1 = Tensor(zeros: [hidden])
    w2 = Tensor(zeros: [hidden, 2])
    b2 = Tensor(zeros: [2])
  }

  /// The logits for a batch of points.
  func logits(_ x: Tensor) -> Tensor {
    // TODO
    return Tensor(zeros: [x.rows, 2])
  }

  /// The class with the larger logit, per point.
  func predict(_ x: Tensor) -> [Int] {
    let scores = logits(x)
    return (0..<scores.rows).map { scores[$0, 1] > scores[$0, 0] ? 1 : 0 }
  }
}

/// Trains an MLP (16 hidden units) on the points for `steps` full-batch steps of Adam with learning
/// rate 0.05; returns it and the loss (nats) before each step.
func train(points: Tensor, labels: [Int], steps: Int, seed: UInt64) -> (model: MLP, losses: [Double]) {
  // TODO: forward (keep the hidden activations), loss and gradient, backward through both layers,
  // then one Adam step on all parameters.
  return (MLP(hidden: 16, seed: seed), [])
}
