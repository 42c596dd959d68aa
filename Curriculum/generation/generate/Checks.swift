import Foundation
import PracticeChecks

// Values: an independent numpy forward pass of the reference GPT (SplitMix64(2024), context 32) with
// the same sampling rule (Curriculum/generation/authoring/reference_values.py, "generate"), matching
// CONTENT.md 4.5: greedy "helloppvvvvvvvvvvvvvvvvvv"; T = 0.8 with SplitMix64(7)
// "helloi wplhhhehczvvvpxntv"; 40 new tokens at T = 0.8 (past the context of 32, so cropped)
// "helloi wplhhhehczvvvpxntvvdmjxydnvoybkjmpbwhg".

let generationAlphabet = Array(" abcdefghijklmnopqrstuvwxyz")
let generationReferenceGPT = GPT(config: GPTConfig(), seed: 2024)

func generationIDs(_ text: String) -> [Int] { text.map { generationAlphabet.firstIndex(of: $0) ?? 0 } }
func decodeText(_ tokens: [Int]) -> String { String(tokens.map { generationAlphabet[$0] }) }
/// The tokens as text for the table (a token outside the alphabet shows as `?`).
func shownText(_ tokens: [Int]) -> String {
  String(tokens.map { $0 >= 0 && $0 < generationAlphabet.count ? generationAlphabet[$0] : "?" })
}

let checks = CheckSuite {
  Check(
    "greedy", "greedy from \"hello\", 20 tokens: \"helloppvvvvvvvvvvvvvvvvvv\"", points: 4,
    hint: "Each step: forward the whole sequence, take the last row of the logits, sampler.next, append."
  ) {
    var sampler = Sampler(temperature: 0, seed: 0)
    let tokens = generate(model: generationReferenceGPT, prompt: generationIDs("hello"), count: 20, sampler: &sampler)
    show(sample: shownText(tokens), label: "your greedy text")
    try expectEqual(tokens.count, 25, "prompt + new tokens")
    try expectEqual(decodeText(tokens), "helloppvvvvvvvvvvvvvvvvvv", "greedy text")
  }
  Check(
    "sampled", "T = 0.8 with SplitMix64(7): \"helloi wplhhhehczvvvpxntv\"", points: 3, dependsOn: ["greedy"],
    hint: "One sampler for the whole generation: its generator advances one coin per token."
  ) {
    var sampler = Sampler(temperature: 0.8, seed: 7)
    let tokens = generate(model: generationReferenceGPT, prompt: generationIDs("hello"), count: 20, sampler: &sampler)
    show(sample: shownText(tokens), label: "your text at T = 0.8")
    try expectEqual(decodeText(tokens), "helloi wplhhhehczvvvpxntv", "sampled text")
  }
  Check(
    "crop", "past the context of 32 the window is cropped to the last 32 tokens (40 new tokens)", points: 3,
    dependsOn: ["sampled"],
    hint: "tokens.suffix(model.config.context): the positions restart at 0 for the cropped window."
  ) {
    var sampler = Sampler(temperature: 0.8, seed: 7)
    let tokens = generate(model: generationReferenceGPT, prompt: generationIDs("hello"), count: 40, sampler: &sampler)
    show(sample: shownText(tokens), label: "your 45 tokens")
    try expectEqual(decodeText(tokens), "helloi wplhhhehczvvvpxntvvdmjxydnvoybkjmpbwhg", "45 tokens")
  }
}
