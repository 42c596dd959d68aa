import Foundation
import PracticeChecks

// The loss is compared with a softmax cross-entropy computed here from the learner's own `forward`
// logits (checked against numpy in transformer/tiny-gpt). Gradients: central differences (h = 1e-5)
// of the learner's loss at 20 coordinates per weight tensor drawn with SplitMix64, as CONTENT.md 3.8
// (llm.c-style sampled checks of a deep network), relative error < 1e-6.

let checkedConfig = GPTConfig(vocabulary: 27, context: 8, width: 8, layers: 2, heads: 2)
let checkedGPT = GPT(config: checkedConfig, seed: 5)
let batchInputs = [[8, 5, 12, 12, 15, 0], [23, 15, 18, 12, 4, 26]]
let batchTargets = [[5, 12, 12, 15, 0, 23], [15, 18, 12, 4, 26, 1]]
let tensorNames = ["wte", "wpe"] + (0..<2).flatMap { l in ["wqkv", "wo", "w1", "w2"].map { "blocks[\(l)].\($0)" } }

/// Checks tensors `which` (indices into `parameters`) at 20 sampled coordinates each.
func sampledCheck(_ which: [Int]) throws {
  let gradients = checkedGPT.lossAndGradients(inputs: batchInputs, targets: batchTargets).gradients.parameters
  try expectEqual(gradients.count, tensorNames.count, "gradient tensors")
  var generator = SplitMix64(seed: 99)
  for k in which {
    let weights = checkedGPT.parameters[k]
    try expectShape(gradients[k].shape, weights.shape, "d\(tensorNames[k])")
    let coordinates = (0..<20).map { _ in generator.below(weights.count) }
    let h = 1e-5
    let numeric = coordinates.map { i -> Double in
      var plus = checkedGPT
      var minus = checkedGPT
      plus.parameters[k].data[i] += h
      minus.parameters[k].data[i] -= h
      let up = plus.lossAndGradients(inputs: batchInputs, targets: batchTargets).loss
      let down = minus.lossAndGradients(inputs: batchInputs, targets: batchTargets).loss
      return (up - down) / (2 * h)
    }
    let analytic = coordinates.map { gradients[k].data[$0] }
    try expectFinite(analytic, "d\(tensorNames[k])")
    let error = relativeError(analytic, numeric)
    try expect(
      error < 1e-6,
      "d\(tensorNames[k]): relative error \(error) at 20 sampled entries; analytic \(analytic.prefix(4)), numerical \(numeric.prefix(4))"
    )
  }
}

let checks = CheckSuite {
  Check(
    "loss", "the loss is the mean cross-entropy of the forward pass's logits over all N·T positions (1e-12)",
    points: 4,
    hint: "Mean over every position of every sequence, in nats: −log softmax(logits)[target]."
  ) {
    var expected = 0.0
    for (inputs, targets) in zip(batchInputs, batchTargets) {
      let logits = checkedGPT.forward(inputs)
      for t in 0..<inputs.count {
        let row = logits.row(t).data
        let top = row.max() ?? 0
        expected += top + log(row.reduce(0) { $0 + exp($1 - top) }) - row[targets[t]]
      }
    }
    expected /= 12
    let loss = checkedGPT.lossAndGradients(inputs: batchInputs, targets: batchTargets).loss
    try expectClose(
      loss, expected, absolute: 1e-12, "loss",
      diagnose: { got in
        if abs(got - expected * 12) < 1e-9 { return "summed over positions: divide by N·T" }
        if abs(got - expected * 6) < 1e-9 {
          return "summed over time and averaged over sequences (CS231n's convention): divide by N·T"
        }
        if abs(got - expected * 2) < 1e-9 { return "averaged over time but summed over sequences: divide by N·T" }
        return nil
      })
  }
  Check(
    "embeddings", "dwte (head and embedding) and dwpe at 20 sampled entries each (< 1e-6)", points: 4,
    dependsOn: ["loss"],
    hint: "wte is used twice, as the embedding and as the head: its gradient is the sum of both."
  ) {
    try sampledCheck([0, 1])
  }
  Check(
    "last-block", "the last block's four weight gradients (< 1e-6)", points: 4, dependsOn: ["loss"],
    hint: "Through the final LayerNorm first; the residual stream carries dx past each sublayer unchanged."
  ) {
    try sampledCheck([6, 7, 8, 9])
  }
  Check(
    "first-block", "the first block's four weight gradients, through the second block (< 1e-6)", points: 4,
    dependsOn: ["last-block"],
    hint: "dx after a block = dx + the sublayers' contributions through their LayerNorms."
  ) {
    try sampledCheck([2, 3, 4, 5])
  }
}
