import Foundation
import Grader

/// How reported metrics and shown text appear in the grade table (`practice grade`, `show`).
package enum GradeFormatting {
  /// `value` with `digits` significant digits, trailing zeros dropped, without an exponent from
  /// 0.001 up to 100,000 (`0.4195`, `3.214`, `12.5`, `1`); `nan`, `inf`, `-inf` as such.
  package static func number(_ value: Double, digits: Int = 4) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude < 1e-3 || magnitude >= 1e5 { return String(format: "%.\(digits - 1)e", value) }
    let decimals = max(0, digits - 1 - Int(log10(magnitude).rounded(.down)))
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// A constant as the author wrote it (the shortest text that reads back the same: `0.55`,
  /// `0.39686`, `3`).
  package static func constant(_ value: Double) -> String {
    guard value.isFinite else { return number(value) }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// One metric as the table shows it:
  /// `0.4195 bits/char (pass ≤ 0.55; optimum 0.39686; excess 0.0226)`.
  package static func summary(_ detail: MetricDetail) -> String {
    var text = number(detail.value)
    if let unit = detail.unit.map(visible), !unit.isEmpty {
      let joined = unit.unicodeScalars.first.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) } ?? true
      text += (joined ? " " : "") + unit
    }
    var parts: [String] = []
    if let bar = detail.bar {
      parts.append("pass \(bar.comparison == "atLeast" ? "≥" : "≤") \(constant(bar.value))")
    }
    if let optimum = detail.optimum {
      parts.append("optimum \(constant(optimum))")
      // Against an optimum of 0 the excess is the value itself.
      if optimum != 0 { parts.append("excess \(number(detail.value - optimum, digits: 3))") }
    }
    if let reference = detail.reference { parts.append("reference \(constant(reference))") }
    return parts.isEmpty ? text : text + " (" + parts.joined(separator: "; ") + ")"
  }

  /// The metric lines of a check: `name: summary` for each detail, in the order reported; for
  /// metrics without details (attempts recorded before details existed), `name: value` by name.
  package static func metricLines(_ check: GradeDocument.CheckDocument) -> [String] {
    metricParts(check).map { $0.parenthetical.isEmpty ? $0.head : $0.head + " " + $0.parenthetical }
  }

  /// The metric lines of a check split before the parenthesis (`name: value unit`, `(pass …)`), so
  /// a table too narrow for the whole line can put the parenthesis on a line of its own.
  package static func metricParts(_ check: GradeDocument.CheckDocument) -> [(head: String, parenthetical: String)] {
    let details = check.details ?? []
    let described = Set(details.map(\.name))
    return details.map { detail in
      let text = summary(detail)
      guard let open = text.firstIndex(of: "(") else { return ("\(detail.name): \(text)", "") }
      return ("\(detail.name): " + text[..<open].trimmingCharacters(in: .whitespaces), String(text[open...]))
    }
      + check.metrics.filter { !described.contains($0.key) }.sorted { $0.key < $1.key }.map {
        ("\($0.key): \(number($0.value))", "")
      }
  }

  /// `text` with every control character made visible (U+2400 control pictures, `␡` for DEL,
  /// `�` for C1 controls), so a sample can neither move the cursor nor colour the screen.
  package static func visible(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
      case 0x7F: result.append("\u{2421}")
      case 0x80..<0xA0: result.append("\u{FFFD}")
      default: result.append(scalar)
      }
    }
    return String(result)
  }

  /// The first rows of a sample, at most `rows` of at most `width` characters: its lines, each
  /// made visible and broken into rows of `width`; `…` ends the last row when there is more.
  package static func sampleRows(_ text: String, rows: Int = 5, width: Int = 72) -> [String] {
    // "\r\n" is one Character: split on both.
    var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
    while lines.last?.isEmpty == true { lines.removeLast() }
    var result: [String] = []
    var more = false
    for line in lines {
      var rest = Substring(visible(line))
      repeat {
        if result.count == rows {
          more = true
          break
        }
        // Break at the last space that fits (when there is one in the second half), else hard.
        var piece = rest.prefix(width)
        if piece.count < rest.count, let space = piece.lastIndex(of: " "),
          piece.distance(from: piece.startIndex, to: space) >= width / 2
        {
          piece = rest[rest.startIndex..<space]
          rest = rest[rest.index(after: space)...]
        } else {
          rest = rest.dropFirst(piece.count)
        }
        result.append(String(piece))
      } while !rest.isEmpty
      if more { break }
    }
    if more, let last = result.popLast() {
      result.append(String(last.prefix(width - 1)) + "…")
    }
    return result
  }
}
