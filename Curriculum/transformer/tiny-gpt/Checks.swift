import Foundation
import PracticeChecks

// Values: float64 numpy at authoring time (Curriculum/transformer/authoring/reference_values.py,
// "tiny-gpt"), an independent forward pass of the same architecture from the same SplitMix64 weights;
// its last-position logits[0…5], argmax 16 ('p') and log-softmax of ' ' (−3.4570019243474075) match
// CONTENT.md 3.7. The script also gives the last-position logit[0] of the classic mistakes, which the
// diagnosis names: no final LayerNorm −0.031320357167904475, no position embeddings
// −0.2210715228192233, GELU's erf form 0.008021399086679953, attention not scaled by 1/√d
// 0.4040352646352268, post-LN blocks −0.33581173390552554 (with a final LN) or −0.33581132144413567 (without).

let referenceGPT = GPT(config: GPTConfig(), seed: 2024)
let helloTokens = [8, 5, 12, 12, 15]  // "hello" over " abcdefghijklmnopqrstuvwxyz"

let checks = CheckSuite {
  Check(
    "hello", "the reference model's logits for \"hello\" at the last position, all 27 (1e-9)", points: 6,
    hint: "Pre-LN: x + attention(LN(x)), then x + W2·gelu(W1·LN(x)); a final LN; logits = LN(x)·wteᵀ."
  ) {
    let logits = referenceGPT.forward(helloTokens)
    try expectShape(logits.shape, [5, 27], "logits")
    let expected: [Double] = [
      0.00807278546113971, -0.01872809956305471, -0.2274480074363131, -1.3756171767371814, 0.33549627853696556,
      0.5261555790302803, -0.4087711695196815, 0.7908328230276018, 0.5233033813374283, 1.2148170590713308,
      1.0885294571099857, -1.2744181991772274, 0.47342170571454656, -0.35875848120194787, -0.4463132598056446,
      -0.7937338066081752, 1.2900300357719887, -1.1990722578409057, -0.828217557582382, -0.9303490676233657,
      0.4665392917479693, -0.6382827669060128, -0.09790173006528613, -0.10552031454774327, -0.5737346371598915,
      -1.0528574305314788, 0.5123138406702976,
    ]
    try expectAllClose(
      logits.row(4).data, expected, absolute: 1e-9, "logits[4]",
      diagnose: { got in
        let known: [(Double, String)] = [
          (-0.031320357167904475, "no final LayerNorm before the head"),
          (-0.2210715228192233, "the position embeddings are missing"),
          (0.008021399086679953, "GELU in its erf form; this model uses the tanh form"),
          (0.4040352646352268, "the attention scores are not scaled by 1/√(head size)"),
          (-0.33581173390552554, "post-LN blocks (LN after the residual add); these blocks are pre-LN"),
          (-0.33581132144413567, "post-LN blocks (LN after the residual add); these blocks are pre-LN"),
        ]
        return known.first { abs(got[0] - $0.0) < 1e-9 }?.1
      })
  }
  Check(
    "first-position", "position 0 sees only 'h' (1e-9)", points: 2, dependsOn: ["hello"],
    hint: "Every row of the logits is computed; row 0 uses the first token and wpe row 0 only."
  ) {
    let expected: [Double] = [
      -0.6756272298194559, 0.7446006489477471, 0.40616089680702383, -0.9985531467709015, 0.44157601598167295,
      -1.1061807060099056, -0.624590953929781, -0.8036723110545473, 1.0555728508736453, -0.4376452691957457,
      0.7518260310023102, -0.38019325637191237, 0.31556205904811574, -0.18749352364793878, -0.17176897927126064,
      0.05058275457408178, 1.1974144463794147, -1.829850326568135, 0.02330012032659318, -0.23096648175132764,
      0.8443780746809897, -1.370386192723836, 1.2893091179627783, 0.9899456361126565, -0.6930477642396177,
      0.5217976552646024, 0.2760843309436242,
    ]
    try expectAllClose(referenceGPT.forward(helloTokens).row(0).data, expected, absolute: 1e-9, "logits[0]")
    try expectAllClose(referenceGPT.forward([8]).row(0).data, expected, absolute: 1e-12, "logits of \"h\" alone")
  }
  Check(
    "prediction", "it predicts 'p' after \"hello\"; log p(' ') = −3.4570019243474075", points: 2, dependsOn: ["hello"],
    hint: "Log-softmax of the last row: logit − logsumexp."
  ) {
    let last = referenceGPT.forward(helloTokens).row(4).data
    try expectEqual(last.indices.max { last[$0] < last[$1] } ?? -1, 16, "argmax (16 is 'p')")
    let top = last.max() ?? 0
    let logSoftmax = last[0] - top - log(last.reduce(0) { $0 + exp($1 - top) })
    try expectClose(logSoftmax, -3.4570019243474075, absolute: 1e-9, "log p(' ' | hello)")
  }
  Check(
    "causal", "the logits of a prefix do not change when later tokens are added or changed", points: 4,
    dependsOn: ["hello"],
    hint: "Every attention in every block must be causal."
  ) {
    let long = [
      8, 5, 12, 12, 15, 0, 23, 15, 18, 12, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ]
    let full = referenceGPT.forward(long)
    try expectShape(full.shape, [32, 27], "logits of 32 tokens (the whole context)")
    try expectAllClose(
      full.rows(0..<5).data, referenceGPT.forward(helloTokens).data, absolute: 1e-12, "the first 5 rows")
    var changed = long
    for t in 10..<32 { changed[t] = (changed[t] + 9) % 27 }
    try expectAllClose(
      referenceGPT.forward(changed).rows(0..<10).data, full.rows(0..<10).data, absolute: 1e-12,
      "rows 0…9 after changing tokens 10…31")
  }
}
