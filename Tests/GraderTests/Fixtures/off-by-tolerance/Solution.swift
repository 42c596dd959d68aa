func add(_ a: Int, _ b: Int) -> Int { a + b }
// Off by 1e-9: a tolerance of 1e-12 must catch it.
func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) + 1e-9 }
func third(_ xs: [Int]) -> Int { xs[2] }
func countdown(_ n: Int) -> Int {
  var n = n
  while n > 0 { n -= 1 }
  return n
}
