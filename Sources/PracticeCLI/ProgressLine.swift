import Foundation
import PracticeKit

/// Shows what a grade is doing while it runs, labelled as what it is, so a one-minute grade never
/// looks frozen and never passes one number off as another:
///
/// - a long check's progress — the check, the check's own name for the work ("training your
///   LSTM"), the step, each value with its label and unit ("training loss, last batch 0.5234
///   bits/char"), elapsed time and ETA;
/// - on a first grade, the build of the learner library (which module, elapsed time).
///
/// On a terminal it is one line rewritten in place (cut to the terminal's width); piped, a line
/// each time a check passes another tenth of its steps — counted for every check on its own, so a
/// second long check is shown as fully as the first — and one line per module of the build.
final class ProgressLine: @unchecked Sendable {
  let interactive: Bool
  let enabled: Bool
  private let columns: @Sendable () -> Int
  private let output: @Sendable (String) -> Void
  private let lock = NSLock()
  /// The last tenth printed, per check (piped).
  private var lastDecile: [String: Int] = [:]
  /// True while the live line holds text (terminal).
  private var shown = false
  private var build: (text: String, started: Date)?
  private var ticker: DispatchSourceTimer?

  convenience init(terminal: Terminal, enabled: Bool) {
    self.init(
      interactive: terminal.interactive, enabled: enabled, columns: { terminal.size.columns },
      output: { FileHandle.standardOutput.write(Data($0.utf8)) })
  }

  /// `output` receives exactly the bytes for stdout; `columns` is the terminal's width.
  init(
    interactive: Bool, enabled: Bool, columns: @escaping @Sendable () -> Int,
    output: @escaping @Sendable (String) -> Void
  ) {
    self.interactive = interactive
    self.enabled = enabled
    self.columns = columns
    self.output = output
  }

  deinit { ticker?.cancel() }

  func update(_ progress: LiveProgress) {
    guard enabled, progress.total > 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    stopBuildLine()
    if interactive {
      draw(Self.text(progress, width: columns()))
    } else {
      let text = Self.text(progress)
      let fraction = min(1, max(0, Double(progress.step) / Double(progress.total)))
      let decile = Int((fraction * 10).rounded(.down))
      if decile > lastDecile[progress.check, default: -1] {
        lastDecile[progress.check] = decile
        output(text + "\n")
      }
    }
  }

  /// The support modules' build on a first grade: a line naming the module (with the elapsed time,
  /// ticking every second on a terminal), then one line saying it is done.
  func build(_ event: LiveBuildProgress) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .supportModule(let module, let index, let count):
      let text = "  building the learner library (once, ≤ 1 min): \(module) \(index)/\(count)"
      let started = build?.started ?? Date()
      build = (text, started)
      if interactive {
        draw(Self.withElapsed(text, since: started))
        startTicker()
      } else {
        output(Self.withElapsed(text, since: started) + "\n")
      }
    case .supportBuilt(let seconds):
      stopBuildLine()
      if interactive && shown {
        output("\r\u{1B}[K")
        shown = false
      }
      output("  built the learner library in \(Self.duration(seconds)); later grades reuse it\n")
    }
  }

  /// Clears the live line, so a line can be printed in its place (a terminal; nothing to do when
  /// piped). The next update draws it again.
  func clear() {
    lock.lock()
    defer { lock.unlock() }
    if interactive && shown {
      output("\r\u{1B}[K")
      shown = false
    }
  }

  /// Clears the live line before the report is printed, and stops the build line's clock.
  func finish() {
    lock.lock()
    stopBuildLine()
    lock.unlock()
    clear()
  }

  /// `  train · training your LSTM: step 300/1000 · training loss, last batch 0.5234 bits/char · 15 s, ETA 35 s`
  /// (without a task: the check's id only; a value without a label: its name).
  static func text(_ progress: LiveProgress) -> String {
    variants(progress)[0]
  }

  /// The line for a terminal `width` columns wide: the full line when it fits, else without the
  /// task, else the short form (`  train: 300/1000 · training loss, last batch 0.5234 bits/char · ETA 35 s`),
  /// cut to the width as a last resort.
  static func text(_ progress: LiveProgress, width: Int) -> String {
    let room = max(10, width - 1)
    let all = variants(progress)
    return all.first { $0.count <= room } ?? fitted(all[all.count - 1], width: width)
  }

  /// From the longest to the shortest.
  static func variants(_ progress: LiveProgress) -> [String] {
    let values = progress.values.sorted(by: { $0.key < $1.key }).map { name, value in
      let label = progress.labels[name]
      let unit = label.map { $0.unit.isEmpty ? "" : " " + $0.unit } ?? ""
      return visible("\(label?.label ?? name) \(String(format: "%.4g", value))\(unit)")
    }
    let fraction = Double(progress.step) / Double(max(1, progress.total))
    let eta = fraction > 0 && fraction < 1 ? duration(progress.elapsed * (1 - fraction) / fraction) : nil
    let time = duration(progress.elapsed) + (eta.map { ", ETA " + $0 } ?? "")
    let steps = "\(progress.step)/\(progress.total)"
    func line(_ head: String, _ parts: [String]) -> String {
      "  \(visible(head)): " + parts.joined(separator: " · ")
    }
    let full = ["step " + steps] + values + [time]
    var result = [String]()
    if let task = progress.task { result.append(line("\(progress.check) · \(task)", full)) }
    result.append(line(progress.check, full))
    result.append(line(progress.check, [steps] + values + (eta.map { ["ETA " + $0] } ?? [])))
    return result
  }

  /// The text with control characters (a newline, an escape) shown as `?`, so a label can never
  /// move the cursor or break the line.
  static func visible(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? "?" : $0 }))
  }

  /// `42 s`, `3 min 05 s`.
  static func duration(_ seconds: Double) -> String {
    let whole = Int(max(0, seconds).rounded())
    guard whole >= 100 else { return "\(whole) s" }
    return "\(whole / 60) min " + String(format: "%02d", whole % 60) + " s"
  }

  static func withElapsed(_ text: String, since start: Date) -> String {
    text + " · " + duration(Date().timeIntervalSince(start))
  }

  /// `text` cut to `width − 1` characters (the last column left free, so the line never wraps).
  static func fitted(_ text: String, width: Int) -> String {
    let room = max(10, width - 1)
    return text.count <= room ? text : String(text.prefix(room - 1)) + "…"
  }

  /// Rewrites the live line (a terminal; the lock is held).
  private func draw(_ text: String) {
    output("\r\u{1B}[K" + Self.fitted(text, width: columns()))
    shown = true
  }

  /// Redraws the build line every second, so its clock moves while swiftc works (the lock is held).
  private func startTicker() {
    guard ticker == nil else { return }
    let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
    timer.schedule(deadline: .now() + 1, repeating: 1)
    timer.setEventHandler { [weak self] in
      guard let self else { return }
      self.lock.lock()
      defer { self.lock.unlock() }
      if let build = self.build { self.draw(Self.withElapsed(build.text, since: build.started)) }
    }
    ticker = timer
    timer.resume()
  }

  /// The lock is held.
  private func stopBuildLine() {
    ticker?.cancel()
    ticker = nil
    build = nil
  }
}
