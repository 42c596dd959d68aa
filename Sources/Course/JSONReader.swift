import Foundation

/// Reads a parsed JSON object field by field, keeping the file name and JSON path for messages
/// such as `module.json: $.exercises[2].points: expected a whole number, found "ten"`.
struct JSONReader {
  let file: String
  let path: String
  let object: [String: Any]

  static func parse(_ data: Data, file: String) throws(CourseError) -> JSONReader {
    let value: Any
    do {
      value = try JSONSerialization.jsonObject(with: data, options: [])
    } catch {
      let underlying = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      throw .invalidJSON(file: file, reason: underlying ?? error.localizedDescription)
    }
    guard let object = value as? [String: Any] else {
      throw .field(file: file, path: "$", problem: "expected an object, found \(describe(value))")
    }
    return JSONReader(file: file, path: "$", object: object)
  }

  /// Fails on keys the format does not define, which are usually typos.
  func rejectUnknownKeys(_ known: Set<String>) throws(CourseError) {
    for key in object.keys.sorted() where !known.contains(key) {
      throw .field(
        file: file, path: "\(path).\(key)",
        problem: "unknown field; expected one of \(known.sorted().joined(separator: ", "))")
    }
  }

  func string(_ key: String) throws(CourseError) -> String {
    guard let value = try optionalString(key) else { throw missing(key, "a string") }
    return value
  }

