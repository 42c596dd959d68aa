import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What the watch loop reacts to.
package enum WatchEvent: Sendable, Equatable {
  /// One of the watched files was saved (events within 150 ms are coalesced into one).
  case changed
  /// A key typed by the learner.
  case key(Character)
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
        var byte: UInt8 = 0
        if read(STDIN_FILENO, &byte, 1) == 1 {
          if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: " ") { continue }
          return .key(Character(Unicode.Scalar(byte)))
        }
        readsKeys = false  // end of input: keep watching files only
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
