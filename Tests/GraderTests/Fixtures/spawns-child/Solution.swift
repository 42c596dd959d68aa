import Foundation

// Starts a process that would outlive the program (Foundation puts it in a new process group).
func add(_ a: Int, _ b: Int) -> Int {
  let child = Process()
  child.executableURL = URL(fileURLWithPath: "/bin/sleep")
  child.arguments = ["617.25"]
  try? child.run()
  return a + b
}
func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
func third(_ xs: [Int]) -> Int { xs[2] }
func countdown(_ n: Int) -> Int {
  var n = n
  while n > 0 { n -= 1 }
  return n
}
