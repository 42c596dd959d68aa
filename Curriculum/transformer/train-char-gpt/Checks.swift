import Foundation
import PracticeChecks

// Values: the clip cases by hand ([[3], [4]] has norm 5; clipped to 1: [[0.6], [0.8]]); the initial
// loss ln 27 = 3.295836866004329 nats (uniform over 27 characters, ± 0.3); after 60 steps the
// reference solution is at 1.938 nats (the threshold 2.9 only asks that training works); the optimum 0.39686
// bits/char on exactly the scored characters, by an exact forward filter over Corpus W's chain
// (Curriculum/lstm/authoring/reference_values.py, "train-char-lstm / optimum": 0.396864571…), the
// same windows as lstm/train-char-lstm. Thresholds (CONTENT.md §2.3): ≤ 0.50 after 1000 steps and
// ≤ 0.44 after 2000 at width 32, 2 layers; CONTENT's JAX runs reached 0.4315 and 0.4134. The bits
// per character are computed here from the logits of the learner's `forward`, not from its loss.

let optimumBits = 0.39686
/// The bars of the checks below (their sources are in the comment above).
let trainBar = 0.50
let distinctionBar = 0.44
let learnsBar = 2.9
/// ln 27: the loss of a uniform guess over 27 characters.
let uniformNats = 3.295836866004329
let gptAlphabet = Array(" abcdefghijklmnopqrstuvwxyz")

func gptIDs(_ text: String) -> [Int] { text.map { gptAlphabet.firstIndex(of: $0) ?? 0 } }

/// Mean −log₂ p at output positions 16…63 of 1024 windows of 64 inputs (one every 64 characters)
/// of the validation text (seed 12); 49,152 scored characters.
func heldOutBits(_ model: GPT) throws -> Double {
  let text = gptIDs(WordCorpus.standard.sampleText(characters: 100_000, seed: 12))
  var total = 0.0
  for w in 0..<1024 {
    let window = Array(text[w * 64..<w * 64 + 65])
    let logits = model.forward(Array(window.dropLast()))
    if w == 0 { try expectShape(logits.shape, [64, 27], "logits of a 64-character window") }
    for t in 16..<64 {
      let row = logits.row(t).data
      try expectFinite(row, "logits")
      let top = row.max() ?? 0
      total += (top + log(row.reduce(0) { $0 + exp($1 - top) }) - row[window[t + 1]]) / log(2)
    }
  }
  return total / Double(1024 * 48)
}

func trainAndMeasure(steps: Int) throws -> Double {
  let text = gptIDs(WordCorpus.standard.sampleText(characters: 1_000_000, seed: 11))
  var config = GPTTrainingConfig()
  config.steps = steps
  let model = trainGPT(text: text, config: config) { step, loss in
    reportProgress("training your GPT", step: step + 1, of: steps, .trainingLoss(bits: loss / log(2), per: "char"))
  }
  return try heldOutBits(model)
}

