// The fixtures' interface: what the shared Checks.swift may use of a submission (as an exercise's
// scaffold would declare it).
func add(_ a: Int, _ b: Int) -> Int { 0 }
func mean(_ xs: [Double]) -> Double { 0 }
func third(_ xs: [Int]) -> Int { 0 }
func countdown(_ n: Int) -> Int { 0 }
