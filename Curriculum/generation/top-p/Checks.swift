import Foundation
import PracticeChecks

// Values: numpy at authoring time (Curriculum/generation/authoring/reference_values.py, "top-p"),
// matching CONTENT.md 4.3: the probabilities of z = [2, 1, 0.5, 0, −1] sorted have cumulative sums
// 0.5630, 0.7701, 0.8958, 0.9720, 1; p = 0.9 keeps tokens 0…3, renormalised to [0.5792585299413738,
// 0.21309730428862378, 0.12925004855316274, 0.07839411721683973, 0].

let nucleusInput: [Double] = [
  0.5630212318141845, 0.20712393612745927, 0.1256270176216652, 0.07619663787579924, 0.028031176560891775,
]

let checks = CheckSuite {
  Check(
    "nucleus", "p = 0.9 keeps the four most probable tokens, renormalised (1e-12)", points: 4,
    hint: "Walk the tokens from most to least probable, adding their probabilities, and stop at the first sum ≥ p."
  ) {
    try expectAllClose(
      topP(nucleusInput, p: 0.9),
      [0.5792585299413738, 0.21309730428862378, 0.12925004855316274, 0.07839411721683973, 0], absolute: 1e-12,
      "p = 0.9",
      diagnose: { got in
        got[3] == 0 && got[2] > 0 ? "the token whose probability crosses p must be kept too" : nil
      })
    try expectAllClose(topP(nucleusInput, p: 0.5), [1, 0, 0, 0, 0], absolute: 1e-12, "p = 0.5")
    try expectAllClose(topP(nucleusInput, p: 1), nucleusInput, absolute: 1e-12, "p = 1 keeps everything")
  }
  Check(
    "equality", "at exact equality the rule is '≥': p = 0.5630212318141845 keeps token 0 alone", points: 3,
    dependsOn: ["nucleus"],
    hint: "Stop as soon as the sum reaches p (≥), not only when it exceeds it — this is where implementations differ."
  ) {
    try expectAllClose(
      topP(nucleusInput, p: 0.5630212318141845), [1, 0, 0, 0, 0], absolute: 0, "p equal to the top probability",
      diagnose: { got in got[1] > 0 ? "two tokens kept: that is llama2.c's '>' rule; this exercise uses '≥'" : nil })
  }
  Check(
    "order", "token positions are kept: an unsorted input is filtered in place, ties in index order", points: 3,
    dependsOn: ["nucleus"],
    hint: "Sort the indices by probability, not the probabilities themselves."
  ) {
    try expectAllClose(
      topP([0.1, 0.6, 0.3], p: 0.8), [0, 2.0 / 3, 1.0 / 3], absolute: 1e-12, "[0.1, 0.6, 0.3], p = 0.8")
    try expectAllClose(
      topP([0.25, 0.5, 0.25], p: 0.7), [1.0 / 3, 2.0 / 3, 0], absolute: 1e-12, "a tie: index 0 first")
  }
}
