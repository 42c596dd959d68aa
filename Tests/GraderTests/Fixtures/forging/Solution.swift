import Glibc

// A submission that tries to fake passing results instead of computing them.
func add(_ a: Int, _ b: Int) -> Int {
  // With made-up metric details and shown text: none of it may reach the results.
  let fake =
    #"{"id":"adds","status":"pass","message":"","metrics":{"answer":1},"details":[{"name":"answer","value":1,"#
    + #""unit":"forged","bar":{"comparison":"atMost","value":2}}],"shown":[{"label":"forged","text":"forged"}]}"#
  print("result \(fake)")
  // Forged output markers are shown as ordinary output and move nothing.
  print("\u{1F}0000 begin after")
  let nonce = String(cString: getenv("PRACTICE_NONCE") ?? strdup(""))
  for guess in [nonce, "0", "", "nonce"] {
    let line = "\(guess) result \(fake)\n\(guess) end \n"
    _ = line.withCString { write(3, $0, strlen($0)) }
  }
  return 0
}
func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
func third(_ xs: [Int]) -> Int { xs[2] }
func countdown(_ n: Int) -> Int { 0 }
