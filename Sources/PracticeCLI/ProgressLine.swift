import Foundation
import PracticeKit

#if canImport(Glibc)
  import Glibc
#endif

/// Shows a long check's progress as it goes — step, values, elapsed time and ETA — rewritten in
/// place on a terminal, or as a line every ~10% otherwise, so a one-minute grade never looks frozen.
final class ProgressLine: @unchecked Sendable {
  let terminal: Terminal
  let enabled: Bool
  private let lock = NSLock()
  private var lastDecile = -1
  private var shown = false

  init(terminal: Terminal, enabled: Bool) {
    self.terminal = terminal
    self.enabled = enabled
  }

  func update(_ progress: LiveProgress) {
    guard enabled, progress.total > 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    let fraction = Double(progress.step) / Double(progress.total)
    let values = progress.values.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.4g", $0.value))" }
    let eta = fraction > 0 ? progress.elapsed * (1 - fraction) / fraction : 0
    let text =
      "  \(progress.check): step \(progress.step)/\(progress.total)  " + values.joined(separator: "  ")
      + "  \(Int(progress.elapsed)) s, ETA \(Int(eta.rounded())) s"
    if terminal.interactive {
      FileHandle.standardOutput.write(Data(("\r\u{1B}[K" + text).utf8))
      shown = true
    } else {
      let decile = Int(fraction * 10)
      if decile > lastDecile {
        lastDecile = decile
        terminal.print(text)
      }
    }
  }

  /// Clears the live line (if one is on the screen) so a line can be printed in its place; the
  /// next update draws it again below.
  func clear() {
    lock.lock()
    defer { lock.unlock() }
    if shown && terminal.interactive { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) }
    shown = false
  }

  /// Clears the live line before the report is printed.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shown && terminal.interactive { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) }
  }
}
