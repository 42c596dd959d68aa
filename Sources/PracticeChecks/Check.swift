/// One graded check: an id, a title, points, and a body that calls the learner's code.
///
/// A check passes when its body returns, fails when it throws (usually through one of the
/// `expect…` functions), and is `skipped` when a check it depends on did not pass. A crash or a
/// timeout inside the body affects that check only: the grader restarts the program for the rest.
///
/// ```swift
/// let checks = CheckSuite {
///   Check("uniform", "A uniform distribution over 8 outcomes has 3 bits", points: 2) {
///     try expectClose(entropy(Array(repeating: 0.125, count: 8)), 3, absolute: 1e-12)
///   }
/// }
/// ```
public struct Check {
  /// A stable id (letters, digits, `-`, `_`, `.`), unique in the suite.
  public let id: String
  /// What the check asserts, in words a learner understands.
  public let title: String
  /// Points awarded when it passes.
  public let points: Double
  /// Ids of checks that must pass first; when one did not, this check is skipped.
  public let dependsOn: [String]
  /// Shown when the check fails: what this failure usually means.
  public let hint: String?
  /// Wall-clock limit for this check in seconds; nil uses the exercise's default.
  public let timeLimit: Double?
  let body: () throws -> Void

  public init(
    _ id: String, _ title: String, points: Double = 1, dependsOn: [String] = [], hint: String? = nil,
    timeLimit: Double? = nil, _ body: @escaping () throws -> Void
  ) {
    self.id = id
    self.title = title
    self.points = points
    self.dependsOn = dependsOn
    self.hint = hint
    self.timeLimit = timeLimit
    self.body = body
  }

  /// Runs the check's body (the harness runs every check through it, and so can an XCTest);
  /// throws `CheckFailure` on failure, including when the body reported a metric under a name
  /// `MetricName` does not allow.
  public func run() throws {
    MetricName.refused = []
    defer { MetricName.refused = [] }
    do {
      try body()
    } catch let failure as CheckFailure {
      throw MetricName.failure(adding: failure) ?? failure
    }
    if let failure = MetricName.failure() { throw failure }
  }
}

/// The checks of one exercise, in the order they run.
///
/// An exercise's `Checks.swift` defines exactly one, named `checks`:
/// `let checks = CheckSuite { Check(...) { ... }; Check(...) { ... } }`.
public struct CheckSuite {
  public let checks: [Check]

  public init(@CheckSuiteBuilder _ build: () -> [Check]) {
    checks = build()
  }

  /// Problems with the suite itself (duplicate ids, unknown dependencies, bad points), for authors.
  public var problems: [String] {
    var problems: [String] = []
    var seen: Set<String> = []
    for check in checks {
      if check.id.isEmpty || !check.id.unicodeScalars.allSatisfy(Self.isIDCharacter) {
        problems.append("check id '\(check.id)' may only hold letters, digits, '-', '_' and '.'")
      }
      if !seen.insert(check.id).inserted { problems.append("check id '\(check.id)' is used twice") }
      if !(check.points >= 0) || !check.points.isFinite {
        problems.append("check '\(check.id)' has invalid points \(check.points)")
      }
      for dependency in check.dependsOn where !seen.contains(dependency) || dependency == check.id {
        problems.append("check '\(check.id)' depends on '\(dependency)', which is not an earlier check")
      }
    }
    return problems
  }

  static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII
      && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
  }
}

/// Collects the `Check` values written inside `CheckSuite { … }`.
@resultBuilder
public enum CheckSuiteBuilder {
  public static func buildExpression(_ check: Check) -> [Check] { [check] }
  public static func buildExpression(_ checks: [Check]) -> [Check] { checks }
  public static func buildBlock(_ parts: [Check]...) -> [Check] { parts.flatMap { $0 } }
  public static func buildArray(_ parts: [[Check]]) -> [Check] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [Check]?) -> [Check] { part ?? [] }
  public static func buildEither(first part: [Check]) -> [Check] { part }
  public static func buildEither(second part: [Check]) -> [Check] { part }
}