  func optionalString(_ key: String) throws(CourseError) -> String? {
    guard let raw = object[key], !(raw is NSNull) else { return nil }
    guard let value = raw as? String, !isNumber(raw) else { throw wrong(key, "a string", raw) }
    guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw wrong(key, "a non-empty string", raw) }
    return value
  }

  func int(_ key: String, minimum: Int) throws(CourseError) -> Int {
    try int(key, in: minimum...Int.max)
  }

  /// A required whole number inside `range` (`unit` names what it counts, for the message).
  func int(_ key: String, in range: ClosedRange<Int>, of unit: String? = nil) throws(CourseError) -> Int {
    guard let value = try optionalInt(key, in: range, of: unit) else {
      throw missing(key, Self.expectation(unit, range))
    }
    return value
  }

  /// An optional whole number inside `range`. Any JSON number is compared as a `Double` before it
  /// is converted, so a huge one (`1e300`, `2^64`) is refused with a message, never a trap.
  func optionalInt(_ key: String, in range: ClosedRange<Int>, of unit: String? = nil) throws(CourseError) -> Int? {
    guard let raw = object[key], !(raw is NSNull) else { return nil }
    let expected = Self.expectation(unit, range)
    guard let number = raw as? NSNumber, !Self.isBoolean(number) else { throw wrong(key, expected, raw) }
    let value = number.doubleValue
    guard value.isFinite, value >= Double(range.lowerBound), value <= Double(range.upperBound),
      let whole = Int(exactly: value), range.contains(whole)
    else { throw wrong(key, expected, raw) }
    return whole
  }

  /// An optional finite number inside `range` (`unit` names what it counts, for the message).
  func optionalDouble(_ key: String, in range: ClosedRange<Double>, of unit: String? = nil) throws(CourseError)
    -> Double?
  {
    guard let raw = object[key], !(raw is NSNull) else { return nil }
    let expected = Self.expectation(unit, range)
    guard let number = raw as? NSNumber, !Self.isBoolean(number), case let value = number.doubleValue,
      value.isFinite, range.contains(value)
    else { throw wrong(key, expected, raw) }
    return value
  }

  /// "a whole number of MiB from 256 to 65536", "a number of seconds from 1 to 3600", or "a whole
  /// number of at least 1" when there is no `upper` bound.
  static func expectation(_ kind: String, _ unit: String?, from lower: String, to upper: String?) -> String {
    let counted = unit.map { "\(kind) of \($0)" } ?? kind
    guard let upper else { return "\(counted)\(unit == nil ? " of" : ",") at least \(lower)" }
    return "\(counted) from \(lower) to \(upper)"
  }

  static func expectation(_ unit: String?, _ range: ClosedRange<Int>) -> String {
    let upper = range.upperBound == Int.max ? nil : String(range.upperBound)
    return expectation("a whole number", unit, from: String(range.lowerBound), to: upper)
  }

  static func expectation(_ unit: String?, _ range: ClosedRange<Double>) -> String {
    let upper = range.upperBound == .infinity ? nil : format(range.upperBound)
    return expectation("a number", unit, from: format(range.lowerBound), to: upper)
  }

  /// A bound as an author writes it: `1`, not `1.0`.
  static func format(_ bound: Double) -> String {
    Int(exactly: bound).map(String.init) ?? String(bound)
  }

  func optionalBool(_ key: String) throws(CourseError) -> Bool? {
    guard let raw = object[key], !(raw is NSNull) else { return nil }
    guard let number = raw as? NSNumber, Self.isBoolean(number) else {
      throw wrong(key, "true or false", raw)
    }
    return number.boolValue
  }

  func strings(_ key: String, required: Bool) throws(CourseError) -> [String] {
    guard let raw = object[key], !(raw is NSNull) else {
      if required { throw missing(key, "an array of strings") }
      return []
    }
    guard let array = raw as? [Any] else { throw wrong(key, "an array of strings", raw) }
    var result: [String] = []
    for (index, element) in array.enumerated() {
      guard let text = element as? String, !isNumber(element), !text.isEmpty else {
        throw .field(
          file: file, path: "\(path).\(key)[\(index)]",
          problem: "expected a non-empty string, found \(Self.describe(element))")
      }
      result.append(text)
    }
    return result
  }

  func objects(_ key: String) throws(CourseError) -> [JSONReader] {
    guard let raw = object[key] else { throw missing(key, "an array of objects") }
    guard let array = raw as? [Any] else { throw wrong(key, "an array of objects", raw) }
    var result: [JSONReader] = []
    for (index, element) in array.enumerated() {
      guard let child = element as? [String: Any] else {
        throw .field(
          file: file, path: "\(path).\(key)[\(index)]", problem: "expected an object, found \(Self.describe(element))")
      }
      result.append(JSONReader(file: file, path: "\(path).\(key)[\(index)]", object: child))
    }
    return result
  }

  func optionalObject(_ key: String) throws(CourseError) -> JSONReader? {
    guard let raw = object[key], !(raw is NSNull) else { return nil }
    guard let child = raw as? [String: Any] else { throw wrong(key, "an object", raw) }
    return JSONReader(file: file, path: "\(path).\(key)", object: child)
  }

  func fieldPath(_ key: String) -> String { "\(path).\(key)" }

  func missing(_ key: String, _ expected: String) -> CourseError {
    .field(file: file, path: fieldPath(key), problem: "missing; expected \(expected)")
  }

  func wrong(_ key: String, _ expected: String, _ raw: Any) -> CourseError {
    .field(file: file, path: fieldPath(key), problem: "expected \(expected), found \(Self.describe(raw))")
  }

  /// JSONSerialization gives numbers and booleans as NSNumber, and on Linux an NSNumber may also
  /// bridge to String; tell them apart by the object's own type.
  private func isNumber(_ value: Any) -> Bool { value is NSNumber }

  /// JSON `true`/`false` arrive as a boolean NSNumber subclass, told apart by its type.
  static func isBoolean(_ number: NSNumber) -> Bool {
    ObjectIdentifier(type(of: number)) == ObjectIdentifier(type(of: NSNumber(value: true)))
  }

  static func describe(_ value: Any) -> String {
    switch value {
    case let number as NSNumber where isBoolean(number): return number.boolValue ? "true" : "false"
    case let number as NSNumber: return "the number \(number)"
    // Escaped (`\n`, `\u{7}`), so a message stays on one line and shows what is really there.
    case let text as String: return "the string \(String(reflecting: String(text.prefix(40))))"
    case is [Any]: return "an array"
    case is [String: Any]: return "an object"
    case is NSNull: return "null"
    default: return "\(type(of: value))"
    }
  }
}
