import CLibGit2

/// A git object id (SHA-1), a value type that can leave the Git module.
package struct ObjectID: Hashable, Sendable, CustomStringConvertible {
  package var raw: git_oid

  package init(_ raw: git_oid) { self.raw = raw }

  /// Parses a full 40-character hexadecimal id; nil if the text is not one.
  package init?(hex: String) {
    guard hex.count == 40, hex.allSatisfy(\.isHexDigit) else { return nil }
    var oid = git_oid()
    guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
    self.raw = oid
  }

  /// The full 40-character hexadecimal form.
  package var hex: String {
    var copy = raw
    var buffer = [CChar](repeating: 0, count: 41)
    git_oid_tostr(&buffer, buffer.count, &copy)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  package var description: String { hex }

  package static func == (lhs: ObjectID, rhs: ObjectID) -> Bool {
    var l = lhs.raw
    var r = rhs.raw
    return git_oid_equal(&l, &r) != 0
  }

  package func hash(into hasher: inout Hasher) {
    withUnsafeBytes(of: raw.id) { hasher.combine(bytes: $0) }
  }

  /// The id git gives a blob with these bytes (`git hash-object`), computed without a repository.
  package static func blobID(of bytes: [UInt8]) throws(GitError) -> ObjectID {
    _ = libgit2Initialization
    var oid = git_oid()
    let code = bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
    try gitCheck(code, "git_odb_hash")
    return ObjectID(oid)
  }
}
