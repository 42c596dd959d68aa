import Foundation
import PracticeNumerics

// Uses your code from lstm/rnn-sequence, lstm/embedding, lstm/temporal-softmax and
// lstm/lstm-sequence (compiled with this file).

/// Which recurrent layer the model uses.
enum RecurrentCell {
  case rnn
  case lstm
}

/// CS231n's captioning model, a language model conditioned on a feature vector: h0 = features·Wproj
/// + bproj; words embedded with Wembed; an RNN or LSTM (Wx, Wh, b); scores = h·Wvocab + bvocab.
struct CaptioningParameters {
  var wProj: Tensor  // (D, H)
  var bProj: Tensor  // (H)
  var wEmbed: Tensor  // (V, W)
  var wx: Tensor  // (W, H) or (W, 4H)
  var wh: Tensor  // (H, H) or (H, 4H)
  var b: Tensor  // (H) or (4H)
  var wVocab: Tensor  // (H, V)
  var bVocab: Tensor  // (V)
}

/// The loss of predicting captions[n][t + 1] from captions[n][...t] and the features (N, D), with
/// positions whose target is `null` not scored; and the gradient of every parameter.
func captioningLoss(
  features: Tensor, captions: [[Int]], parameters p: CaptioningParameters, cell: RecurrentCell, null: Int = 0
) -> (loss: Double, gradients: CaptioningParameters) {
  let inputs = captions.map { Array($0.dropLast()) }
  let targets = captions.map { Array($0.dropFirst()) }
  let mask = targets.map { $0.map { $0 != null } }

  let h0 = features.matmul(p.wProj) + p.bProj
  let x = embeddingForward(ids: inputs, w: p.wEmbed)
  // The recurrent layer's forward pass, and its backward pass as a closure over its cache.
  let h: [Tensor]
  let recurrentBackward: ([Tensor]) -> (dx: [Tensor], dh0: Tensor, dWx: Tensor, dWh: Tensor, db: Tensor)
  switch cell {
  case .rnn:
    let (out, cache) = rnnForward(x: x, h0: h0, wx: p.wx, wh: p.wh, b: p.b)
    h = out
    recurrentBackward = { rnnBackward(dh: $0, cache: cache) }
  case .lstm:
    let (out, cache) = lstmForward(x: x, h0: h0, wx: p.wx, wh: p.wh, b: p.b)
    h = out
    recurrentBackward = { lstmBackward(dh: $0, cache: cache) }
  }
  let (scores, affineCache) = temporalAffineForward(x: h, w: p.wVocab, b: p.bVocab)
  let (loss, dScores) = temporalSoftmaxLoss(scores: scores, targets: targets, mask: mask)

  var grads = p
  let (dh, dwVocab, dbVocab) = temporalAffineBackward(dout: dScores, cache: affineCache)
  grads.wVocab = dwVocab
  grads.bVocab = dbVocab
  let recurrent = recurrentBackward(dh)
  (grads.wx, grads.wh, grads.b) = (recurrent.dWx, recurrent.dWh, recurrent.db)
  grads.wEmbed = embeddingBackward(dout: recurrent.dx, ids: inputs, vocabulary: p.wEmbed.rows)
  grads.wProj = features.matmul(recurrent.dh0, transposeSelf: true)
  grads.bProj = recurrent.dh0.sum(axis: 0)
  return (loss, grads)
}
