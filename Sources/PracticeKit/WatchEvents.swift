import Foundation
import Grader

#if canImport(Glibc)
  import Glibc
#endif

/// What the watch loop reacts to.
package enum WatchEvent: Sendable, Equatable {
  /// One of the watched files was saved (events within 150 ms are coalesced into one).
  case changed
  /// A key typed by the learner.
  case key(Character)
  /// The arrow keys, Enter and Esc (for `l`'s list).
  case up, down, enter, escape

  /// The events in bytes read from a terminal in raw mode: arrow keys are `ESC [ A` / `ESC [ B`
  /// (or `ESC O A` / `ESC O B`); a lone ESC is Esc; other escape sequences are dropped; space is
  /// ignored; Return and newline are Enter.
  package static func decode(_ bytes: [UInt8]) -> [WatchEvent] {
    var events: [WatchEvent] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case 0x1B:
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "O") else {
          events.append(.escape)
          continue
        }
        index += 1
        // Parameters, then the final byte (0x40–0x7E).
        while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
        guard index < bytes.count else { continue }
        let final = bytes[index]
        index += 1
        if final == UInt8(ascii: "A") { events.append(.up) }
        if final == UInt8(ascii: "B") { events.append(.down) }
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        events.append(.enter)
      case UInt8(ascii: " "):
        continue
      case 0x20..<0x7F:
        events.append(.key(Character(Unicode.Scalar(byte))))
      default:
        continue
      }
    }
    return events
  }
}

/// `l`'s list in `practice watch`: a cursor over `count` rows shown `height` at a time, scrolled
/// so the cursor stays visible. Down/j and Up/k move, Enter chooses, q/Esc go back.
package struct ListNavigator: Sendable, Equatable {
  package private(set) var selected: Int
  /// The first row shown.
  package private(set) var top = 0
  package let count: Int
  package let height: Int

  package enum Action: Sendable, Equatable {
    case moved
    case choose(Int)
    case back
    case ignored
  }

  package init(count: Int, height: Int, selected: Int = 0) {
    self.count = count
    self.height = max(1, height)
    self.selected = min(max(0, selected), max(0, count - 1))
    scrollToSelection()
  }

  /// The rows on screen.
  package var visible: Range<Int> { top..<min(count, top + height) }

  package mutating func handle(_ event: WatchEvent) -> Action {
    switch event {
    case .down, .key("j"):
      guard selected + 1 < count else { return .ignored }
      selected += 1
    case .up, .key("k"):
      guard selected > 0 else { return .ignored }
      selected -= 1
    case .enter:
      return count > 0 ? .choose(selected) : .ignored
    case .escape, .key("q"):
      return .back
    default:
      return .ignored
    }
    scrollToSelection()
    return .moved
  }

  private mutating func scrollToSelection() {
    if selected < top { top = selected }
    if selected >= top + height { top = selected - height + 1 }
    top = max(0, min(top, max(0, count - height)))
  }
}

