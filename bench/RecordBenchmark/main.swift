// Measures the cost of recording one attempt (blobs, tree, commit, compare-and-swap ref update)
// through the History layer, in process, on a fresh repository and on one that already holds the
// history in the repository given as the first argument (if any).
// Usage: record-benchmark [REPOSITORY] [COUNT]
import Foundation
import Git
import History

func measure(in directory: URL, count: Int) throws -> [Double] {
  let store = try AttemptStore(workspace: directory)
  var samples: [Double] = []
  let clock = ContinuousClock()
  for index in 0..<count {
    let exercise = "information-theory/entropy"
    let attempt = AttemptRecord(
      exercise: exercise, score: Double(index % 9), maxScore: 8, status: "failed",
      summaryLines: (0..<8).map { "✔ check-\($0) 1/1" }, extraTrailers: [("Toolchain", "swift-6.3.1")],
      exerciseFolder: "Exercises/\(exercise)",
      files: [
        TreeFile(path: "Exercises/\(exercise)/Entropy.swift", contents: Array("// \(index)\nlet x = \(index)\n".utf8)),
        TreeFile(path: ".practice/results/\(exercise).json", contents: Array(String(repeating: "{}", count: 400).utf8)),
      ])
    let start = clock.now
    _ = try store.record(attempt) { previous in (previous ?? Data("{}".utf8)) }
    let elapsed = clock.now - start
    let (seconds, attoseconds) = elapsed.components
    samples.append(Double(seconds) * 1000 + Double(attoseconds) * 1e-15)
  }
  return samples.sorted()
}

func report(_ label: String, _ samples: [Double]) {
  let p50 = samples[samples.count / 2]
  let p95 = samples[min(samples.count - 1, samples.count * 95 / 100)]
  print(
    String(
      format: "%@: p50 %.2f ms, p95 %.2f ms, max %.2f ms (n=%d)", label, p50, p95, samples.last ?? 0, samples.count))
}

let arguments = CommandLine.arguments
let count = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("record-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: fresh) }
_ = try Repository.create(at: fresh)
report("record one attempt, new repository", try measure(in: fresh, count: count))
if arguments.count > 1 {
  report(
    "record one attempt, repository with history", try measure(in: URL(fileURLWithPath: arguments[1]), count: count))
}
