import Foundation
import PracticeNumerics

// Uses your CharLSTM and train from lstm/train-char-lstm, and through them your lstmStepForward
// (compiled with this file).

/// Generates `count` characters after `prompt`, one at a time, carrying the LSTM's state (h, c)
/// from character to character. Each next character is drawn from softmax(logits / temperature)
/// with a SplitMix64 seeded with `seed` (inverse CDF: `generator.categorical`); temperature 0 means
/// greedy (the most likely character). Returns the new characters only.
func sampleText(model: CharLSTM, prompt: String, count: Int, temperature: Double, seed: UInt64) -> String {
  var generator = SplitMix64(seed: seed)
  var h = Tensor(zeros: [1, model.wh.rows])
  var c = Tensor(zeros: [1, model.wh.rows])
  func feed(_ id: Int) {
    let x = model.embedding.rows(at: [id])
    let step = lstmStepForward(x: x, prevH: h, prevC: c, wx: model.wx, wh: model.wh, b: model.b)
    (h, c) = (step.nextH, step.nextC)
  }
  for id in encode(prompt) { feed(id) }
  var output = ""
  for _ in 0..<count {
    let logits = (h.matmul(model.wOut) + model.bOut).data
    let next: Int
    if temperature == 0 {
      next = logits.indices.max { logits[$0] < logits[$1] } ?? 0
    } else {
      let scaled = logits.map { $0 / temperature }
      let top = scaled.max() ?? 0
      let weights = scaled.map { exp($0 - top) }
      let total = weights.reduce(0, +)
      next = generator.categorical(weights.map { $0 / total })
    }
    output.append(alphabet[next])
    feed(next)
  }
  return output
}
