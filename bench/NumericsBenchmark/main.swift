// Speed of the learner library: matmul in GFLOP/s (Double, square) and one training step of the
// reference character LSTM. Usage: numerics-benchmark [matmul N ...] | [lstm STEPS]
import Foundation
import PracticeNumerics

func seconds(_ duration: Duration) -> Double {
  let (whole, attoseconds) = duration.components
  return Double(whole) + Double(attoseconds) * 1e-18
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "lstm" {
  let steps = arguments.count > 1 ? Int(arguments[1]) ?? 10 : 10
  var model = LSTMStep()
  var first = model.step()  // warm up
  var times: [Double] = []
  var last = first
  for _ in 0..<steps {
    let start = ContinuousClock.now
    last = model.step()
    times.append(seconds(ContinuousClock.now - start))
  }
  times.sort()
  print(
    "lstm-step \(String(format: "%.4f", times[times.count / 2])) loss \(String(format: "%.4f", first)) → \(String(format: "%.4f", last))"
  )
  first = last
} else {
  let sizes = arguments.compactMap { Int($0) }
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
      best = min(best, seconds(clock.now - begin))
      precondition(product.count == n * n)
      repetitions += 1
    }
    print("matmul \(n) \(String(format: "%.2f", 2 * Double(n * n * n) / best / 1e9))")
  }
}
