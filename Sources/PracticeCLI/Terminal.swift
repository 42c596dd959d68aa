import ArgumentParser
import CProcessShim
import Foundation
import PracticeKit

#if canImport(Glibc)
  import Glibc
#endif

/// The only place that writes to the terminal. Colour is decided once: on when stdout is a TTY,
/// unless `NO_COLOR` is set or `TERM` is `dumb`.
struct Terminal {
  let colour: Bool
  /// True when stdout is a terminal (then long text goes through a pager).
  let interactive: Bool

  /// `COLUMNS` when it is a positive number (the width to lay text out at when stdout is no terminal).
  let columnsVariable: Int?

  init(color: ColorChoice = .auto, environment: [String: String] = ProcessInfo.processInfo.environment) {
    interactive = isatty(STDOUT_FILENO) == 1
    columnsVariable = environment["COLUMNS"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap {
      $0 > 0 ? $0 : nil
    }
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

  /// The most text may take for reflowed text (lessons, `list`, `log`): the terminal's columns,
  /// else `COLUMNS`, else 80 — capped at 100 (longer lines read badly) and at least 20.
  var width: Int {
    var window = winsize()
    let columns =
      interactive && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0 && window.ws_col > 0
      ? Int(window.ws_col) : nil
    return Self.width(terminalColumns: columns, columnsVariable: columnsVariable)
  }

  static func width(terminalColumns: Int?, columnsVariable: Int?) -> Int {
    min(maximumWidth, max(20, terminalColumns ?? columnsVariable ?? 80))
  }

  static let maximumWidth = 100

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

  func styled(_ text: String, _ styles: Style...) -> String { styled(text, styles) }

  func styled(_ text: String, _ styles: [Style]) -> String {
    guard colour, !styles.isEmpty, !text.isEmpty else { return text }
    return "\u{1B}[" + styles.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
  }

  /// Prints long text through a pager (`$PAGER`, else `less -RFXK`) when stdout is a terminal
  /// whose foreground this process is in, and the text is taller than it; plain printing
  /// otherwise. Throws `ExitCode(128 + signal)` when Ctrl-C (or SIGTERM/SIGHUP) ended the paging.
  func page(_ text: String) throws {
    let lineCount = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } + 1
    guard interactive, lineCount > size.rows - 2, practice_in_foreground(STDOUT_FILENO) == 1 else {
      print(text)
      return
    }
    let environment = ProcessInfo.processInfo.environment
    switch Pager(command: environment["PAGER"]).show(text + "\n") {
    case .shown: return
    case .unavailable: print(text)
    case .interrupted(let signal):
      restore()
      throw ExitCode(128 + signal)
    }
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

/// Pads to a display width (`displayWidth`: grapheme clusters, ANSI styles not counted).
func pad(_ text: String, _ width: Int) -> String {
  let shown = displayWidth(text)
  return shown >= width ? text : text + String(repeating: " ", count: width - shown)
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
