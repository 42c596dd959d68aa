import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The only place that writes to the terminal. Colour is decided once: on when stdout is a TTY,
/// unless `NO_COLOR` is set or `TERM` is `dumb`.
struct Terminal {
  let colour: Bool
  /// True when stdout is a terminal (then long text goes through a pager).
  let interactive: Bool

  init(color: ColorChoice = .auto, environment: [String: String] = ProcessInfo.processInfo.environment) {
    interactive = isatty(STDOUT_FILENO) == 1
    switch color {
    case .always: colour = true
    case .never: colour = false
    case .auto:
      colour = interactive && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
  }

  /// The terminal's size (columns, rows), or 100 × 40 when it cannot be read.
  var size: (columns: Int, rows: Int) {
    var window = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 else { return (100, 40) }
    return (Int(window.ws_col), Int(window.ws_row))
  }

  func print(_ text: String = "") {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  /// Writes without a newline.
  func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// After an interruption: the live progress line cleared, the cursor shown, styles reset.
  func restore() {
    guard interactive else { return }
    write("\r\u{1B}[K\u{1B}[0m\u{1B}[?25h")
  }

  func error(_ text: String) {
    FileHandle.standardError.write(Data(("practice: error: " + text + "\n").utf8))
  }

  func warn(_ text: String) {
    FileHandle.standardError.write(Data(("practice: warning: " + text + "\n").utf8))
  }

  enum Style: String {
    case bold = "1"
    case dim = "2"
    case italic = "3"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case blue = "34"
    case cyan = "36"
  }

  func styled(_ text: String, _ styles: Style...) -> String {
    guard colour, !styles.isEmpty else { return text }
    return "\u{1B}[" + styles.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
  }

  /// Prints long text through a pager (`$PAGER`, else `less -RFX`) when stdout is a terminal and
  /// the text is taller than it; plain printing otherwise.
  func page(_ text: String) {
    let lineCount = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } + 1
    guard interactive, lineCount > size.rows - 2 else {
      print(text)
      return
    }
    let environment = ProcessInfo.processInfo.environment
    let command = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -RFX"
    let parts = command.split(separator: " ").map(String.init)
    let pager = Process()
    pager.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    pager.arguments = parts
    let input = Pipe()
    pager.standardInput = input
    do {
      try pager.run()
    } catch {
      print(text)
      return
    }
    input.fileHandleForWriting.write(Data((text + "\n").utf8))
    try? input.fileHandleForWriting.close()
    pager.waitUntilExit()
  }

  /// Prints one JSON document on stdout.
  /// Prints a `--json` document: `value` must encode as an object; `"formatVersion"` is added.
  func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    print(String(decoding: try encoder.encode(VersionedJSON(body: value)), as: UTF8.self))
  }
}

/// Pads to a display width (counting characters, which is right for the text we print).
func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func points(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e12 { return String(Int(value)) }
  return String(format: "%.2f", value)
}

/// "3 minutes ago", "yesterday", or a date.
func relative(_ date: Date, now: Date = Date()) -> String {
  let seconds = now.timeIntervalSince(date)
  if seconds < 60 { return "just now" }
  if seconds < 3600 { return "\(Int(seconds / 60)) min ago" }
  if seconds < 86400 { return "\(Int(seconds / 3600)) h ago" }
  if seconds < 7 * 86400 { return "\(Int(seconds / 86400)) days ago" }
  return shortDate(date)
}

/// `yyyy-MM-dd HH:mm` in local time (localtime_r: a DateFormatter per line costs ~30 µs, which
/// `practice log` at 10,000 attempts notices).
func shortDate(_ date: Date) -> String {
  var seconds = time_t(date.timeIntervalSince1970)
  var parts = tm()
  localtime_r(&seconds, &parts)
  func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
  return
    "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
}
