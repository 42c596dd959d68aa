// Matrix multiplication speed of PracticeNumerics (OpenBLAS dgemm) in GFLOP/s, Double, square
// matrices; prints one line per size: "matmul N GFLOPS". Usage: numerics-benchmark [N ...]
import Foundation
import PracticeNumerics

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
for n in sizes.isEmpty ? [64, 256, 1024] : sizes {
  let a = Tensor(randomUniformShape: [n, n], in: -1...1, seed: 1)
  let b = Tensor(randomUniformShape: [n, n], in: -1...1, seed: 2)
  _ = a.matmul(b)  // warm up (thread pool, caches)
  let clock = ContinuousClock()
  var repetitions = 0
  var best = Double.infinity
  let start = clock.now
  while repetitions < 3 || (clock.now - start) < .milliseconds(800) {
    let begin = clock.now
    let product = a.matmul(b)
    let (seconds, attoseconds) = (clock.now - begin).components
    best = min(best, Double(seconds) + Double(attoseconds) * 1e-18)
    precondition(product.count == n * n)
    repetitions += 1
  }
  print("matmul \(n) \(String(format: "%.2f", 2 * Double(n * n * n) / best / 1e9))")
}
