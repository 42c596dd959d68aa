import PracticeChecks
import PracticeNumerics

// Expected values: float64 numpy at authoring time with Curriculum/authoring/synth.py
// (markov_entropies for the exact ladder; its Counter-based plug-in loop for the estimates on
// sample_markov(P, 8, 2, 200000, 101)), independent of the reference solution; by hand where noted.
let corpus = MarkovCorpus.standard
let trainingSymbols = corpus.sample(count: 200_000, seed: 101)

let checks = CheckSuite {
  Check(
    "ladder", "Corpus M's ladder is 2.98865, 2.87105, 2.09514 bits", points: 4,
    hint: "hⱼ = H(last j+1 symbols) − H(last j symbols), from the (k+1)-gram distribution π(c)·P(y|c)."
  ) {
    // synth.markov_entropies: [2.9886527777959095, 2.8710543634353045, 2.095143827865315]
    let ladder = conditionalEntropyLadder(order: 2, alphabetSize: 8, transitions: corpus.transitions)
    try expectAllClose(
      ladder, [2.9886527777959095, 2.8710543634353045, 2.095143827865315], absolute: 1e-9, "ladder(Corpus M)")
  }
  Check("ladder-iid", "for independent symbols every rung is the same", points: 1, dependsOn: ["ladder"]) {
    // By hand: every row is (½, ¼, ¼), so H(X_t | anything) = 1.5 bits.
    let rows = [[Double]](repeating: [0.5, 0.25, 0.25], count: 3)
    try expectAllClose(
      conditionalEntropyLadder(order: 1, alphabetSize: 3, transitions: rows), [1.5, 1.5], absolute: 1e-9,
      "ladder(i.i.d.)")
  }
  Check(
    "plug-in-small", "a sequence that alternates: 1 bit with no context, 0 bits with one symbol", points: 1,
    hint: "Count (order+1)-grams and their contexts over positions order…n−1; N is the number of grams."
  ) {
    // By hand: order 0 sees half 0s and half 1s; order 1 sees 0→1 and 1→0 always.
    try expectClose(plugInEntropy([0, 1, 0, 1, 0, 1], order: 0), 1, absolute: 1e-12, "order 0")
    try expectClose(plugInEntropy([0, 1, 0, 1, 0, 1], order: 1), 0, absolute: 1e-12, "order 1")
  }
  Check(
    "plug-in-corpus-m", "on 200,000 symbols the plug-in estimates for j ≤ 2 are close to the truth", points: 4,
    dependsOn: ["plug-in-small"]
  ) {
    // synth.py's plug-in on the same 200k symbols: 2.9883164402772144, 2.8705776597670485, 2.0930623757445774
    let expected = [2.9883164402772144, 2.8705776597670485, 2.0930623757445774]
    for order in 0...2 {
      try expectClose(plugInEntropy(trainingSymbols, order: order), expected[order], absolute: 1e-9, "order \(order)")
    }
  }
  Check(
    "plug-in-bias", "with 3 symbols of context the estimate falls below the entropy rate", points: 2,
    dependsOn: ["plug-in-corpus-m"]
  ) {
    // synth.py: 2.0841474834960128 < rate 2.0951438278653156: the counts fit the noise (overfitting).
    let estimate = plugInEntropy(trainingSymbols, order: 3)
    try expectClose(estimate, 2.0841474834960128, absolute: 1e-9, "order 3")
    try expect(estimate < 2.0951438278653156, "the order-3 estimate \(estimate) should fall below the rate")
    report("plug-in-order-3-bits", estimate, unit: "bits/symbol")
  }
}
