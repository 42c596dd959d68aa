import Foundation
import PracticeNumerics

// Uses your code from lstm/embedding, lstm/lstm-sequence (and through it lstm/lstm-step),
// lstm/temporal-softmax and foundations/adam (compiled with this file).

/// Corpus W's 27 characters: space, then a to z.
let alphabet = Array(" abcdefghijklmnopqrstuvwxyz")

/// Character ids of a text over `alphabet`.
func encode(_ text: String) -> [Int] {
  text.map { character in
    guard let id = alphabet.firstIndex(of: character) else {
      fatalError("'\(character)' is not one of the 27 characters")
    }
    return id
  }
}

/// A character language model: embedding, one LSTM layer, an affine layer to 27 scores.
struct CharLSTM {
  var embedding: Tensor  // (V, D)
  var wx: Tensor  // (D, 4H)
  var wh: Tensor  // (H, 4H)
  var b: Tensor  // (4H), gates i, f, o, g
  var wOut: Tensor  // (H, V)
  var bOut: Tensor  // (V)

  /// Small random weights from a seed; the forget gate's bias starts at 1.
  init(vocabulary: Int = 27, embeddingSize: Int = 32, hidden: Int = 64, seed: UInt64) {
    func uniform(_ shape: [Int], _ scale: Double, _ offset: UInt64) -> Tensor {
      Tensor(randomUniformShape: shape, in: -scale...scale, seed: seed &* 1000 &+ offset)
    }
    embedding = uniform([vocabulary, embeddingSize], 1, 1)
    wx = uniform([embeddingSize, 4 * hidden], 1 / Double(embeddingSize).squareRoot(), 2)
    wh = uniform([hidden, 4 * hidden], 1 / Double(hidden).squareRoot(), 3)
    b = Tensor((0..<(4 * hidden)).map { (hidden..<(2 * hidden)).contains($0) ? 1.0 : 0.0 })
    wOut = uniform([hidden, vocabulary], 1 / Double(hidden).squareRoot(), 4)
    bOut = Tensor(zeros: [vocabulary])
  }

  /// Every parameter, in a fixed order (for the optimiser and for gradient clipping).
  var parameters: [Tensor] {
    get { [embedding, wx, wh, b, wOut, bOut] }
    set {
      (embedding, wx, wh, b, wOut, bOut) = (
        newValue[0], newValue[1], newValue[2], newValue[3], newValue[4], newValue[5]
      )
    }
  }

  /// Scores for the next character at every position of N sequences of T ids (ids[n][t]), from a
  /// zero state: T matrices of (N, V).
  func logits(_ ids: [[Int]]) -> [Tensor] {
    // TODO: embeddingForward, lstmForward from a zero h0, temporalAffineForward.
    (ids.first ?? []).map { _ in Tensor(zeros: [ids.count, bOut.count]) }
  }

  /// The mean cross-entropy per character (nats) of predicting targets[n][t] from inputs[n][...t],
  /// and the gradient of every parameter (as a CharLSTM).
  func lossAndGradients(inputs: [[Int]], targets: [[Int]]) -> (loss: Double, gradients: CharLSTM) {
    // TODO: the forward pass of `logits`, keeping the caches; temporalSoftmaxLoss with every
    // position scored (it sums over time and averages over N: divide the loss, and the gradient,
    // by T); then the backward functions in reverse order.
    var gradients = self
    gradients.parameters = parameters.map { Tensor(zeros: $0.shape) }
    return (0, gradients)
  }
}

/// Scales every gradient by the same factor (maxNorm / norm, no epsilon) so that their global L2
/// norm is at most maxNorm; returns the norm before clipping.
func clipGradNorm(_ gradients: inout [[Double]], maxNorm: Double) -> Double {
  // TODO
  return 0
}

/// How to train.
struct TrainingConfig {
  var hidden = 64
  var batch = 32
  var window = 64
  var steps = 1000
  var peakRate = 1e-2
  var warmup = 100
  /// The rate decays to this fraction of the peak.
  var floor = 0.1
  var clip = 1.0
  var seed: UInt64 = 1
}

/// Linear warm-up over the first `warmup` steps (step s gets peak·(s + 1)/warmup), then a cosine
/// from the peak towards floor·peak, reached at s = steps (s = 0-based step).
func learningRate(step: Int, config: TrainingConfig) -> Double {
  // TODO
  return config.peakRate
}

/// Trains a CharLSTM on `text` (character ids): random windows of config.window + 1 characters,
/// Adam (β₂ = 0.99), the schedule above, global gradient clipping. Calls `progress(step, loss)`
/// after every step.
func train(text: [Int], config: TrainingConfig, progress: (Int, Double) -> Void = { _, _ in }) -> CharLSTM {
  let model = CharLSTM(hidden: config.hidden, seed: config.seed)
  // TODO: one Adam per parameter (your foundations/adam; set beta2 = 0.99), a SplitMix64 from
  // config.seed. Each step: config.batch random windows (start = generator.below(text.count −
  // window − 1); inputs text[start ..< start + window], targets shifted by one), lossAndGradients,
  // clipGradNorm over all the gradients, learningRate(step:), an Adam step on every parameter,
  // then progress(step, loss).
  return model
}
