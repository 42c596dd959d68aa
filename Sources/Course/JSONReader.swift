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
    guard let value = try optionalInt(key, minimum: minimum) else { throw missing(key, "a whole number") }
    return value
  }

  func optionalInt(_ key: String, minimum: Int) throws(CourseError) -> Int? {
    guard let raw = object[key], !(raw is NSNull) else { return nil }
    guard let number = raw as? NSNumber, !Self.isBoolean(number), let value = Int(exactly: number.doubleValue) else {
      throw wrong(key, "a whole number", raw)
    }
    guard value >= minimum else { throw wrong(key, "a whole number of at least \(minimum)", raw) }
    return value
  }

  func optionalDouble(_ key: String, above minimum: Double) throws(CourseError) -> Double? {
    guard let raw = object[key], !(raw is NSNull) else { return nil }
    guard let number = raw as? NSNumber, !Self.isBoolean(number), case let value = number.doubleValue, value.isFinite
    else {
      throw wrong(key, "a number", raw)
    }
    guard value > minimum else { throw wrong(key, "a number greater than \(minimum)", raw) }
    return value
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
    case let text as String: return "the string \"\(text.prefix(40))\""
    case is [Any]: return "an array"
    case is [String: Any]: return "an object"
    case is NSNull: return "null"
    default: return "\(type(of: value))"
    }
  }
}
