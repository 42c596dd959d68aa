/// Renders the Markdown of lessons as terminal text: headings, emphasis, inline code, fenced and
/// indented code blocks, lists, block quotes and tables. Math is already Unicode in the lessons.
/// With colour off the result is plain text (markup characters removed, tables aligned).
struct MarkdownRenderer {
  var terminal: Terminal

  func render(_ markdown: String) -> String {
    var output: [String] = []
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var index = 0
    while index < lines.count {
      let line = lines[index]
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") {
        index += 1
        while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
          output.append("    " + terminal.styled(lines[index], .cyan))
          index += 1
        }
        index += 1
        continue
      }
      if trimmed.hasPrefix("|") {
        var rows: [String] = []
        while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("|") {
          rows.append(lines[index].trimmingCharacters(in: .whitespaces))
          index += 1
        }
        output += table(rows)
        continue
      }
      if line.hasPrefix("    ") && !trimmed.isEmpty {
        output.append("    " + terminal.styled(String(line.dropFirst(4)), .cyan))
      } else if let level = heading(trimmed) {
        let text = inline(String(trimmed.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces))
        if level == 1 {
          output.append(terminal.styled(text.uppercased(), .bold))
          output.append(String(repeating: "═", count: min(80, plainLength(text))))
        } else if level == 2 {
          output.append(terminal.styled(text, .bold, .yellow))
          output.append(String(repeating: "─", count: min(80, plainLength(text))))
        } else {
          output.append(terminal.styled(text, .bold))
        }
      } else if trimmed.hasPrefix("> ") {
        output.append("  │ " + inline(String(trimmed.dropFirst(2))))
      } else if let item = bullet(line) {
        output.append(item.indent + "• " + inline(item.text))
      } else {
        output.append(inline(line))
      }
      index += 1
    }
    return output.joined(separator: "\n")
  }

  func heading(_ line: String) -> Int? {
    let hashes = line.prefix { $0 == "#" }.count
    guard hashes > 0, hashes <= 6, line.dropFirst(hashes).first == " " else { return nil }
    return hashes
  }

  func bullet(_ line: String) -> (indent: String, text: String)? {
    let indent = String(line.prefix { $0 == " " })
    let rest = line.dropFirst(indent.count)
    if rest.hasPrefix("- ") || rest.hasPrefix("* ") { return (indent, String(rest.dropFirst(2))) }
    return nil
  }

  /// `**bold**`, `*emphasis*` and `` `code` ``; markers are removed.
  func inline(_ text: String) -> String {
    var result = ""
    var characters = Array(text)[...]
    while let first = characters.first {
      if first == "`", let end = characters.dropFirst().firstIndex(of: "`") {
        result += terminal.styled(String(characters[characters.index(after: characters.startIndex)..<end]), .cyan)
        characters = characters[characters.index(after: end)...]
      } else if characters.starts(with: ["*", "*"]), let end = find(["*", "*"], in: characters.dropFirst(2)) {
        result += terminal.styled(String(characters[(characters.startIndex + 2)..<end]), .bold)
        characters = characters[(end + 2)...]
      } else if first == "*", characters.dropFirst().first.map({ $0 != " " && $0 != "*" }) == true,
        let end = characters.dropFirst().firstIndex(of: "*")
      {
        result += terminal.styled(String(characters[(characters.startIndex + 1)..<end]), .italic)
        characters = characters[(end + 1)...]
      } else {
        result.append(first)
        characters = characters.dropFirst()
      }
    }
    return result
  }

  func find(_ marker: [Character], in text: ArraySlice<Character>) -> Int? {
    var index = text.startIndex
    while index + marker.count <= text.endIndex {
      if Array(text[index..<(index + marker.count)]) == marker { return index }
      index += 1
    }
    return nil
  }

  /// A Markdown table with aligned columns; the separator row becomes a rule.
  func table(_ rows: [String]) -> [String] {
    let cells = rows.map { row -> [String] in
      var parts = row.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if parts.first == "" { parts.removeFirst() }
      if parts.last == "" { parts.removeLast() }
      return parts
    }
    let isRule = { (row: [String]) in row.allSatisfy { $0.allSatisfy { "-:".contains($0) } && !$0.isEmpty } }
    let rendered = cells.map { row in isRule(row) ? row : row.map(inline) }
    let columns = rendered.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rendered where !isRule(row) {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], plainLength(cell)) }
    }
    return rendered.enumerated().map { number, row in
      if isRule(row) { return "  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─") }
      let padded = (0..<columns).map { column -> String in
        let cell = column < row.count ? row[column] : ""
        return cell + String(repeating: " ", count: max(0, widths[column] - plainLength(cell)))
      }
      let text = "  " + padded.joined(separator: " │ ")
      return number == 0 ? terminal.styled(text, .bold) : text
    }
  }

  /// Length without ANSI escape sequences.
  func plainLength(_ text: String) -> Int {
    var count = 0
    var inEscape = false
    for character in text {
      if character == "\u{1B}" {
        inEscape = true
      } else if inEscape {
        if character == "m" { inEscape = false }
      } else {
        count += 1
      }
    }
    return count
  }
}
