import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A cache entry (a folder in `~/.cache/practice`) that records a digest of what it published.
///
/// An entry is built in a staging folder, sealed (`entry.digest`: one line per file, with its size
/// and a 128-bit content hash) and published with `rename`. Before an entry is used, every file is
/// checked against the digest: one that is missing, truncated or changed (a crash mid-publish, a
/// disk error, a hand edit) makes the whole entry invalid, and it is removed and rebuilt — never
/// used, and never blamed on the learner.
enum CacheEntry {
  static let digestFile = "entry.digest"

  /// Writes the digest of `files` (paths relative to `folder`) into `folder`.
  static func seal(_ folder: URL, files: [String]) throws {
    var lines: [String] = []
    for file in files {
      guard let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
        throw GraderError.io("cannot read \(folder.appendingPathComponent(file).path) to seal the cache entry")
      }
      lines.append("\(digest(Array(bytes))) \(bytes.count) \(file)")
    }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent(digestFile))
  }

  /// The entry's files (by relative path) when the entry is complete and every file matches its
  /// digest; nil when there is no such entry. A damaged entry is removed.
  static func verified(_ folder: URL, files: [String]) -> [String: [UInt8]]? {
    guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
    if let contents = check(folder, files: files) { return contents }
    remove(folder)
    return nil
  }

  static func check(_ folder: URL, files: [String]) -> [String: [UInt8]]? {
    guard let text = FileManager.default.contents(atPath: folder.appendingPathComponent(digestFile).path) else {
      return nil
    }
    var expected: [String: (digest: String, size: Int)] = [:]
    for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
      guard parts.count == 3, let size = Int(parts[1]) else { return nil }
      expected[parts[2]] = (parts[0], size)
    }
    var contents: [String: [UInt8]] = [:]
    for file in files {
      guard let want = expected[file],
        let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
        data.count == want.size
      else { return nil }
      let bytes = Array(data)
      guard digest(bytes) == want.digest else { return nil }
      contents[file] = bytes
    }
    return contents
  }

  /// Publishes `staging` as `folder` with `rename`. If another process published an intact copy
  /// first, that copy is kept; a damaged one in the way is replaced.
  static func publish(_ staging: URL, as folder: URL, files: [String]) throws(GraderError) {
    for _ in 0..<3 {
      if rename(staging.path, folder.path) == 0 { return }
      let code = errno
      guard code == EEXIST || code == ENOTEMPTY else { throw .system("rename \(staging.path)", code) }
      if check(folder, files: files) != nil { return }
      remove(folder)
    }
    throw .io("cannot publish the cache entry \(folder.path)")
  }

  /// Moves a folder out of the way (atomically), then deletes it.
  static func remove(_ folder: URL) {
    let aside = folder.deletingLastPathComponent().appendingPathComponent(".removed-\(UUID().uuidString)")
    if rename(folder.path, aside.path) == 0 {
      try? FileManager.default.removeItem(at: aside)
    } else {
      try? FileManager.default.removeItem(at: folder)
    }
  }

  /// A fast 128-bit content hash (two 64-bit lanes over 8-byte words), as 32 hex digits.
  static func digest(_ bytes: [UInt8]) -> String {
    var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F ^ UInt64(bytes.count)
    bytes.withUnsafeBytes { raw in
      let words = raw.count / 8
      for index in 0..<words {
        let word = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
        a = (a ^ word) &* 0x0000_0100_0000_01B3
        a = (a << 31) | (a >> 33)
        b = (b &+ word) &* 0xFF51_AFD7_ED55_8CCD
        b ^= b >> 29
      }
      var last: UInt64 = 0
      for index in (words * 8)..<raw.count { last = (last << 8) | UInt64(raw[index]) }
      a = (a ^ last) &* 0x0000_0100_0000_01B3
      b = (b &+ last) &* 0xFF51_AFD7_ED55_8CCD
    }
    func mix(_ value: UInt64) -> UInt64 {
      var x = value
      x ^= x >> 33
      x &*= 0xFF51_AFD7_ED55_8CCD
      x ^= x >> 33
      x &*= 0xC4CE_B9FE_1A85_EC53
      return x ^ (x >> 33)
    }
    let high = String(mix(a ^ (b << 1)), radix: 16)
    let low = String(mix(b ^ (a >> 1)), radix: 16)
    return String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low
  }
}
