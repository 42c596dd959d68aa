func add(_ a: Int, _ b: Int) -> Int { a + b }
func mean(_ xs: [Double]) -> Double { xs[xs.count] }
func third(_ xs: [Int]) -> Int { xs[2] }
func countdown(_ n: Int) -> Int {
  var n = n
  while n > 0 { n -= 1 }
  return n
}
