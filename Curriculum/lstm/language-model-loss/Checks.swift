import PracticeChecks

// Loss values: CS231n's CaptioningRNN.loss test (N, D, W, H, V, T = 10, 20, 30, 40, 3, 13; every
// parameter linspace(−1.4, 1.3, size); captions (arange(N·T) % 3) as N × T; NULL = 0), recomputed
// with float64 numpy at authoring time (Curriculum/lstm/authoring/reference_values.py,
// "language-model-loss"): 9.832355910027388 (RNN, features linspace(−1.5, 0.3, 200)) and
// 9.82445935443226 (LSTM, features linspace(−0.5, 1.7, 200)); CS231n expects 9.83235591003 and
// 9.82445935443 at a difference below 1e-10. Gradients: central differences of the learner's own
// loss (CS231n's model check asks for 1e-6). The step differs per cell. The smallest entries of
// the LSTM's dWh are ≈ 8e-6, where rounding in the loss (≈ 1e-16·|loss| / h) dominates: 1.1e-6
// relative at h = 1e-5, 3.2e-7 at 1e-4, ≈ 4e-8 at 3e-4 (measured in review with numpy), so the
// LSTM uses 3e-4. The RNN's gradients are larger but more curved: at 3e-4 truncation (≈ h²) gives
// 1.1e-6 on db, so it keeps the usual 1e-5.

func parameters(cell: RecurrentCell, d: Int, w: Int, h: Int, v: Int, fill: (Int, [Int]) -> Tensor)
  -> CaptioningParameters
{
  let gates = cell == .lstm ? 4 * h : h
  return CaptioningParameters(
    wProj: fill(0, [d, h]), bProj: fill(1, [h]), wEmbed: fill(2, [v, w]), wx: fill(3, [w, gates]),
    wh: fill(4, [h, gates]), b: fill(5, [gates]), wVocab: fill(6, [h, v]), bVocab: fill(7, [v]))
}

func cs231nLoss(_ cell: RecurrentCell, features: (Double, Double)) -> Double {
  let (n, d, w, h, v, t) = (10, 20, 30, 40, 3, 13)
  let p = parameters(cell: cell, d: d, w: w, h: h, v: v) { _, shape in
    Tensor.linspace(-1.4, 1.3, count: shape.reduce(1, *)).reshaped(shape)
  }
  let feats = Tensor.linspace(features.0, features.1, count: n * d).reshaped([n, d])
  let captions = (0..<n).map { row in (0..<t).map { (row * t + $0) % v } }
  return captioningLoss(features: feats, captions: captions, parameters: p, cell: cell).loss
}

let checks = CheckSuite {
  Check(
    "rnn-loss", "RNN: CS231n's loss 9.83235591003 (difference < 1e-10)", points: 3,
    hint: "Targets are captions shifted by one; the mask drops positions whose target is NULL (0)."
  ) {
    try expectClose(cs231nLoss(.rnn, features: (-1.5, 0.3)), 9.832355910027388, absolute: 1e-10, "loss")
  }
  Check(
    "lstm-loss", "LSTM: CS231n's loss 9.82445935443 (difference < 1e-10)", points: 3,
    hint: "The same model with your lstmForward in place of rnnForward."
  ) {
    try expectClose(cs231nLoss(.lstm, features: (-0.5, 1.7)), 9.82445935443226, absolute: 1e-10, "loss")
  }
  Check(
    "gradients", "all eight parameter gradients match finite differences, RNN and LSTM (< 1e-6)", points: 2,
    dependsOn: ["rnn-loss", "lstm-loss"],
    hint:
      "Backward in reverse order: affine, then the recurrent layer (dh0 comes out of it), then embedding and projection."
  ) {
    let (n, d, w, h, v) = (2, 3, 4, 5, 6)
    let features = Tensor(randomUniformShape: [n, d], in: -1...1, seed: 1)
    // T = 5 with NULL (0) targets at the end, so the mask matters.
    let captions = [[1, 4, 2, 0, 0], [3, 5, 5, 1, 0]]
    for cell in [RecurrentCell.rnn, .lstm] {
      let p = parameters(cell: cell, d: d, w: w, h: h, v: v) { index, shape in
        Tensor(randomUniformShape: shape, in: -0.5...0.5, seed: UInt64(10 + index))
      }
      let grads = captioningLoss(features: features, captions: captions, parameters: p, cell: cell).gradients
      let paths: [(String, WritableKeyPath<CaptioningParameters, Tensor>)] = [
        ("wProj", \.wProj), ("bProj", \.bProj), ("wEmbed", \.wEmbed), ("wx", \.wx), ("wh", \.wh), ("b", \.b),
        ("wVocab", \.wVocab), ("bVocab", \.bVocab),
      ]
      for (name, path) in paths {
        try expectGradient(
          grads[keyPath: path].data,
          of: { values in
            var changed = p
            changed[keyPath: path] = Tensor(shape: p[keyPath: path].shape, data: values)
            return captioningLoss(features: features, captions: captions, parameters: changed, cell: cell).loss
          }, at: p[keyPath: path].data, h: cell == .lstm ? 3e-4 : 1e-5, threshold: 1e-6, "\(cell) d\(name)")
      }
    }
  }
}