let checks = CheckSuite {
  Check(
    "clip", "global-norm clipping: [[3], [4]] → norm 5, clipped to [[0.6], [0.8]]; two tensors share one norm",
    points: 2,
    hint: "One norm over every entry of every gradient; scale all of them by maxNorm / norm."
  ) {
    var gradients = [[3.0], [4.0]]
    try expectClose(clipGlobalNorm(&gradients, maxNorm: 1), 5, relative: 1e-15, "returned norm")
    try expectAllClose(gradients.flatMap { $0 }, [0.6, 0.8], absolute: 1e-15, "clipped")
    var two = [[1.0, 2.0], [2.0]]
    _ = clipGlobalNorm(&two, maxNorm: 1.5)
    try expectAllClose(two.flatMap { $0 }, [0.5, 1, 1], absolute: 1e-15, "norm 3 clipped to 1.5")
    var small = [[0.3], [-0.4]]
    _ = clipGlobalNorm(&small, maxNorm: 1)
    try expectAllClose(small.flatMap { $0 }, [0.3, -0.4], absolute: 0, "below the limit nothing changes")
  }
  Check(
    "learns",
    "60 quick steps (warm-up 10) bring held-out loss from ln 27 ≈ 3.30 to below \(learnsBar) nats per character",
    points: 2,
    hint:
      "Each step: a batch, lossAndGradients, clip, the rate from cosineRate, an Adam step per tensor, written back.",
    timeLimit: 300
  ) {
    let defaults = GPTTrainingConfig()
    // The comparison with the LSTM is at these sizes: the defaults are part of the exercise.
    let sizes = [
      defaults.model.vocabulary, defaults.model.context, defaults.model.width, defaults.model.layers,
      defaults.model.heads, defaults.batch, defaults.window, defaults.steps,
    ]
    try expect(
      sizes == [27, 64, 32, 2, 2, 32, 64, 1000] && defaults.peakRate == 1e-2,
      "GPTTrainingConfig() must keep the stated sizes (V 27, context 64, width 32, 2 layers, 2 heads, batch 32, window 64, 1000 steps, peak 1e-2); found \(sizes), peak \(defaults.peakRate)"
    )
    var config = defaults
    config.steps = 60
    config.warmup = 10
    let text = gptIDs(WordCorpus.standard.sampleText(characters: 1_000_000, seed: 11))
    let heldOut = gptIDs(WordCorpus.standard.sampleText(characters: 8 * 65, seed: 12))
    let windows = (0..<8).map { Array(heldOut[$0 * 65..<($0 + 1) * 65]) }
    func heldOutNats(_ model: GPT) -> Double {
      var total = 0.0
      for window in windows {
        let logits = model.forward(Array(window.dropLast()))
        for t in 0..<64 {
          let row = logits.row(t).data
          let top = row.max() ?? 0
          total += top + log(row.reduce(0) { $0 + exp($1 - top) }) - row[window[t + 1]]
        }
      }
      return total / Double(8 * 64)
    }
    let before = heldOutNats(GPT(config: config.model, seed: config.seed, scale: config.initScale))
    try expectClose(before, uniformNats, absolute: 0.3, "loss before training (nats per character)")
    let after = heldOutNats(trainGPT(text: text, config: config))
    report("nats-after-60-steps", after, unit: "nats/char", bar: .atMost(learnsBar), reference: uniformNats)
    try expect(
      after < learnsBar, "after 60 steps the loss is \(after) nats per character (from \(before)); needs < \(learnsBar)"
    )
  }
  Check(
    "train", "after 1000 steps, held-out Corpus W at ≤ \(trainBar) bits/char (optimum \(optimumBits))", points: 12,
    dependsOn: ["clip", "learns"],
    hint: "Watch the loss in the first 100 steps: it should fall below 3 bits/char quickly.", timeLimit: 900
  ) {
    let bits = try trainAndMeasure(steps: 1000)
    report("bits-per-char", bits, unit: "bits/char", bar: .atMost(trainBar), optimum: optimumBits)
    report("excess-bits", bits - optimumBits, unit: "bits/char")
    try expect(
      bits <= trainBar,
      "\(bits) bits/char after 1000 steps (excess over the optimum \(bits - optimumBits)); needs ≤ \(trainBar)")
  }
  Check(
    "distinction", "after 2000 steps, ≤ \(distinctionBar) bits/char", points: 4, dependsOn: ["train"],
    hint: "The same training with steps = 2000 (the cosine stretches with it).", timeLimit: 1800
  ) {
    let bits = try trainAndMeasure(steps: 2000)
    report("bits-per-char-2000", bits, unit: "bits/char", bar: .atMost(distinctionBar), optimum: optimumBits)
    try expect(bits <= distinctionBar, "\(bits) bits/char after 2000 steps; needs ≤ \(distinctionBar)")
  }
}
