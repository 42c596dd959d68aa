/// Splits the learner program's output stream into the part each check printed.
///
/// Before each check the harness writes a marker line `\u{1F}<nonce> begin <id>` to stdout (after
/// flushing), on the same pipe as the learner's prints, so the order is exact. Marker lines are
/// removed from the output; a line that looks like a marker without this run's nonce is kept as
/// ordinary output.
struct OutputSplitter {
  private(set) var marker: [UInt8]
  private(set) var current: String?
  private(set) var perCheck: [String: BoundedOutput] = [:]
  private(set) var whole = BoundedOutput()
  private var pending: [UInt8] = []
  static let perCheckHead = 8 * 1024
  static let perCheckTail = 8 * 1024

  init(nonce: String) {
    marker = Array("\u{1F}\(nonce) begin ".utf8)
  }

  mutating func append(_ bytes: ArraySlice<UInt8>) {
    pending.append(contentsOf: bytes)
    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
      let line = Array(pending[...newline])
      pending.removeSubrange(...newline)
      take(line)
    }
    // A very long line without a newline cannot be a marker: pass it on instead of buffering it.
    if pending.count > 64 * 1024 {
      take(pending)
      pending.removeAll()
    }
  }

  /// The same accumulated output, for the next run of the program (a restart has a new nonce).
  func continuing(nonce: String) -> OutputSplitter {
    var next = self
    next.marker = Array("\u{1F}\(nonce) begin ".utf8)
    return next
  }

  /// Passes on a final line without a newline.
  mutating func finish() {
    if !pending.isEmpty { take(pending) }
    pending.removeAll()
  }

  /// Starts a new segment after a restart (what follows belongs to no check until the next marker).
  mutating func restart(note: String) {
    finish()
    current = nil
    record(Array(note.utf8))
  }

  func output(of check: String) -> String {
    perCheck[check]?.text ?? ""
  }

  private mutating func take(_ line: [UInt8]) {
    if line.starts(with: marker) {
      var id = line.dropFirst(marker.count)
      while let last = id.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { id.removeLast() }
      current = String(decoding: id, as: UTF8.self)
      return
    }
    record(line)
  }

  private mutating func record(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { whole.append($0) }
    if let current {
      var buffer = perCheck[current] ?? BoundedOutput(headLimit: Self.perCheckHead, tailLimit: Self.perCheckTail)
      bytes.withUnsafeBytes { buffer.append($0) }
      perCheck[current] = buffer
    }
  }
}
