import Foundation
import PracticeChecks

// Values:
// - clip: [[3], [4]] has norm 5 (by hand); clipped to 1 it is [[0.6], [0.8]].
// - schedule: warm-up 100 steps to 1e-2, cosine to 10% at step 999, computed with Python's math at
//   authoring time (Curriculum/lstm/authoring/reference_values.py, "train-char-lstm / schedule").
// - initial loss: ln 27 = 3.295836866004329 nats (uniform over 27 characters), ± 0.3 as nanoGPT's
//   first evaluation sits near ln V.
// - the optimum 0.39686 bits/char is the exact conditional entropy of Corpus W's chain on exactly
//   these scored characters (output positions 16…63 of 1024 windows of 64 inputs + 1 of the
//   validation text, seed 12), by an exact forward filter over the chain at authoring time
//   (Curriculum/lstm/authoring/reference_values.py, "train-char-lstm / optimum": 0.396864571…),
//   matching CONTENT.md §2.3.
// - thresholds (CONTENT.md §2.3): ≤ 0.55 after 1000 steps, ≤ 0.45 after 2000: about 2× headroom on
//   the excess of CONTENT's JAX runs (0.4625, 0.4135); this course's Swift reference solution
//   reaches 0.4195 and 0.4047.
// The bits per character are computed here, from the scores the learner's model returns; the
// model's own loss is not trusted.

let optimumBitsPerChar = 0.39686
/// The bars of the train and distinction checks (CONTENT.md §2.3, above).
let trainBar = 0.55
let distinctionBar = 0.45
let checkAlphabet = Array(" abcdefghijklmnopqrstuvwxyz")

func characterIDs(_ text: String) -> [Int] { text.map { checkAlphabet.firstIndex(of: $0) ?? 0 } }

/// Mean −log₂ p of the targets at output positions 16…63 of 1024 windows of 64 inputs (65
/// characters, one every 64) of the validation text, from a zero state per window: every scored
/// character has at least 17 characters before it in its window (49,152 scored characters).
func validationBits(_ model: CharLSTM) throws -> Double {
  let text = characterIDs(WordCorpus.standard.sampleText(characters: 100_000, seed: 12))
  var total = 0.0
  var scored = 0
  for batchStart in stride(from: 0, to: 1024, by: 128) {
    let windows = (batchStart..<batchStart + 128).map { Array(text[$0 * 64..<$0 * 64 + 65]) }
    let scores = model.logits(windows.map { Array($0.dropLast()) })
    try expectEqual(scores.count, 64, "logits: time steps for windows of 64 inputs")
    for t in 16..<64 {
      try expectShape(scores[t].shape, [128, 27], "logits[\(t)]")
      for row in 0..<128 {
        let logits = scores[t].row(row).data
        try expectFinite(logits, "logits[\(t)] row \(row)")
        let top = logits.max() ?? 0
        let logSum = top + log(logits.reduce(0) { $0 + exp($1 - top) })
        total += (logSum - logits[windows[row][t + 1]]) / log(2)
        scored += 1
      }
    }
  }
  return total / Double(scored)
}

/// Trains with the learner's `train` on Corpus W's training text, showing progress, and scores it.
func trainAndScore(steps: Int) throws -> Double {
  let text = characterIDs(WordCorpus.standard.sampleText(characters: 1_000_000, seed: 11))
  var config = TrainingConfig()
  config.steps = steps
  let model = train(text: text, config: config) { step, loss in
    reportProgress("training your LSTM", step: step + 1, of: steps, .trainingLoss(bits: loss / log(2), per: "char"))
  }
  return try validationBits(model)
}

