import Foundation
import Grader
import TestSupport
import Testing

/// An interface with operators (like autograd's `Value`) makes the whole learner module visible to
/// the check file; the support modules' names are then imported by name, so a learner declaration
/// with the same name and signature loses to them.
@Suite("Operator interfaces")
struct OperatorInterfaceTests {
  static let interface = """
    struct Money {
      var cents: Int
      static func + (a: Money, b: Money) -> Money { a }
    }
    """
  static let checks = """
    import PracticeChecks

    let checks = CheckSuite {
      Check("adds", "1.50 + 2.25 = 3.75", points: 1) {
        try expectEqual((Money(cents: 150) + Money(cents: 225)).cents, 375, "cents")
      }
    }
    """

  func grade(_ solution: String) throws -> GradeReport {
    try makeGrader().grade(
      GradeRequest(
        sources: [SourceFile(name: "Money.swift", displayPath: "Money.swift", contents: Array(solution.utf8))],
        checks: SourceFile(name: "Checks.swift", displayPath: "Checks.swift", contents: Array(Self.checks.utf8)),
        interface: [SourceFile(name: "Money.swift", displayPath: "Money.swift", contents: Array(Self.interface.utf8))],
        limits: Limits(checkSeconds: 20, runSeconds: 60)))
  }

  @Test("honest helpers named like the DSL compile and pass")
  func honest() throws {
    let report = try grade(
      """
      struct Money {
        var cents: Int
        static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
      }
      struct Check { var note = "" }
      struct CheckSuite {}
      enum Harness {}
      let checks = [Check()]
      func report(_ text: String) {}
      """)
    #expect(report.status == .passed, "\(report.compilerOutput)")
  }

  @Test("a wrong operator with a same-signature expectEqual look-alike still fails")
  func hostile() throws {
    let report = try grade(
      """
      struct Money {
        var cents: Int
        static func + (a: Money, b: Money) -> Money { a }
      }
      func expectEqual<T: Equatable>(
        _ got: T, _ expected: T, _ what: String? = nil, diagnose: ((T) -> String?)? = nil
      ) throws {}
      """)
    #expect(report.status == .failed, "\(report.compilerOutput)")
  }
}
