import Foundation
import PracticeNumerics

// Uses your CharLSTM and train from lstm/train-char-lstm, and through them your lstmStepForward
// (compiled with this file).

/// Generates `count` characters after `prompt`, one at a time, carrying the LSTM's state (h, c)
/// from character to character. Each next character is drawn from softmax(logits / temperature)
/// with a SplitMix64 seeded with `seed` (inverse CDF: `generator.categorical`); temperature 0 means
/// greedy (the most likely character). Returns the new characters only.
func sampleText(model: CharLSTM, prompt: String, count: Int, temperature: Double, seed: UInt64) -> String {
  // TODO: start from zero h and c (1 row); feed the prompt's characters through lstmStepForward
  // (x = the character's row of model.embedding); then, count times: logits = h·wOut + bOut,
  // choose the next character, append it, feed it.
  String(repeating: "a", count: count)
}
