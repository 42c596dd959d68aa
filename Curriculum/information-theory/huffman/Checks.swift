import Foundation
import PracticeChecks

// Expected values: by hand (MacKay §5.5 and the lesson) where noted. For random distributions the
// optimum comes from an independent computation here: the optimal E[L] equals the sum of the
// weights of all merged nodes, found by repeatedly merging the two smallest weights in a sorted
// list — numbers only, no tree, no code from the reference solution.
func optimalExpectedLength(_ p: [Double]) -> Double {
  var weights = p.sorted()
  var cost = 0.0
  while weights.count > 1 {
    let merged = weights[0] + weights[1]
    cost += merged
    weights.removeFirst(2)
    weights.insert(merged, at: weights.firstIndex { $0 > merged } ?? weights.count)
  }
  return cost
}

func averageLength(_ p: [Double], _ lengths: [Int]) -> Double {
  zip(p, lengths).reduce(0) { $0 + $1.0 * Double($1.1) }
}

func entropyBits(_ p: [Double]) -> Double {
  -p.filter { $0 > 0 }.reduce(0) { $0 + $1 * log2($1) }
}

let mackay = [0.25, 0.25, 0.2, 0.15, 0.15]

let checks = CheckSuite {
  Check(
    "mackay", "MacKay's example: lengths 2, 2, 2, 3, 3 and E[L] = 2.30 bits", points: 3,
    hint: "Merge the two lightest nodes each time — the two lightest among all current nodes, merged ones included."
  ) {
    // By hand (lesson): d+e, then c with a or b, then the rest; E[L] = 2·0.7 + 3·0.3 = 2.3.
    let lengths = huffmanCodeLengths(mackay)
    try expectEqual(lengths.sorted(), [2, 2, 2, 3, 3], "sorted lengths")
    try expectClose(averageLength(mackay, lengths), 2.3, absolute: 1e-12, "E[L]")
  }
  Check("ties", "with ties several trees are optimal; E[L] is 2.2 for (.4, .2, .2, .1, .1)", points: 2) {
    // By hand: (1, 2, 3, 4, 4) and (2, 2, 2, 3, 3) both give 2.2.
    let p = [0.4, 0.2, 0.2, 0.1, 0.1]
    try expectClose(averageLength(p, huffmanCodeLengths(p)), 2.2, absolute: 1e-12, "E[L]")
  }
  Check(
    "kraft", "the code is complete: Σ 2^(−lᵢ) = 1 for two symbols or more", points: 2, dependsOn: ["mackay"],
    hint: "Every internal node of a Huffman tree has two children, so the Kraft sum is exactly 1."
  ) {
    try forAll(seeds: 1...50, { rng in rng.probabilityVector(2 + rng.below(12)) }) { p in
      let kraft = huffmanCodeLengths(p).reduce(0.0) { $0 + pow(2, -Double($1)) }
      try expectClose(kraft, 1, absolute: 1e-12, "Kraft sum")
    }
  }
  Check(
    "optimal", "on 50 random distributions E[L] is optimal, and H ≤ E[L] < H + 1", points: 3,
    dependsOn: ["mackay"]
  ) {
    try forAll(seeds: 1...50, { rng in rng.probabilityVector(2 + rng.below(15)) }) { p in
      let average = averageLength(p, huffmanCodeLengths(p))
      try expectClose(average, optimalExpectedLength(p), absolute: 1e-12, "E[L] against the optimum")
      let h = entropyBits(p)
      try expect(average >= h - 1e-12 && average < h + 1, "E[L] = \(average) outside [H, H + 1), H = \(h)")
    }
  }
  Check(
    "codewords", "the codewords are prefix-free binary strings of those lengths", points: 2,
    dependsOn: ["mackay"],
    hint: "Label the two branches of every merge 0 and 1; a codeword is the path from the root to the leaf."
  ) {
    try forAll(seeds: 1...30, { rng in rng.probabilityVector(2 + rng.below(10)) }) { p in
      let code = huffmanCode(p)
      try expectEqual(code.map(\.count), huffmanCodeLengths(p), "codeword lengths")
      try expect(code.allSatisfy { $0.allSatisfy { $0 == "0" || $0 == "1" } }, "codewords must be 0s and 1s: \(code)")
      for (i, a) in code.enumerated() {
        for (j, b) in code.enumerated() where i != j {
          try expect(!b.hasPrefix(a), "\(a) (symbol \(i)) is a prefix of \(b) (symbol \(j))")
        }
      }
    }
  }
  Check("edges", "one symbol needs 0 bits; two need 1 each; counts and zero weights work", points: 2) {
    // By hand: a single outcome carries no information; two symbols get 0 and 1.
    try expectEqual(huffmanCodeLengths([1]), [0], "one symbol")
    try expectEqual(huffmanCodeLengths([0.3, 0.7]), [1, 1], "two symbols")
    // Counts (MacKay's example × 8) give the same lengths.
    try expectEqual(huffmanCodeLengths([2, 2, 1.6, 1.2, 1.2]).sorted(), [2, 2, 2, 3, 3], "unnormalised weights")
    // A zero weight still gets a codeword, and that costs: with three codewords (Kraft) one of the
    // halves must go to depth 2, so the optimum is E[L] = 0.5·1 + 0.5·2 = 1.5 (by hand).
    let lengths = huffmanCodeLengths([0.5, 0.5, 0])
    try expect(lengths.allSatisfy { $0 >= 1 }, "every symbol needs a codeword: \(lengths)")
    try expectClose(averageLength([0.5, 0.5, 0], lengths), 1.5, absolute: 1e-12, "E[L] with a zero weight")
  }
}