let checks = CheckSuite {
  Check(
    "clip", "global gradient clipping: [[3], [4]] has norm 5 and clips to [[0.6], [0.8]]", points: 3,
    hint: "One norm over all the gradients together: sqrt of the sum of every squared entry; scale all by maxNorm/norm."
  ) {
    var gradients = [[3.0], [4.0]]
    let norm = clipGradNorm(&gradients, maxNorm: 1)
    try expectClose(norm, 5, relative: 1e-15, "returned norm (before clipping)")
    try expectAllClose(gradients, [[0.6], [0.8]], absolute: 1e-15, "clipped gradients") { got in
      got == [[1.0], [1.0]] ? "clipped each entry to ±1 (element-wise): scale the whole vector instead" : nil
    }
    var small = [[0.3, -0.4], [0.0]]
    _ = clipGradNorm(&small, maxNorm: 1)
    try expectAllClose(small.flatMap { $0 }, [0.3, -0.4, 0.0], absolute: 0, "below the limit nothing changes")
    var two = [[1.0, 2.0], [2.0]]
    _ = clipGradNorm(&two, maxNorm: 1.5)
    try expectAllClose(two.flatMap { $0 }, [0.5, 1.0, 1.0], absolute: 1e-15, "norm 3 clipped to 1.5") { got in
      abs(got[2] - 1.5) < 1e-12 ? "each tensor was clipped on its own; use one norm over all of them" : nil
    }
  }
  Check(
    "schedule", "learning rate: linear warm-up over 100 steps, cosine to 10% of 1e-2 at the last step", points: 2,
    hint:
      "Step s < warmup: peak·(s + 1)/warmup. Then p = (s − warmup)/(steps − warmup), rate = peak·(floor + (1 − floor)·(1 + cos πp)/2)."
  ) {
    let config = TrainingConfig()
    let sizes = [config.hidden, config.batch, config.window, config.steps, config.warmup]
    try expect(
      sizes == [64, 32, 64, 1000, 100] && config.peakRate == 1e-2 && config.clip == 1,
      "TrainingConfig() must keep the stated settings (hidden 64, batch 32, window 64, 1000 steps, warm-up 100, peak 1e-2, clip 1); found \(sizes)"
    )
    let expected: [(Int, Double)] = [
      (0, 0.0001), (49, 0.005), (99, 0.01), (100, 0.01), (550, 0.0055000000000000005), (999, 0.0010000274155399433),
    ]
    for (step, rate) in expected {
      try expectClose(learningRate(step: step, config: config), rate, relative: 1e-12, "rate at step \(step)")
    }
  }
  Check(
    "initial-loss", "an untrained model's loss is near ln 27 = 3.2958 nats per character", points: 1,
    hint: "Mean over the N·T positions, in nats; small initial output weights give near-uniform predictions."
  ) {
    let model = CharLSTM(seed: 1)
    var generator = SplitMix64(seed: 5)
    let ids = (0..<8).map { _ in (0..<33).map { _ in generator.below(27) } }
    let loss = model.lossAndGradients(
      inputs: ids.map { Array($0.dropLast()) }, targets: ids.map { Array($0.dropFirst()) }
    )
    .loss
    try expectClose(
      loss, 3.295836866004329, absolute: 0.3, "initial loss (nats per character)",
      diagnose: { got in
        if abs(got - 3.295836866004329 * 32) < 10 { return "summed over time: divide by T for a per-character mean" }
        if abs(got - 4.754887502163468) < 0.45 { return "that looks like bits; the loss is in nats" }
        return nil
      })
  }
  Check(
    "gradients", "every parameter's gradient matches finite differences on a small model (< 1e-6)", points: 3,
    dependsOn: ["initial-loss"],
    hint: "Forward through your layers, then their backward functions in reverse; the loss is a mean over N·T."
  ) {
    let model = CharLSTM(embeddingSize: 4, hidden: 3, seed: 2)
    let inputs = [[1, 5, 0, 26, 5], [3, 3, 9, 0, 12]]
    let targets = [[5, 0, 26, 5, 7], [3, 9, 0, 12, 1]]
    let gradients = model.lossAndGradients(inputs: inputs, targets: targets).gradients.parameters
    let names = ["embedding", "wx", "wh", "b", "wOut", "bOut"]
    try expectEqual(gradients.count, names.count, "parameters")
    for k in names.indices {
      try expectGradient(
        gradients[k].data,
        of: { values in
          var changed = model
          changed.parameters[k] = Tensor(shape: model.parameters[k].shape, data: values)
          return changed.lossAndGradients(inputs: inputs, targets: targets).loss
        }, at: model.parameters[k].data, h: 1e-4, threshold: 1e-6, "d\(names[k])")
    }
  }
  Check(
    "causal", "the scores at position t do not depend on characters after t", points: 1,
    dependsOn: ["initial-loss"],
    hint: "Scores at t come from the hidden state after reading inputs 0…t only."
  ) {
    let model = CharLSTM(seed: 3)
    let original = [[8, 5, 12, 12, 15, 0, 23, 15, 18, 12, 4]]
    var changed = original
    for t in 6..<11 { changed[0][t] = (changed[0][t] + 7) % 27 }
    let a = model.logits(original)
    let b = model.logits(changed)
    try expectEqual(a.count, 11, "time steps")
    for t in 0...5 { try expectAllClose(b[t].data, a[t].data, absolute: 0, "scores at position \(t)") }
    try expect((6..<11).contains { b[$0].data != a[$0].data }, "the scores do not depend on the inputs at all")
  }
  Check(
    "train", "after 1000 steps, held-out Corpus W at ≤ \(trainBar) bits/char (optimum \(optimumBitsPerChar))",
    points: 8,
    dependsOn: ["clip", "schedule", "gradients", "causal"],
    hint: "Check the initial loss and that the loss falls in the first 100 steps; Adam with β₂ = 0.99, clip 1.0.",
    timeLimit: 600
  ) {
    let bits = try trainAndScore(steps: 1000)
    report("bits-per-char", bits, unit: "bits/char", bar: .atMost(trainBar), optimum: optimumBitsPerChar)
    report("excess-bits", bits - optimumBitsPerChar, unit: "bits/char")
    try expect(
      bits <= trainBar,
      "\(bits) bits/char on held-out text after 1000 steps (excess over the optimum \(bits - optimumBitsPerChar)); needs ≤ \(trainBar)"
    )
  }
  Check(
    "distinction", "after 2000 steps, ≤ \(distinctionBar) bits/char", points: 2, dependsOn: ["train"],
    hint: "The same training, twice as long (the schedule stretches with the step count).", timeLimit: 900
  ) {
    let bits = try trainAndScore(steps: 2000)
    report("bits-per-char-2000", bits, unit: "bits/char", bar: .atMost(distinctionBar), optimum: optimumBitsPerChar)
    try expect(
      bits <= distinctionBar,
      "\(bits) bits/char on held-out text after 2000 steps (excess over the optimum \(bits - optimumBitsPerChar)); needs ≤ \(distinctionBar)"
    )
  }
}
