import Foundation

/// The structure of a lesson's Markdown, shared by the renderer of `practice start` (which reflows
/// paragraphs, list items and quotes to the terminal width) and by `practice verify` (which holds
/// the verbatim blocks — code and tables — to 80 columns).
///
/// The subset the lessons use: ATX headings, paragraphs, `-`/`*`/`+` and `1.` list items (with
/// continuation lines), `>` quotes, fenced and indented code blocks, pipe tables (a header row and
/// a delimiter row), and inline `**bold**`, `*italic*` and `` `code` ``. As in CommonMark, an
/// indented code block cannot interrupt a paragraph or list item, so every line of one — even one
/// starting with `|` — is code, and a paragraph's lines are joined, so emphasis may span a break.
package enum LessonMarkdown {
  /// Verbatim lines (code, tables) must fit this many display columns as `practice start` shows them.
  package static let verbatimWidth = 80
  /// The indentation `practice start` gives every code line (indented blocks keep their own four).
  package static let codeIndent = "    "

  package struct Block: Equatable, Sendable {
    package enum Kind: Equatable, Sendable {
      case heading(level: Int)
      /// Reflowed text: `text` is the source lines joined by single spaces.
      case paragraph
      /// A list item: its indentation and marker (`-`, `*`, `+` or `3.`), reflowed with a hanging indent.
      case item(indent: Int, marker: String)
      case quote
      /// Verbatim: `lines` without the four spaces of an indented block (a fenced block's lines as written).
      case code
      /// Verbatim: `lines` are the rows as written (trimmed).
      case table
      case blank
    }

    package var kind: Kind
    /// The source lines (for paragraphs, items and quotes without their markers and indentation).
    package var lines: [String]
    /// The 1-based source line of the block's first line (of a fenced block: its first line of code).
    package var line: Int

    package init(kind: Kind, lines: [String], line: Int) {
      self.kind = kind
      self.lines = lines
      self.line = line
    }

    /// The text to reflow: the lines joined by single spaces.
    package var text: String { lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
  }

  /// The blocks of `markdown`, in order; runs of blank lines become one `.blank` (none at the end).
  package static func blocks(_ markdown: String) -> [Block] {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    var blocks: [Block] = []
    var index = 0
    /// True when the previous block ended with a blank line (or there is none): only then may an
    /// indented code block start.
    var mayStartCode = true
    while index < lines.count {
      let line = lines[index]
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      let start = index + 1
      if trimmed.isEmpty {
        if blocks.last?.kind != .blank { blocks.append(Block(kind: .blank, lines: [], line: start)) }
        mayStartCode = true
        index += 1
        continue
      }
      if mayStartCode, indentation(line) >= 4 {
        var code: [String] = []
        while index < lines.count {
          let current = lines[index]
          if indentation(current) >= 4 {
            code.append(String(current.dropFirst(4)))
          } else if current.trimmingCharacters(in: .whitespaces).isEmpty,
            index + 1 < lines.count, indentation(lines[index + 1]) >= 4
          {
            code.append("")
          } else {
            break
          }
          index += 1
        }
        blocks.append(Block(kind: .code, lines: code, line: start))
        mayStartCode = false
        continue
      }
      mayStartCode = false
      if isFence(line) {
        var code: [String] = []
        index += 1
        while index < lines.count, !isFence(lines[index]) {
          code.append(lines[index])
          index += 1
        }
        index += 1
        blocks.append(Block(kind: .code, lines: code, line: start + 1))
        mayStartCode = true
        continue
      }
      if let level = heading(line) {
        let text = String(trimmed.dropFirst(level)).trimmingCharacters(in: .whitespaces)
        blocks.append(Block(kind: .heading(level: level), lines: [text], line: start))
        index += 1
        mayStartCode = true
        continue
      }
      if isTableStart(lines, index) {
        var rows: [String] = []
        while index < lines.count, indentation(lines[index]) < 4 {
          let row = lines[index].trimmingCharacters(in: .whitespaces)
          guard row.hasPrefix("|") else { break }
          rows.append(row)
          index += 1
        }
        blocks.append(Block(kind: .table, lines: rows, line: start))
        mayStartCode = true
        continue
      }
      if let text = quote(line) {
        var quoted = [text]
        index += 1
        while index < lines.count, let more = quote(lines[index]) {
          quoted.append(more)
          index += 1
        }
        blocks.append(Block(kind: .quote, lines: quoted, line: start))
        continue
      }
      let item = listItem(line)
      var text = [item?.text ?? line]
      index += 1
      while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty,
        !startsBlock(lines, index)
      {
        text.append(lines[index])
        index += 1
      }
      let kind: Block.Kind = item.map { .item(indent: $0.indent, marker: $0.marker) } ?? .paragraph
      blocks.append(Block(kind: kind, lines: text, line: start))
    }
    while blocks.last?.kind == .blank { blocks.removeLast() }
    return blocks
  }

  /// A verbatim line wider than `verbatimWidth` as `practice start` shows it.
  package struct WideLine: Equatable, Sendable {
    /// The 1-based source line.
    package var line: Int
    /// Its display width as shown (a code line with its indentation, a table at its aligned width).
    package var width: Int
    package var kind: String

    package init(line: Int, width: Int, kind: String) {
      self.line = line
      self.width = width
      self.kind = kind
    }
  }

  /// The code lines and tables of `markdown` that are wider than `verbatimWidth` when shown.
  package static func wideVerbatimLines(_ markdown: String) -> [WideLine] {
    var wide: [WideLine] = []
    for block in blocks(markdown) {
      switch block.kind {
      case .code:
        for (offset, line) in block.lines.enumerated() {
          let width = displayWidth(codeIndent + line)
          if width > verbatimWidth { wide.append(WideLine(line: block.line + offset, width: width, kind: "code line")) }
        }
      case .table:
        let width = tableWidth(tableCells(block.lines))
        if width > verbatimWidth { wide.append(WideLine(line: block.line, width: width, kind: "table")) }
      default:
        continue
      }
    }
    return wide
  }

  // MARK: Tables

  /// The cells of each row (inline markup still in them); a delimiter row is `nil`.
  package static func tableCells(_ rows: [String]) -> [[String]?] {
    rows.map { row in
      var parts = row.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if parts.first == "" { parts.removeFirst() }
      if parts.last == "" { parts.removeLast() }
      let isDelimiter = !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { "-:".contains($0) } }
      return isDelimiter ? nil : parts
    }
  }

  /// Each column's display width, measured on the cells' plain text (markup removed).
  package static func columnWidths(_ cells: [[String]?]) -> [Int] {
    var widths: [Int] = []
    for row in cells.compactMap({ $0 }) {
      for (column, cell) in row.enumerated() {
        let width = displayWidth(plain(cell))
        if column < widths.count { widths[column] = max(widths[column], width) } else { widths.append(width) }
      }
    }
    return widths
  }

  /// The width of a table as shown: two spaces, then the columns separated by ` │ `.
  package static func tableWidth(_ cells: [[String]?]) -> Int {
    let widths = columnWidths(cells)
    return 2 + widths.reduce(0, +) + 3 * max(0, widths.count - 1)
  }

  // MARK: Inline

  package enum Emphasis: Sendable { case plain, bold, italic, code }

  package struct Span: Equatable, Sendable {
    package var text: String
    package var emphasis: Emphasis

    package init(text: String, emphasis: Emphasis) {
      self.text = text
      self.emphasis = emphasis
    }
  }

  /// `**bold**`, `*italic*` and `` `code` `` split into spans, markers removed. An unmatched
  /// marker is text. `*` opens emphasis only before a non-space and closes only after one.
  package static func spans(_ text: String) -> [Span] {
    var spans: [Span] = []
    var plainText = ""
    func flush() {
      if !plainText.isEmpty { spans.append(Span(text: plainText, emphasis: .plain)) }
      plainText = ""
    }
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "`", let end = characters[(index + 1)...].firstIndex(of: "`") {
        flush()
        spans.append(Span(text: String(characters[(index + 1)..<end]), emphasis: .code))
        index = end + 1
      } else if character == "*", index + 1 < characters.count, characters[index + 1] == "*",
        let end = closing(["*", "*"], in: characters, from: index + 2)
      {
        flush()
        spans.append(Span(text: String(characters[(index + 2)..<end]), emphasis: .bold))
        index = end + 2
      } else if character == "*", index + 1 < characters.count, characters[index + 1] != " ",
        characters[index + 1] != "*", let end = closing(["*"], in: characters, from: index + 1)
      {
        flush()
        spans.append(Span(text: String(characters[(index + 1)..<end]), emphasis: .italic))
        index = end + 1
      } else {
        plainText.append(character)
        index += 1
      }
    }
    flush()
    return spans
  }

  /// The text without inline markup.
  package static func plain(_ text: String) -> String { spans(text).map(\.text).joined() }

  /// The first `marker` at or after `start` that follows a non-space and is not the start itself.
  static func closing(_ marker: [Character], in characters: [Character], from start: Int) -> Int? {
    var index = start + 1
    while index + marker.count <= characters.count {
      if Array(characters[index..<(index + marker.count)]) == marker, characters[index - 1] != " " {
        // `***` closes bold after an italic's star, never between the two halves of `**`.
        if marker.count == 1, index + 1 < characters.count, characters[index + 1] == "*" {
          index += 2
          continue
        }
        return index
      }
      index += 1
    }
    return nil
  }

  // MARK: Lines

  static func indentation(_ line: String) -> Int {
    var columns = 0
    for character in line {
      if character == " " {
        columns += 1
      } else if character == "\t" {
        columns += 4 - columns % 4
      } else {
        break
      }
    }
    return columns
  }

  static func isFence(_ line: String) -> Bool {
    indentation(line) < 4 && line.trimmingCharacters(in: .whitespaces).hasPrefix("```")
  }

  static func heading(_ line: String) -> Int? {
    guard indentation(line) < 4 else { return nil }
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    let hashes = trimmed.prefix { $0 == "#" }.count
    guard hashes > 0, hashes <= 6, trimmed.dropFirst(hashes).first == " " else { return nil }
    return hashes
  }

  static func quote(_ line: String) -> String? {
    guard indentation(line) < 4 else { return nil }
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasPrefix(">") else { return nil }
    return String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
  }

  /// `- text`, `* text`, `+ text` or `12. text` (any indentation).
  static func listItem(_ line: String) -> (indent: Int, marker: String, text: String)? {
    let indent = line.prefix { $0 == " " }.count
    let rest = line.dropFirst(indent)
    if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
      return (indent, String(first), String(rest.dropFirst(2)))
    }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count <= 9, rest.dropFirst(digits.count).starts(with: ". ") {
      return (indent, digits + ".", String(rest.dropFirst(digits.count + 2)))
    }
    return nil
  }

  /// A header row followed by a delimiter row.
  static func isTableStart(_ lines: [String], _ index: Int) -> Bool {
    guard index + 1 < lines.count, indentation(lines[index]) < 4,
      lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("|")
    else { return false }
    let next = lines[index + 1].trimmingCharacters(in: .whitespaces)
    return next.hasPrefix("|") && tableCells([next]).first.map { $0 == nil } == true
  }

  /// True when the line begins a block of its own, ending a paragraph or item above it.
  static func startsBlock(_ lines: [String], _ index: Int) -> Bool {
    let line = lines[index]
    return isFence(line) || heading(line) != nil || quote(line) != nil || isTableStart(lines, index)
      || (indentation(line) < 4 && listItem(line) != nil)
  }
}

/// The number of terminal columns `text` takes: grapheme clusters, two for wide (East Asian,
/// emoji) ones, none for control characters; ANSI escape sequences (`ESC [ … m`) take none.
package func displayWidth<Text: StringProtocol>(_ text: Text) -> Int {
  var width = 0
  var inEscape = false
  var sawBracket = false
  for character in text {
    if inEscape {
      if !sawBracket {
        sawBracket = true
        if character != "[" { inEscape = false }
        continue
      }
      if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value) { inEscape = false }
      continue
    }
    if character == "\u{1B}" {
      inEscape = true
      sawBracket = false
      continue
    }
    width += columns(of: character)
  }
  return width
}

func columns(of character: Character) -> Int {
  guard let scalar = character.unicodeScalars.first else { return 0 }
  let value = scalar.value
  if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
  if scalar.properties.isEmojiPresentation { return 2 }
  let wide: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
  ]
  return wide.contains { $0.contains(value) } ? 2 : 1
}