/// The single source of events for `practice watch`: saves of the exercise's files (inotify on
/// its folder, so editors that save by writing a temporary file and renaming it are seen) and
/// keys from standard input (raw mode on a terminal, so one key is enough).
package final class WatchEvents {
  private let inotify: Int32
  private var watch: Int32 = -1
  private var files: Set<String> = []
  private var readsKeys: Bool
  private var savedTerminal: termios?
  /// Keys read but not yet returned (typed during a grade, or several in one read).
  private var queued: [WatchEvent] = []
  static let debounce: Int32 = 150

  package init(folder: URL, files: [String], readKeys: Bool) throws(PracticeError) {
    inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
    guard inotify >= 0 else { throw .io("inotify_init1 failed: \(String(cString: strerror(errno)))") }
    readsKeys = readKeys
    try watch(folder: folder, files: files)
    if readKeys && isatty(STDIN_FILENO) == 1 {
      var settings = termios()
      tcgetattr(STDIN_FILENO, &settings)
      savedTerminal = settings
      WatchEvents.restoreOnSignal(settings)
      settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
      tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }
  }

  deinit {
    restoreTerminal()
    close(inotify)
  }

  /// Watches another exercise's folder from now on.
  package func watch(folder: URL, files: [String]) throws(PracticeError) {
    if watch >= 0 { inotify_rm_watch(inotify, watch) }
    let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE)
    watch = inotify_add_watch(inotify, folder.path, mask)
    guard watch >= 0 else { throw .io("cannot watch \(folder.path): \(String(cString: strerror(errno)))") }
    self.files = Set(files)
  }

  /// Waits for the next event; nil when `timeout` (seconds) passes first.
  package func next(timeout: Double? = nil) -> WatchEvent? {
    let deadline = timeout.map { Date().addingTimeInterval($0) }
    if !queued.isEmpty { return queued.removeFirst() }
    while true {
      var descriptors = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)]
      if readsKeys { descriptors.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)) }
      let wait = deadline.map { Int32(max(0, $0.timeIntervalSinceNow * 1000)) } ?? -1
      let ready = poll(&descriptors, nfds_t(descriptors.count), wait)
      if ready == 0 { return nil }
      if ready < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if descriptors.count > 1, descriptors[1].revents != 0 {
        guard let keys = Self.readKeys() else {
          readsKeys = false  // end of input: keep watching files only
          continue
        }
        queued += keys
        if !queued.isEmpty { return queued.removeFirst() }
        continue
      }
      if descriptors[0].revents != 0, drainRelevant() {
        // Coalesce the burst an editor's save makes (temporary file, rename, attributes).
        var quiet = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)]
        while poll(&quiet, 1, Self.debounce) > 0 { _ = drainRelevant() }
        return .changed
      }
      if let deadline, deadline.timeIntervalSinceNow <= 0 { return nil }
    }
  }

  /// Reads the keys waiting on standard input (an ESC is given 30 ms for the rest of its
  /// sequence); nil at the end of input.
  private static func readKeys() -> [WatchEvent]? {
    var bytes = [UInt8](repeating: 0, count: 64)
    let count = bytes.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
    if count < 0 { return errno == EINTR || errno == EAGAIN ? [] : nil }
    if count == 0 { return nil }
    var input = Array(bytes[0..<count])
    if input.last == 0x1B || (input.count >= 2 && input[input.count - 2] == 0x1B) {
      var more = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
      if poll(&more, 1, 30) > 0 {
        let extra = bytes.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if extra > 0 { input += bytes[0..<extra] }
      }
    }
    return WatchEvent.decode(input)
  }

  /// Runs `body` (a grade) while a second thread reads keys: `q` cancels the grade at once, as
  /// Ctrl-C would (`Interruption.request`: the grader kills the compiler or the program and all
  /// they started, records nothing, and `body` throws `.interrupted`), and then nil is returned;
  /// other keys wait in the queue until `body` has returned (so `h` and `l` wait for the grade).
  /// Ctrl-C itself still throws.
  package func whileReadingKeys<T>(_ body: () throws -> T) throws -> T? {
    guard readsKeys else { return try body() }
    let reader = KeyReader()
    let thread = Thread { reader.run() }
    thread.start()
    defer {
      reader.stop()
      queued += reader.keys
      if reader.endOfInput { readsKeys = false }
    }
    do {
      return try body()
    } catch PracticeError.grader(.interrupted(SIGINT)) where reader.cancelled {
      return nil
    }
  }

  /// The key-reading thread of `whileReadingKeys`.
  private final class KeyReader: @unchecked Sendable {
    private let lock = NSLock()
    private var stopping = false
    private let done = DispatchSemaphore(value: 0)
    private(set) var keys: [WatchEvent] = []
    private(set) var cancelled = false
    private(set) var endOfInput = false

    func run() {
      defer { done.signal() }
      while !lock.withLock({ stopping }) {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 50) > 0 else { continue }
        guard let read = WatchEvents.readKeys() else {
          lock.withLock { endOfInput = true }
          return
        }
        for key in read {
          if key == .key("q") {
            lock.withLock { cancelled = true }
            Interruption.request(SIGINT)
          }
          lock.withLock { keys.append(key) }
        }
      }
    }

    /// Stops the thread and waits for it (once; later calls return at once).
    func stop() {
      let first = lock.withLock { () -> Bool in
        defer { stopping = true }
        return !stopping
      }
      if first { done.wait() }
    }
  }

  /// Reads the pending inotify events; true if one concerns a watched file.
  private func drainRelevant() -> Bool {
    var relevant = false
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      var offset = 0
      let header = MemoryLayout<inotify_event>.size
      while offset + header <= count {
        let length = buffer.withUnsafeBytes { Int($0.load(fromByteOffset: offset + 12, as: UInt32.self)) }
        let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
        let name = String(decoding: nameBytes, as: UTF8.self)
        if files.contains(name) { relevant = true }
        offset += header + length
      }
    }
    return relevant
  }

  private func restoreTerminal() {
    if var settings = savedTerminal {
      tcsetattr(STDIN_FILENO, TCSANOW, &settings)
      savedTerminal = nil
    }
  }

  nonisolated(unsafe) static var originalTerminal = termios()

  /// Ctrl-C must not leave the terminal without echo.
  static func restoreOnSignal(_ settings: termios) {
    originalTerminal = settings
    signal(SIGINT) { _ in
      tcsetattr(STDIN_FILENO, TCSANOW, &WatchEvents.originalTerminal)
      _exit(130)
    }
  }
}
