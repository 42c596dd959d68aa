import Foundation
import PracticeNumerics

// Uses your GPT from transformer/tiny-gpt and, through it, your layer-norm, multi-head attention
// (forward and backward) and gelu (compiled with this file).

extension GPT {
  /// Every weight, in a fixed order: wte, wpe, then for each block wqkv, wo, w1, w2.
  var parameters: [Tensor] {
    get { [wte, wpe] + blocks.flatMap { [$0.wqkv, $0.wo, $0.w1, $0.w2] } }
    set {
      wte = newValue[0]
      wpe = newValue[1]
      for l in blocks.indices {
        blocks[l] = Block(
          wqkv: newValue[2 + 4 * l], wo: newValue[3 + 4 * l], w1: newValue[4 + 4 * l], w2: newValue[5 + 4 * l])
      }
    }
  }

  /// The same model with every weight zero (a container for gradients).
  var zeroed: GPT {
    var copy = self
    copy.parameters = parameters.map { Tensor(zeros: $0.shape) }
    return copy
  }

  /// The mean cross-entropy (nats) of predicting targets[n][t] from inputs[n][0…t], over all N·T
  /// positions, and the gradient of every weight (as a GPT).
  func lossAndGradients(inputs: [[Int]], targets: [[Int]]) -> (loss: Double, gradients: GPT) {
    // TODO: the forward pass of `forward`, keeping what the backward pass needs (LayerNorm caches,
    // attention caches, the MLP's pre-activation), then the softmax cross-entropy, then every layer
    // backwards: the tied head gives wte a gradient twice (as the head and as the embedding).
    (0, zeroed)
  }
}
