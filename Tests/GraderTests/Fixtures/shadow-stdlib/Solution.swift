// Hostile: wrong code plus declarations that would change what the check file computes if it saw
// them: an `==` that always says yes, `abs` that is always 0, an Array.count that lies.
// Right outcome: the check file sees none of them; every wrong answer fails.
func add(_ a: Int, _ b: Int) -> Int { 0 }
func mean(_ xs: [Double]) -> Double { 0 }
func third(_ xs: [Int]) -> Int { 0 }
func countdown(_ n: Int) -> Int { 0 }

func == (lhs: Int, rhs: Int) -> Bool { true }
func == (lhs: Double, rhs: Double) -> Bool { true }
func abs(_ x: Double) -> Double { 0 }
extension Array { var count: Int { 0 } }
extension Double { var isNaN: Bool { false } }
