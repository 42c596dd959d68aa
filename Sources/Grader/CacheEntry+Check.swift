import Foundation

extension CacheEntry {
  /// The files an entry's digest lists, when the digest reads.
  static func listedFiles(_ folder: URL) -> [String]? {
    guard let text = FileManager.default.contents(atPath: folder.appendingPathComponent(digestFile).path) else {
      return nil
    }
    var files: [String] = []
    for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
      guard parts.count == 3, Int(parts[1]) != nil else { return nil }
      files.append(parts[2])
    }
    return files.isEmpty ? nil : files
  }

  /// True when the entry's digest reads and every file it lists matches it.
  static func isIntact(_ folder: URL) -> Bool {
    guard let files = listedFiles(folder) else { return false }
    return check(folder, files: files) != nil
  }
}

extension Grader {
  /// The cache's kinds of entries: `support/<key>/` and `programs/<key>/`.
  static let entryKinds = ["support", "programs"]

  /// The entries of `cache` that are damaged: no readable `entry.digest`, or a file it lists that
  /// is missing, truncated or changed. Nothing is changed (the grader itself removes a damaged
  /// entry when it meets it; ``removeCacheEntry(_:)`` does it for `practice doctor --repair`).
  package static func damagedEntries(in cache: URL) -> [URL] {
    entries(in: cache) { !$0.lastPathComponent.hasPrefix(".") }.filter { !CacheEntry.isIntact($0) }
  }

  /// Staging folders (`.staging-*`, `.removed-*`) older than `age` seconds: left by a grade that was
  /// killed while it built an entry (a live one finishes or removes its own within minutes).
  package static func staleStagingFolders(in cache: URL, olderThan age: TimeInterval = 3600) -> [URL] {
    entries(in: cache) { folder in
      let name = folder.lastPathComponent
      guard name.hasPrefix(".staging-") || name.hasPrefix(".removed-") else { return false }
      let attributes = try? FileManager.default.attributesOfItem(atPath: folder.path)
      guard let modified = attributes?[.modificationDate] as? Date else { return false }
      return Date().timeIntervalSince(modified) > age
    }
  }

  /// Removes a damaged entry or a stale staging folder (moved aside atomically first).
  package static func removeCacheEntry(_ folder: URL) {
    CacheEntry.remove(folder)
  }

  private static func entries(in cache: URL, where include: (URL) -> Bool) -> [URL] {
    var result: [URL] = []
    for kind in entryKinds {
      let root = cache.appendingPathComponent(kind, isDirectory: true)
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { continue }
      for name in names.sorted() {
        let folder = root.appendingPathComponent(name, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
          include(folder)
        else { continue }
        result.append(folder)
      }
    }
    return result
  }
}
