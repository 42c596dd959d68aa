// Hostile: wrong code plus look-alikes of the check DSL, hoping the checks call these instead.
// Right outcome: the checks use PracticeChecks' own functions, so every wrong answer fails.
func add(_ a: Int, _ b: Int) -> Int { a - b }
func mean(_ xs: [Double]) -> Double { 0 }
func third(_ xs: [Int]) -> Int { xs[2] }
func countdown(_ n: Int) -> Int { 0 }

func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String = "") throws {}
func expectEqual(_ actual: Int, _ expected: Int, _ what: String) throws {}
func expectClose(_ actual: Double, _ expected: Double, absolute: Double = 0, _ what: String = "") throws {}
func report(_ name: String, _ value: Double) {}
func expectClose(_ actual: Double, _ expected: Double) throws {}
