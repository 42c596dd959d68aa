/// The top-level declarations of Swift source files, found by a small lexer (comments, string
/// literals and nested braces are skipped; only depth-0 declarations are read).
///
/// The grader uses it to decide what a check file sees of the learner's module: the names the
/// exercise's scaffold declares (its interface), imported one by one with the kind the learner's
/// own code gives them. It is not a parser: code it cannot read simply declares fewer names, and
/// the compiler then reports the missing name in the checks, as it would for a deleted function.
package struct TopLevelDeclarations: Equatable {
  package enum Kind: String, Equatable {
    /// `func` (every overload of the name comes with one import).
    case function = "func"
    /// `let` / `var`.
    case variable = "var"
    /// `struct`, `class`, `enum`, `protocol`, `actor`, `typealias` (imported as `typealias`,
    /// which the compiler accepts for any type).
    case type = "typealias"
  }

  /// Name → kind, for the names declared at the top level.
  package var names: [String: Kind] = [:]
  /// True when some declaration is an operator function (top level or static in a type): operators
  /// cannot be imported by name, so such an interface needs the learner's whole module.
  package var declaresOperators = false
  /// The names declared `public` or `open` (what another module can import by name).
  package var publicNames: Set<String> = []

  package init() {}

  package init(sources: [[UInt8]]) {
    for source in sources { scan(source) }
  }

  private static let typeKeywords: Set<String> = ["struct", "class", "enum", "protocol", "actor", "typealias"]
  private static let modifiers: Set<String> = [
    "public", "private", "fileprivate", "internal", "package", "open", "final", "indirect", "nonisolated",
    "static", "mutating", "nonmutating", "override", "required", "convenience", "dynamic", "lazy", "weak",
    "unowned", "prefix", "infix", "postfix", "distributed", "consuming", "borrowing",
  ]

  private mutating func scan(_ source: [UInt8]) {
    var lexer = Lexer(source)
    var depth = 0
    var previous: Lexer.Token?
    var sawPublic = false
    while let token = lexer.next() {
      defer { previous = token }
      switch token {
      case .open:
        depth += 1
        sawPublic = false
      case .close:
        depth = max(0, depth - 1)
        sawPublic = false
      case .word(let word):
        if depth == 0 && (word == "public" || word == "open") { sawPublic = true }
        if word == "func" {
          // An operator function anywhere (top level or a static member): `func +`, `func ==`.
          if case .symbol = lexer.peek() { declaresOperators = true }
        }
        guard depth == 0, !Self.isMemberAccess(previous) else { continue }
        let kind: Kind?
        if word == "func" {
          kind = .function
        } else if word == "let" || word == "var" {
          kind = .variable
        } else if Self.typeKeywords.contains(word) {
          kind = .type
        } else {
          kind = nil
        }
        guard let kind, case .word(let name)? = lexer.peek(), !Self.modifiers.contains(name) else { continue }
        if names[name] == nil { names[name] = kind }
        if sawPublic { publicNames.insert(name) }
        sawPublic = false
      case .symbol, .dot, .other:
        break
      }
    }
  }

  private static func isMemberAccess(_ token: Lexer.Token?) -> Bool {
    if case .dot? = token { return true }
    return false
  }
}

/// Tokens enough to find declarations: identifiers, braces, operator characters; comments and
/// string literals (with interpolations, multi-line and raw forms) are skipped.
private struct Lexer {
  enum Token: Equatable {
    case word(String)
    case symbol
    case dot
    case open
    case close
    case other
  }

  let bytes: [UInt8]
  var index = 0
  var lookahead: Token??

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func peek() -> Token? {
    if let lookahead { return lookahead }
    let token = read()
    lookahead = .some(token)
    return token
  }

  mutating func next() -> Token? {
    if let lookahead {
      self.lookahead = nil
      return lookahead
    }
    return read()
  }

  private static let operatorCharacters = Set("/=-+!*%<>&|^~?".utf8)

  private mutating func read() -> Token? {
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
        continue
      }
      if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
        skipBlockComment()
        continue
      }
      if byte == UInt8(ascii: "\"") || (byte == UInt8(ascii: "#") && rawStringStarts()) {
        skipString()
        return .other
      }
      if byte == UInt8(ascii: "{") {
        index += 1
        return .open
      }
      if byte == UInt8(ascii: "}") {
        index += 1
        return .close
      }
      if byte == UInt8(ascii: ".") {
        index += 1
        return .dot
      }
      if byte == UInt8(ascii: "`") {
        index += 1
        let start = index
        while index < bytes.count && bytes[index] != UInt8(ascii: "`") && bytes[index] != UInt8(ascii: "\n") {
          index += 1
        }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 1
        return .word(word)
      }
      if Self.isIdentifierStart(byte) {
        let start = index
        while index < bytes.count && Self.isIdentifierPart(bytes[index]) { index += 1 }
        return .word(String(decoding: bytes[start..<index], as: UTF8.self))
      }
      if Self.operatorCharacters.contains(byte) {
        while index < bytes.count && Self.operatorCharacters.contains(bytes[index]) { index += 1 }
        return .symbol
      }
      index += 1
      if byte > 0x20 { return .other }
    }
    return nil
  }

  private static func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || byte == UInt8(ascii: "_") || byte >= 0x80 || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "@")
  }

  private static func isIdentifierPart(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  private mutating func skipBlockComment() {
    var nesting = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
        nesting += 1
        index += 2
      } else if bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
        nesting -= 1
        index += 2
        if nesting == 0 { return }
      } else {
        index += 1
      }
    }
  }

  private func rawStringStarts() -> Bool {
    var probe = index
    while probe < bytes.count && bytes[probe] == UInt8(ascii: "#") { probe += 1 }
    return probe < bytes.count && bytes[probe] == UInt8(ascii: "\"")
  }

  /// Skips a string literal starting at `index` (`"…"`, `"""…"""`, `#"…"#`), interpolations included.
  private mutating func skipString() {
    var hashes = 0
    while bytes[index] == UInt8(ascii: "#") {
      hashes += 1
      index += 1
    }
    let multiline =
      index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") && bytes[index + 2] == UInt8(ascii: "\"")
    index += multiline ? 3 : 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") && hasHashes(hashes, at: index + 1) {
        index += 1 + hashes
        if index < bytes.count && bytes[index] == UInt8(ascii: "(") {
          skipInterpolation()
        } else {
          index += 1
        }
        continue
      }
      if byte == UInt8(ascii: "\n") && !multiline { return }
      if byte == UInt8(ascii: "\"") {
        let quotes = multiline ? 3 : 1
        if (0..<quotes).allSatisfy({ index + $0 < bytes.count && bytes[index + $0] == UInt8(ascii: "\"") }),
          hasHashes(hashes, at: index + quotes)
        {
          index += quotes + hashes
          return
        }
      }
      index += 1
    }
  }

  private func hasHashes(_ count: Int, at position: Int) -> Bool {
    guard position + count <= bytes.count else { return false }
    return (0..<count).allSatisfy { bytes[position + $0] == UInt8(ascii: "#") }
  }

  /// Skips `( … )` of an interpolation, with nested parentheses and strings.
  private mutating func skipInterpolation() {
    var nesting = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || (byte == UInt8(ascii: "#") && rawStringStarts()) {
        skipString()
        continue
      }
      if byte == UInt8(ascii: "(") { nesting += 1 }
      if byte == UInt8(ascii: ")") {
        nesting -= 1
        if nesting == 0 {
          index += 1
          return
        }
      }
      index += 1
    }
  }
}
