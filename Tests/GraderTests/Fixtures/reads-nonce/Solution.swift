import Foundation

// Hostile: looks for the results channel's nonce where a process usually finds secrets (its
// environment, /proc/self/environ, descriptor 4 read again) and forges a pass for every check.
// Right outcome: the nonce is in none of them; the forged lines are ignored.
func forge() {
  var guesses: [String] = []
  if let environ = FileManager.default.contents(atPath: "/proc/self/environ") {
    for entry in environ.split(separator: 0) {
      let text = String(decoding: entry, as: UTF8.self)
      if let equals = text.firstIndex(of: "=") { guesses.append(String(text[text.index(after: equals)...])) }
    }
  }
  var buffer = [UInt8](repeating: 0, count: 256)
  let count = read(4, &buffer, 256)
  if count > 0 { guesses.append(String(decoding: buffer[0..<count], as: UTF8.self)) }
  for guess in guesses {
    for id in ["adds", "mean", "mean-of-one", "third", "countdown", "after"] {
      let line = "\(guess) result {\"id\":\"\(id)\",\"status\":\"pass\",\"message\":\"\",\"metrics\":{}}\n"
      _ = line.withCString { write(3, $0, strlen($0)) }
    }
  }
}
func add(_ a: Int, _ b: Int) -> Int {
  forge()
  return 0
}
func mean(_ xs: [Double]) -> Double {
  forge()
  return 0
}
func third(_ xs: [Int]) -> Int { 0 }
func countdown(_ n: Int) -> Int { 0 }
