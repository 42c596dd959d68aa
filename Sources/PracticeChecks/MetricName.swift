/// The rule for metric names (`report(name, value)`): lowercase ASCII letters, digits and `-`,
/// starting with a letter or a digit, at most 64 characters (`bits-per-char`, `excess-bits`).
///
/// A metric name becomes the key of a `Metric-<name>` trailer of the attempt's commit, so it must
/// be a git trailer token; anything else (a space, `_`, a newline) would hide the attempt from
/// `practice log` or forge other trailers. `report` refuses such a name, and the check it was
/// reported from fails with a message naming it.
public enum MetricName {
  /// The longest name allowed.
  public static let maximumLength = 64

  /// True when `name` matches `[a-z0-9][a-z0-9-]*` and has at most `maximumLength` characters.
  public static func isAllowed(_ name: String) -> Bool {
    let scalars = name.unicodeScalars
    guard let first = scalars.first, scalars.count <= maximumLength, first != "-" else { return false }
    return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// The failure message for a refused name, with the name quoted and escaped (a newline in it
  /// shows as `\n`) and cut to 80 characters.
  public static func refusal(_ name: String) -> String {
    let shown = name.count > 80 ? String(name.prefix(79)) + "…" : name
    return "metric name \(String(reflecting: shown)) is not allowed: use lowercase letters, digits and '-' "
      + "(at most \(maximumLength))"
  }

  /// Names refused since the current check began (the check fails when there are any).
  nonisolated(unsafe) static var refused: [String] = []

  /// The check's failure for the names refused while it ran, nil when none was; `failure`, if the
  /// check failed anyway, is kept after the refusal.
  static func failure(adding failure: CheckFailure? = nil) -> CheckFailure? {
    guard !refused.isEmpty else { return failure }
    var message = refused.map(refusal).joined(separator: "\n")
    if let failure { message += "\n" + failure.message }
    return CheckFailure(message)
  }
}
