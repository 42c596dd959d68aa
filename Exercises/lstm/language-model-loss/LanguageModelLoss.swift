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
  // TODO: inputs are each caption without its last word, targets without its first; the mask is
  // "target is not null". Forward: h0, embedding, RNN or LSTM, temporal affine, temporal softmax
  // loss. Backward: the same layers in reverse, each with your backward function.
  let zero = CaptioningParameters(
    wProj: Tensor(zeros: p.wProj.shape), bProj: Tensor(zeros: p.bProj.shape), wEmbed: Tensor(zeros: p.wEmbed.shape),
    wx: Tensor(zeros: p.wx.shape), wh: Tensor(zeros: p.wh.shape), b: Tensor(zeros: p.b.shape),
    wVocab: Tensor(zeros: p.wVocab.shape), bVocab: Tensor(zeros: p.bVocab.shape))
  return (0, zero)
}
