import PracticeNumerics

#if canImport(Glibc)
  import Glibc
#endif

/// One training step of a character LSTM written with the learner library: forward over a window,
/// softmax cross-entropy, backpropagation through time, and an SGD update. Sizes as the course's
/// reference model: vocabulary 27, hidden 64, batch 32, window 64. `bench/lstm_step.py` is the same
/// model in NumPy.
struct LSTMStep {
  let vocabulary = 27
  let hidden = 64
  let batch = 32
  let window = 64
  var wx: Tensor
  var wh: Tensor
  var b: Tensor
  var wy: Tensor
  var by: Tensor
  let inputs: [[Int]]
  let targets: [[Int]]

  init() {
    wx = Tensor(randomUniformShape: [27, 256], in: -0.1...0.1, seed: 1)
    wh = Tensor(randomUniformShape: [64, 256], in: -0.1...0.1, seed: 2)
    b = Tensor(zeros: [256])
    wy = Tensor(randomUniformShape: [64, 27], in: -0.1...0.1, seed: 3)
    by = Tensor(zeros: [27])
    var generator = SplitMix64(seed: 4)
    let symbols = (0..<(batch * (window + 1))).map { _ in generator.below(27) }
    inputs = (0..<window).map { t in (0..<32).map { symbols[$0 * 65 + t] } }
    targets = (0..<window).map { t in (0..<32).map { symbols[$0 * 65 + t + 1] } }
  }

  func sigmoid(_ x: Tensor) -> Tensor { x.map { 1 / (1 + exp(-$0)) } }

  /// Forward, backward and update; returns the mean loss (nats).
  mutating func step(learningRate: Double = 0.1) -> Double {
    let h = hidden
    var hs = [Tensor(zeros: [batch, h])]
    var cs = [Tensor(zeros: [batch, h])]
    var gates: [(i: Tensor, f: Tensor, o: Tensor, g: Tensor, tanhC: Tensor)] = []
    for t in 0..<window {
      let a = wx.rows(at: inputs[t]) + hs[t].matmul(wh) + b
      let i = sigmoid(a.columns(0..<h))
      let f = sigmoid(a.columns(h..<(2 * h)))
      let o = sigmoid(a.columns((2 * h)..<(3 * h)))
      let g = a.columns((3 * h)..<(4 * h)).tanh()
      let c = f * cs[t] + i * g
      let tanhC = c.tanh()
      hs.append(o * tanhC)
      cs.append(c)
      gates.append((i, f, o, g, tanhC))
    }
    var dwx = Tensor(zeros: wx.shape)
    var dwh = Tensor(zeros: wh.shape)
    var db = Tensor(zeros: b.shape)
    var dwy = Tensor(zeros: wy.shape)
    var dby = Tensor(zeros: by.shape)
    var loss = 0.0
    var dhs: [Tensor] = []
    for t in 0..<window {
      var scores = hs[t + 1].matmul(wy) + by
      let scale = 1 / Double(batch * window)
      scores.data.withUnsafeMutableBufferPointer { values in
        for row in 0..<batch {
          let base = row * vocabulary
          var top = -Double.infinity
          for j in 0..<vocabulary { top = max(top, values[base + j]) }
          var total = 0.0
          for j in 0..<vocabulary {
            values[base + j] = exp(values[base + j] - top)
            total += values[base + j]
          }
          let target = targets[t][row]
          loss -= log(values[base + target] / total)
          for j in 0..<vocabulary { values[base + j] = (values[base + j] / total - (j == target ? 1 : 0)) * scale }
        }
      }
      dwy += hs[t + 1].matmul(scores, transposeSelf: true)
      dby += scores.sum(axis: 0)
      dhs.append(scores.matmul(wy, transposeOther: true))
    }
    var dhNext = Tensor(zeros: [batch, h])
    var dcNext = Tensor(zeros: [batch, h])
    for t in stride(from: window - 1, through: 0, by: -1) {
      let gate = gates[t]
      let dh = dhs[t] + dhNext
      let dc = dcNext + dh * gate.o * gate.tanhC.map { 1 - $0 * $0 }
      let da = Tensor.concatenatingColumns([
        dc * gate.g * gate.i.map { $0 * (1 - $0) },
        dc * cs[t] * gate.f.map { $0 * (1 - $0) },
        dh * gate.tanhC * gate.o.map { $0 * (1 - $0) },
        dc * gate.i * gate.g.map { 1 - $0 * $0 },
      ])
      dcNext = dc * gate.f
      dwh += hs[t].matmul(da, transposeSelf: true)
      db += da.sum(axis: 0)
      dwx.addRows(da, at: inputs[t])
      dhNext = da.matmul(wh, transposeOther: true)
    }
    wx -= learningRate * dwx
    wh -= learningRate * dwh
    b -= learningRate * db
    wy -= learningRate * dwy
    by -= learningRate * dby
    return loss / Double(batch * window)
  }
}
