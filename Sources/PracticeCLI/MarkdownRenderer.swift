import PracticeKit

/// Renders the Markdown of lessons as terminal text, reflowed to `width` columns: headings,
/// paragraphs, list items (with a hanging indent) and quotes wrap at spaces, never inside a word
/// (an inline code span stays whole unless it is wider than the line); code blocks and tables are
/// verbatim (authored to fit 80 columns; `practice verify` holds them to it). Widths are display
/// columns (`displayWidth`: grapheme clusters, ANSI styles not counted). Math is already Unicode
/// in the lessons. With colour off the result is plain text (markup removed, tables aligned).
/// The block structure is `LessonMarkdown`'s, the one `practice verify` measures.
struct MarkdownRenderer {
  var terminal: Terminal
  /// The column to wrap at; `Terminal.width` for the screen.
  var width: Int = 80

  func render(_ markdown: String) -> String {
    var output: [String] = []
    for block in LessonMarkdown.blocks(markdown) {
      switch block.kind {
      case .blank:
        output.append("")
      case .code:
        output += block.lines.map { LessonMarkdown.codeIndent + terminal.styled($0, .cyan) }
      case .table:
        output += table(block.lines)
      case .heading(let level):
        output += heading(block.text, level: level)
      case .paragraph:
        output += wrap(block.text, first: "", rest: "")
      case .item(let indent, let marker):
        let shown = "-*+".contains(marker) ? "•" : marker
        let lead = String(repeating: " ", count: indent) + shown + " "
        output += wrap(block.text, first: lead, rest: String(repeating: " ", count: displayWidth(lead)))
      case .quote:
        output += wrap(block.text, first: "  │ ", rest: "  │ ")
      }
    }
    return output.joined(separator: "\n")
  }

  func heading(_ text: String, level: Int) -> [String] {
    let styles: [Terminal.Style] = level == 1 ? [.bold] : level == 2 ? [.bold, .yellow] : [.bold]
    var spans = LessonMarkdown.spans(text)
    if level == 1 {
      for index in spans.indices where spans[index].emphasis != .code {
        spans[index].text = spans[index].text.uppercased()
      }
    }
    let lines = layout(words(spans, limit: width), limit: width)
    var output = lines.map { styledLine($0, extra: styles) }
    let longest = lines.map(lineWidth).max() ?? 0
    if level == 1 { output.append(String(repeating: "═", count: min(width, longest))) }
    if level == 2 { output.append(String(repeating: "─", count: min(width, longest))) }
    return output
  }

  /// Inline markup styled, without wrapping (for one-line texts such as hints).
  func inline(_ text: String) -> String {
    LessonMarkdown.spans(text).map { styled($0.text, $0.emphasis) }.joined()
  }

  /// `text` (inline Markdown) wrapped to `width`: `first` before the first line, `rest` before the others.
  func wrap(_ text: String, first: String, rest: String) -> [String] {
    let limit = max(1, width - max(displayWidth(first), displayWidth(rest)))
    var lines = layout(words(LessonMarkdown.spans(text), limit: limit), limit: limit)
    if lines.isEmpty { lines = [[]] }
    return lines.enumerated().map { number, words in (number == 0 ? first : rest) + styledLine(words) }
  }

  // MARK: Words and lines

  struct Piece {
    var text: String
    var emphasis: LessonMarkdown.Emphasis
  }
  /// What may not be broken: consecutive pieces without a space between them (`**bold**,`).
  typealias Word = [Piece]

  /// Splits at spaces; a code span is one word unless it is wider than `limit`.
  func words(_ spans: [LessonMarkdown.Span], limit: Int) -> [Word] {
    var words: [Word] = []
    var current: Word = []
    func append(_ character: Character, _ emphasis: LessonMarkdown.Emphasis) {
      if let last = current.last, last.emphasis == emphasis {
        current[current.count - 1].text.append(character)
      } else {
        current.append(Piece(text: String(character), emphasis: emphasis))
      }
    }
    for span in spans {
      if span.emphasis == .code, displayWidth(span.text) <= limit {
        current.append(Piece(text: span.text, emphasis: .code))
        continue
      }
      for character in span.text {
        if character == " " || character == "\t" {
          if !current.isEmpty { words.append(current) }
          current = []
        } else {
          append(character, span.emphasis)
        }
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// Greedy line filling to `limit` columns; a word wider than that gets a line of its own.
  func layout(_ words: [Word], limit: Int) -> [[Word]] {
    var lines: [[Word]] = []
    var current: [Word] = []
    var used = 0
    for word in words {
      let size = word.reduce(0) { $0 + displayWidth($1.text) }
      if current.isEmpty {
        current = [word]
        used = size
      } else if used + 1 + size <= limit {
        current.append(word)
        used += 1 + size
      } else {
        lines.append(current)
        current = [word]
        used = size
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  func lineWidth(_ words: [Word]) -> Int {
    words.reduce(0) { total, word in total + word.reduce(0) { $0 + displayWidth($1.text) } } + max(0, words.count - 1)
  }

  func styledLine(_ words: [Word], extra: [Terminal.Style] = []) -> String {
    words.map { word in word.map { styled($0.text, $0.emphasis, extra: extra) }.joined() }.joined(separator: " ")
  }

  func styled(_ text: String, _ emphasis: LessonMarkdown.Emphasis, extra: [Terminal.Style] = []) -> String {
    switch emphasis {
    case .plain: return terminal.styled(text, extra)
    case .bold: return terminal.styled(text, extra + [.bold])
    case .italic: return terminal.styled(text, extra + [.italic])
    case .code: return terminal.styled(text, extra + [.cyan])
    }
  }

  // MARK: Tables

  /// A Markdown table with aligned columns; the delimiter row becomes a rule. Never wrapped.
  func table(_ rows: [String]) -> [String] {
    let cells = LessonMarkdown.tableCells(rows)
    let widths = LessonMarkdown.columnWidths(cells)
    return cells.enumerated().map { number, row in
      guard let row else {
        return "  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
      }
      let padded = widths.indices.map { column -> String in
        let cell = column < row.count ? inline(row[column]) : ""
        return cell + String(repeating: " ", count: max(0, widths[column] - displayWidth(cell)))
      }
      let text = "  " + padded.joined(separator: " │ ")
      return number == 0 ? terminal.styled(text, .bold) : text
    }
  }
}
