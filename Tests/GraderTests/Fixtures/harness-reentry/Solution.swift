import PracticeChecks

// Hostile: the code under test starts the harness again with an empty suite, hoping for a clean
// "end" with nothing failed. Right outcome: the second start is refused and the run is void.
func add(_ a: Int, _ b: Int) -> Int {
  PracticeChecks.Harness.main(CheckSuite {})
}
func mean(_ xs: [Double]) -> Double { 0 }
func third(_ xs: [Int]) -> Int { 0 }
func countdown(_ n: Int) -> Int { 0 }
