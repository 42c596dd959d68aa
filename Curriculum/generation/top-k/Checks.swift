import Foundation
import PracticeChecks

// Values: numpy at authoring time (Curriculum/generation/authoring/reference_values.py, "top-k"),
// matching CONTENT.md 4.2: z = [2, 1, 0.5, 0, −1] with k = 2 gives softmax [0.7310585786300049,
// 0.2689414213699951, 0, 0, 0]; nanoGPT keeps every logit ≥ the k-th largest (ties).

func topKSoftmax(_ logits: [Double]) -> [Double] {
  let top = logits.max() ?? 0
  let weights = logits.map { exp($0 - top) }
  let total = weights.reduce(0, +)
  return weights.map { $0 / total }
}

let checks = CheckSuite {
  Check(
    "filter", "k = 2 keeps the two largest; their softmax is [0.7311, 0.2689, 0, 0, 0]", points: 4,
    hint: "Find the k-th largest value (sort a copy, descending); set every smaller logit to −∞."
  ) {
    let filtered = topK([2, 1, 0.5, 0, -1], k: 2)
    try expectEqual(filtered.count, 5, "logits")
    try expect(filtered[2...].allSatisfy { $0 == -.infinity }, "logits 2…4 should be −∞, got \(filtered)")
    try expectAllClose(
      topKSoftmax(filtered), [0.7310585786300049, 0.2689414213699951, 0, 0, 0], absolute: 1e-12, "softmax after top-2")
  }
  Check(
    "edges", "k = 1 is the argmax; k ≥ V changes nothing; the order of the logits does not matter", points: 2,
    dependsOn: ["filter"],
    hint: "Filter by value, never by sorting the logits themselves: their positions are the token ids."
  ) {
    try expectAllClose(
      topK([0.5, 2, -1, 1], k: 1), [-.infinity, 2, -.infinity, -.infinity], absolute: 0, "k = 1")
    try expectAllClose(topK([0.5, 2, -1, 1], k: 4), [0.5, 2, -1, 1], absolute: 0, "k = V")
    try expectAllClose(topK([0.5, 2, -1, 1], k: 10), [0.5, 2, -1, 1], absolute: 0, "k > V")
  }
  Check(
    "ties", "ties with the k-th largest are kept, as nanoGPT does: [1, 2, 2, 0] with k = 1 keeps both 2s", points: 2,
    dependsOn: ["filter"],
    hint: "Compare with the k-th largest value: logits < that value go, equal ones stay."
  ) {
    try expectAllClose(
      topK([1, 2, 2, 0], k: 1), [-.infinity, 2, 2, -.infinity], absolute: 0, "k = 1 with a tie at the top")
    try expectAllClose(topK([1, 2, 2, 0], k: 2), [-.infinity, 2, 2, -.infinity], absolute: 0, "k = 2")
  }
}
