import Foundation
import PracticeChecks

// The checks follow nanochat's tests/test_engine.py for generate_batch: the same seed gives the same
// output (seeds 1, 42, 123, 999, three times each), temperature 0 does not depend on the seed,
// different seeds at T = 1 give at least two distinct outputs, max_tokens is respected, num_samples
// rows come back. The rows are also compared with the learner's generateCached (checked against
// numpy strings in generation/kv-cache), row r with Sampler(seed: seed + r); the first row at
// T = 0.8, seed 7 is "i wplhhhehczvvvpxntv" after "hello" (Curriculum/generation/authoring).

let batchAlphabet = Array(" abcdefghijklmnopqrstuvwxyz")
let batchModel = GPT(config: GPTConfig(), seed: 2024)
let batchPrompt = [8, 5, 12, 12, 15]  // "hello"

/// Rows of tokens as text, one line each, for the table (a token outside the alphabet shows as `?`).
func batchShown(_ rows: [[Int]]) -> String {
  rows.map { row in String(row.map { $0 >= 0 && $0 < batchAlphabet.count ? batchAlphabet[$0] : "?" }) }
    .joined(separator: "\n")
}

let checks = CheckSuite {
  Check(
    "shape", "samples rows of exactly maxTokens new tokens each", points: 2,
    hint: "One row per sample; each row holds the new tokens only, not the prompt."
  ) {
    let rows = generateBatch(model: batchModel, prompt: batchPrompt, samples: 4, maxTokens: 7, temperature: 1, seed: 3)
    try expectEqual(rows.count, 4, "rows")
    try expectEqual(rows.map(\.count), [7, 7, 7, 7], "tokens per row")
  }
  Check(
    "rows", "row r continues exactly as generateCached with Sampler(seed: seed + r)", points: 3, dependsOn: ["shape"],
    hint: "Copy the prefilled cache for each row (a struct copy), and give each row its own sampler."
  ) {
    let rows = generateBatch(
      model: batchModel, prompt: batchPrompt, samples: 3, maxTokens: 20, temperature: 0.8, seed: 7)
    show(sample: batchShown(rows), label: "your rows after \"hello\" (T = 0.8, seed 7)")
    try expectEqual(rows.count, 3, "rows")
    try expectEqual(String(rows[0].map { batchAlphabet[$0] }), "i wplhhhehczvvvpxntv", "row 0")
    for r in 0..<3 {
      var sampler = Sampler(temperature: 0.8, seed: 7 + UInt64(r))
      let alone = generateCached(model: batchModel, prompt: batchPrompt, count: 20, sampler: &sampler)
      try expectEqual(rows[r], Array(alone.dropFirst(5)), "row \(r)")
    }
  }
  Check(
    "seeds", "same seed, same rows; T = 0 ignores the seed; different seeds differ", points: 3, dependsOn: ["rows"],
    hint: "Nothing may depend on anything but the model, the prompt, the temperature and the seed."
  ) {
    for seed: UInt64 in [1, 42, 123, 999] {
      let first = generateBatch(
        model: batchModel, prompt: batchPrompt, samples: 2, maxTokens: 10, temperature: 1, seed: seed)
      for _ in 0..<2 {
        try expectEqual(
          generateBatch(model: batchModel, prompt: batchPrompt, samples: 2, maxTokens: 10, temperature: 1, seed: seed),
          first, "seed \(seed) again")
      }
    }
    let greedy = [1, 42, 123].map {
      generateBatch(model: batchModel, prompt: batchPrompt, samples: 2, maxTokens: 10, temperature: 0, seed: $0)
    }
    try expect(greedy.allSatisfy { $0 == greedy[0] }, "temperature 0 depends on the seed: \(greedy)")
    try expect(greedy[0][0] == greedy[0][1], "temperature 0 rows differ: \(greedy[0])")
    let distinct = Set(
      [1, 42, 123, 999].map {
        generateBatch(model: batchModel, prompt: batchPrompt, samples: 1, maxTokens: 10, temperature: 1, seed: $0)[0]
      })
    try expect(distinct.count >= 2, "four seeds at T = 1 gave \(distinct.count) distinct output(s)")
  }
}
