import PracticeChecks
import Testing

/// `report` keeps the refused names in process-wide state that `Check.run` resets: these tests run
/// one at a time.
@Suite("Metric names are a closed vocabulary", .serialized)
struct MetricNameTests {
  @Test("names are [a-z0-9][a-z0-9-]*, at most 64 characters")
  func rule() {
    for name in ["bits-per-char", "excess-bits", "a", "0", "bits-per-char-2000", String(repeating: "x", count: 64)] {
      #expect(MetricName.isAllowed(name), "\(name)")
    }
    for name in [
      "", "binary_entropy", "bits per char", "Bits-per-char", "-bits", "bits\nScore: 10/10", "bits:", "bits\u{2028}",
      "entropía", "bits.per.char", String(repeating: "x", count: 65),
    ] {
      #expect(!MetricName.isAllowed(name), "\(name.debugDescription)")
    }
  }

  @Test("a check reporting a name outside the rule fails, naming the metric")
  func refused() throws {
    let check = Check("rate", "reports a rate") { report("bits per char", 0.42) }
    let message = try #require(failure { try check.run() })
    #expect(
      message == "metric name \"bits per char\" is not allowed: use lowercase letters, digits and '-' (at most 64)")
  }

  @Test("a name with a newline is shown escaped, so the message cannot forge a line")
  func escaped() throws {
    let check = Check("rate", "reports a rate") { report("bits\nScore: 10/10", 1) }
    let message = try #require(failure { try check.run() })
    #expect(message.hasPrefix("metric name \"bits\\nScore: 10/10\" is not allowed"))
    #expect(!message.contains("\n"))
  }

  @Test("the refusal comes first when the check fails anyway, and every refused name is named")
  func withFailure() throws {
    let check = Check("rate", "reports a rate") {
      report("binary_entropy", 1)
      report("bits-per-char", 2)
      report("Bits", 3)
      try expectClose(1, 2, "rate")
    }
    let message = try #require(failure { try check.run() })
    let lines = message.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.first?.hasPrefix("metric name \"binary_entropy\" is not allowed") == true)
    #expect(lines.dropFirst().first?.hasPrefix("metric name \"Bits\" is not allowed") == true)
    #expect(lines.last?.hasPrefix("rate: expected 2.0, got 1.0") == true)
  }

  @Test("allowed names pass, and a refusal does not leak into the next check")
  func noLeak() throws {
    let bad = Check("bad", "bad name") { report("bad name", 1) }
    let good = Check("good", "good name") { report("bits-per-char", 1) }
    #expect(failure { try bad.run() } != nil)
    #expect(failure { try good.run() } == nil)
  }
}
