import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks what the files a course names are on disk, with `lstat`, `stat` and `realpath` only:
/// nothing is opened (opening a FIFO blocks until a writer comes).
///
/// A missing file is not an error here (`practice verify` reports it). One that exists must be what
/// its field needs (a regular file; a folder for a solution or scaffold) and must resolve, after
/// every symbolic link, inside the course root; links that stay inside are fine.
struct CourseFiles {
  /// What a path is, after symbolic links.
  enum Kind: Equatable {
    case regular
    case folder
    /// Anything else, described: "a FIFO (named pipe)", "a device", "a socket".
    case other(String)

    var description: String {
      switch self {
      case .regular: return "a regular file"
      case .folder: return "a folder"
      case .other(let text): return text
      }
    }
  }

  /// Why a path that exists cannot be used.
  enum Problem: Error, Equatable {
    /// It resolves to this real path, outside the course root.
    case outside(String)
    /// It is a symbolic link whose target (its text given) does not exist.
    case dangling(String)
    /// `lstat`, `stat` or `realpath` failed for another reason (the system's message).
    case unexaminable(String)
  }

  /// The course root as the loader names it (symbolic links resolved by Foundation).
  let root: String
  /// The course root's real path, as `realpath` gives it.
  let realRoot: String

  init(root: URL) {
    self.root = root.standardizedFileURL.resolvingSymlinksInPath().path
    realRoot = Self.realPath(self.root) ?? self.root
  }

  /// Checks the file the field at `path` of `file` names: missing, or a regular file inside the course.
  func checkFile(_ url: URL, file: String, path: String) throws(CourseError) {
    try check(url, expected: .regular, file: file, path: path)
  }

  /// Checks the folder the field at `path` of `file` names: missing, or a folder inside the course.
  func checkFolder(_ url: URL, file: String, path: String) throws(CourseError) {
    try check(url, expected: .folder, file: file, path: path)
  }

  func check(_ url: URL, expected: Kind, file: String, path: String) throws(CourseError) {
    let shown = display(url.path)
    let found: Kind
    do {
      guard let entry = try examine(url.path) else { return }
      found = entry.kind
    } catch {
      switch error {
      case .outside(let target): throw .linkOutside(file: file, path: path, value: shown, target: target)
      case .dangling(let target):
        throw .wrongKind(
          file: file, path: path, value: shown, expected: expected.description,
          found: "a symbolic link to '\(target)', which does not exist")
      case .unexaminable(let reason): throw .unreadable(file: shown, reason: reason)
      }
    }
    guard found == expected else {
      throw .wrongKind(file: file, path: path, value: shown, expected: expected.description, found: found.description)
    }
  }

  /// Refuses a course or module JSON file that is not a regular file inside the course (a FIFO
  /// would block the read); a missing one is left to the read, which reports it.
  func checkJSON(_ url: URL, display shown: String) throws(CourseError) {
    let found: Kind
    do {
      guard let entry = try examine(url.path) else { return }
      found = entry.kind
    } catch {
      switch error {
      case .outside(let target):
        throw .unreadable(file: shown, reason: "it is a symbolic link to \(target), outside the course folder")
      case .dangling(let target):
        throw .unreadable(file: shown, reason: "it is a symbolic link to '\(target)', which does not exist")
      case .unexaminable(let reason): throw .unreadable(file: shown, reason: reason)
      }
    }
    guard found == .regular else {
      throw .unreadable(file: shown, reason: "it is \(found.description), not a regular file")
    }
  }

  /// Nil when nothing is at `path`; otherwise its real path (inside the root) and what it is.
  func examine(_ path: String) throws(Problem) -> (real: String, kind: Kind)? {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { return nil }
      throw .unexaminable(Self.message(code))
    }
    guard let real = Self.realPath(path) else {
      let code = errno
      if code == ENOENT, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
        throw .dangling(target)
      }
      throw .unexaminable(Self.message(code))
    }
    guard real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else { throw .outside(real) }
    guard stat(real, &info) == 0 else { throw .unexaminable(Self.message(errno)) }
    return (real, Self.kind(info.st_mode))
  }

  static func kind(_ mode: mode_t) -> Kind {
    switch mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .folder
    case S_IFIFO: return .other("a FIFO (named pipe)")
    case S_IFCHR, S_IFBLK: return .other("a device")
    case S_IFSOCK: return .other("a socket")
    default: return .other("neither a file nor a folder")
    }
  }

  /// `path` relative to the course root when it is inside it, else as it is.
  func display(_ path: String) -> String {
    for prefix in [root, realRoot] where path.hasPrefix(prefix + "/") {
      return String(path.dropFirst(prefix.count + 1))
    }
    return path
  }

  /// The path with every symbolic link, `.` and `..` resolved, or nil (with `errno` set).
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static func message(_ code: Int32) -> String { String(cString: strerror(code)) }
}
