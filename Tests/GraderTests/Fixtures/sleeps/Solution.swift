import Glibc

func add(_ a: Int, _ b: Int) -> Int { a + b }
func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
func third(_ xs: [Int]) -> Int { xs[2] }
func countdown(_ n: Int) -> Int {
  sleep(30)
  return 0
}
