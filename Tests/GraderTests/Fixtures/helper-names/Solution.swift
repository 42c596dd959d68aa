// Honest: correct code whose helpers happen to use the names the check DSL and harness use.
// Right outcome: it compiles and passes every check.
struct Check { var name: String }
struct CheckSuite { var checks: [Check] = [] }
enum Harness { static func main() -> Int { 1 } }
final class Result {}
let checks = CheckSuite()
func main() -> Int { Harness.main() }
func expectClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }
func report(_ text: String) -> String { text }
func expectEqual(_ a: Int, _ b: Int) -> Bool { a == b }

func add(_ a: Int, _ b: Int) -> Int { expectEqual(a, a) ? a + b : 0 }
func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
func third(_ xs: [Int]) -> Int { xs[main() + 1] }
func countdown(_ n: Int) -> Int {
  var n = n
  while n > 0 { n -= 1 }
  return n
}
