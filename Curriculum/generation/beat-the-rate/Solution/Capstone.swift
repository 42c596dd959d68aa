import Foundation
import PracticeNumerics

// Uses your CharLSTM and train from lstm/train-char-lstm (compiled with this file).

/// Your best model of a Corpus W whose lexicon and chain you have never seen: train on `text`
/// (character ids over " abcdefghijklmnopqrstuvwxyz") and return the model. Anything goes — sizes,
/// steps, schedule — within the check's time limit (10 minutes).
func capstoneModel(text: [Int]) -> CharLSTM {
  var config = TrainingConfig()
  config.steps = 2000
  return train(text: text, config: config)
}
