import PracticeChecks
import Testing

/// The message a failing expectation produces (nil if it passed).
func failure(_ body: () throws -> Void) -> String? {
  do {
    try body()
    return nil
  } catch let failure as CheckFailure {
    return failure.message
  } catch {
    return "unexpected error \(error)"
  }
}

@Suite("Check DSL assertions")
struct ExpectationTests {
  @Test("expectClose uses max(absolute, relative·|expected|) and shows expected, got, difference")
  func close() throws {
    #expect(failure { try expectClose(1.0 + 1e-13, 1, absolute: 1e-12) } == nil)
    #expect(failure { try expectClose(101, 100, relative: 0.02) } == nil)
    let message = try #require(failure { try expectClose(1.25, 1.5, absolute: 1e-12, "entropy(p)") })
    #expect(message == "entropy(p): expected 1.5, got 1.25 (difference 0.25, tolerance 1e-12)")
    #expect(failure { try expectClose(.infinity, .infinity) } == nil)
    #expect(failure { try expectClose(-.infinity, .infinity, absolute: 1) } != nil)
    #expect(failure { try expectClose(.nan, 1, absolute: 1) }?.contains("got nan") == true)
  }

  @Test("a diagnosis is added when it recognises the wrong answer")
  func diagnosis() throws {
    let nats = { (got: Double) in abs(got - 1.5 * 0.6931471805599453) < 1e-9 ? "you computed nats, not bits" : nil }
    let message = failure { try expectClose(1.5 * 0.6931471805599453, 1.5, absolute: 1e-12, diagnose: nats) }
    #expect(message?.hasSuffix("likely cause: you computed nats, not bits") == true)
    #expect(failure { try expectClose(2, 1.5, absolute: 1e-12, diagnose: nats) }?.contains("likely cause") == false)
  }

  @Test("expectAllClose names the worst index, its values, the count outside and the max errors")
  func allClose() throws {
    let message = try #require(failure { try expectAllClose([1, 2.5, 3.1], [1, 2, 3], absolute: 0.2, "v") })
    #expect(message.hasPrefix("v: at [1]: expected 2.0, got 2.5"))
    #expect(message.contains("1 of 3 values outside the tolerance"))
    #expect(message.contains("max abs error 0.5"))
    #expect(message.contains("max rel error 0.25"))
    #expect(failure { try expectAllClose([1, 2], [1, 2, 3]) } == "expected 3 values, got 2")
    #expect(
      failure { try expectAllClose([1, .nan], [1, 2], absolute: 1) }?.contains("at [1]: expected 2.0, got nan") == true)
  }

  @Test("matrices are compared by shape first, then element-wise with [row, column] indices")
  func matrices() throws {
    #expect(failure { try expectAllClose([[1, 2]], [[1], [2]], "m") } == "m: expected shape (2, 1), got (1, 2)")
    let message = failure { try expectAllClose([[1, 2], [3, 5]], [[1, 2], [3, 4]], absolute: 1e-9) }
    #expect(message?.hasPrefix("at [1, 1]: expected 4.0, got 5.0") == true)
  }

  @Test("finite and probability-vector checks name the first bad index")
  func finiteAndProbability() throws {
    #expect(failure { try expectFinite([1, .nan, .infinity]) } == "value [1] is nan (2 of 3 are not finite)")
    #expect(failure { try expectProbabilityVector([0.5, 0.5]) } == nil)
    #expect(failure { try expectProbabilityVector([0.7, -0.1, 0.4]) } == "probability [1] is negative: -0.1")
    #expect(failure { try expectProbabilityVector([0.5, 0.6]) }?.contains("sum to 1.1") == true)
  }

  @Test("expectEqual shows both values")
  func equal() {
    #expect(failure { try expectEqual(3, 4, "n") } == "n: expected 4, got 3")
    #expect(failure { try expectShape([2, 3], [3, 2]) } == "expected shape (3, 2), got (2, 3)")
  }
}

@Suite("Gradient checks")
struct GradientCheckTests {
  // f(x) = x₀² + 3·x₀·x₁; ∇f = (2x₀ + 3x₁, 3x₀), by hand.
  let f: ([Double]) -> Double = { $0[0] * $0[0] + 3 * $0[0] * $0[1] }
  let x = [1.5, -2.0]

  @Test("a correct gradient passes at 1e-7")
  func correct() {
    #expect(failure { try expectGradient([2 * 1.5 + 3 * -2.0, 3 * 1.5], of: f, at: x) } == nil)
  }

  @Test("a wrong gradient fails with the worst index and a diagnosis")
  func wrong() throws {
    let flipped = try #require(failure { try expectGradient([-(2 * 1.5 + 3 * -2.0), -(3 * 1.5)], of: f, at: x) })
    #expect(flipped.contains("worst at [0]") || flipped.contains("worst at [1]"))
    #expect(flipped.contains("likely cause: the sign is flipped"))
    let half = failure { try expectGradient([(2 * 1.5 + 3 * -2.0) / 2, 3 * 1.5 / 2], of: f, at: x) }
    #expect(half?.contains("half the true one") == true)
  }

  @Test("the vector form weights outputs by the upstream gradient (CS231n)")
  func vectorForm() {
    // g(x) = (2x₀, x₀·x₁); with upstream (1, 1): ∇ = (2 + x₁, x₀).
    let g: ([Double]) -> [Double] = { [2 * $0[0], $0[0] * $0[1]] }
    #expect(failure { try expectGradient([2 + -2.0, 1.5], of: g, upstream: [1, 1], at: x) } == nil)
  }

  @Test("relative error follows CS231n's definition")
  func relative() {
    #expect(relativeError([1, 2], [1, 2]) == 0)
    #expect(abs(relativeError([1.0], [1.1]) - 0.1 / 2.1) < 1e-15)
    #expect(relativeError([0], [0]) == 0)
  }
}

@Suite("Seeded generator and properties")
struct PropertyTests {
  @Test("SplitMix64 matches the published test vectors")
  func vectors() {
    var zero = SeededGenerator(seed: 0)
    #expect(
      [zero.next(), zero.next(), zero.next()] == [0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f])
    var answer = SeededGenerator(seed: 42)
    #expect(
      [answer.next(), answer.next(), answer.next()] == [
        0xbdd7_3226_2feb_6e95, 0x28ef_e333_b266_f103, 0x4752_6757_130f_9f52,
      ])
    var uniform = SeededGenerator(seed: 42)
    #expect(uniform.uniform() == 0.7415648787718233)
  }

  @Test("forAll reports the seed and the input of the first failure")
  func forAllReports() throws {
    let message = try #require(
      failure {
        try forAll(seeds: 1...20, { rng in rng.below(10) }) { n in try expect(n != 7, "got seven") }
      })
    #expect(message.hasPrefix("for seed "))
    #expect(message.contains("input 7: got seven"))
    #expect(
      failure { try forAll(seeds: 1...20, { rng in rng.probabilityVector(4) }) { try expectProbabilityVector($0) } }
        == nil)
  }
}
