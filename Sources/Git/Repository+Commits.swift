import CLibGit2
import Foundation

/// A file to place in a tree: a slash-separated path and the bytes it holds.
package struct TreeFile: Sendable, Equatable {
  package var path: String
  package var contents: [UInt8]
  package var executable: Bool

  package init(path: String, contents: [UInt8], executable: Bool = false) {
    self.path = path
    self.contents = contents
    self.executable = executable
  }
}

/// A commit as read back from the object database.
package struct CommitInfo: Sendable, Equatable {
  package var id: ObjectID
  package var message: String
  package var date: Date
  package var parents: [ObjectID]
  /// The trailers of the message (`Key: value` lines in the last paragraph), in order.
  package var trailers: [(key: String, value: String)]

  package static func == (lhs: CommitInfo, rhs: CommitInfo) -> Bool {
    lhs.id == rhs.id
  }
}

extension Repository {
  /// Builds a tree: starts from the tree of `base` (if any), removes every entry under each folder of
  /// `replacingFolders`, then writes `files` (replacing any file at the same path).
  ///
  /// Works in an in-memory index, so the repository's own index file is never read or written.
  package func makeTree(base: ObjectID?, replacingFolders: [String], files: [TreeFile]) throws(GitError) -> ObjectID {
    var index: OpaquePointer?
    try gitCheck(git_index_new(&index), "git_index_new")
    defer { git_index_free(index) }
    if let base {
      let tree = try treePointer(of: base)
      defer { git_tree_free(tree) }
      try gitCheck(git_index_read_tree(index, tree), "git_index_read_tree")
    }
    for folder in replacingFolders {
      try gitCheck(git_index_remove_directory(index, folder, 0), "git_index_remove_directory")
    }
    for file in files {
      let blob = try writeBlob(file.contents)
      var entry = git_index_entry()
      entry.mode = file.executable ? UInt32(GIT_FILEMODE_BLOB_EXECUTABLE.rawValue) : UInt32(GIT_FILEMODE_BLOB.rawValue)
      entry.id = blob.raw
      entry.file_size = UInt32(truncatingIfNeeded: file.contents.count)
      let code = file.path.withCString { path in
        entry.path = path
        return git_index_add(index, &entry)
      }
      try gitCheck(code, "git_index_add")
    }
    var oid = git_oid()
    try gitCheck(git_index_write_tree_to(&oid, index, pointer), "git_index_write_tree_to")
    return ObjectID(oid)
  }

  /// Writes a commit object without moving any reference (`update_ref` is NULL).
  ///
  /// The author and committer are the repository's configured `user.name`/`user.email`, or
  /// `fallbackName <fallbackEmail>` when git has no identity configured.
  package func createCommit(
    tree: ObjectID, parents: [ObjectID], message: String,
    fallbackName: String = "Practitioner", fallbackEmail: String = "practice@localhost"
  ) throws(GitError) -> ObjectID {
    var signature: UnsafeMutablePointer<git_signature>?
    if git_signature_default(&signature, pointer) < 0 {
      try gitCheck(git_signature_now(&signature, fallbackName, fallbackEmail), "git_signature_now")
    }
    defer { git_signature_free(signature) }

    var treeOID = tree.raw
    var treePointer: OpaquePointer?
    try gitCheck(git_tree_lookup(&treePointer, pointer, &treeOID), "git_tree_lookup")
    defer { git_tree_free(treePointer) }

    var parentPointers: [OpaquePointer?] = []
    defer { parentPointers.forEach { git_commit_free($0) } }
    for parent in parents {
      var oid = parent.raw
      var commit: OpaquePointer?
      try gitCheck(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
      parentPointers.append(commit)
    }
    var oid = git_oid()
    let code = parentPointers.withUnsafeMutableBufferPointer { buffer in
      git_commit_create(
        &oid, pointer, nil, signature, signature, "UTF-8", message, treePointer, buffer.count, buffer.baseAddress)
    }
    try gitCheck(code, "git_commit_create")
    return ObjectID(oid)
  }

  /// Reads one commit: message, committer date, parents and trailers.
  package func commit(_ id: ObjectID) throws(GitError) -> CommitInfo {
    var oid = id.raw
    var commit: OpaquePointer?
    try gitCheck(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
    defer { git_commit_free(commit) }
    let message = git_commit_message(commit).map { String(cString: $0) } ?? ""
    let date = Date(timeIntervalSince1970: TimeInterval(git_commit_time(commit)))
    var parents: [ObjectID] = []
    for index in 0..<git_commit_parentcount(commit) {
      if let parent = git_commit_parent_id(commit, index) { parents.append(ObjectID(parent.pointee)) }
    }
    return CommitInfo(id: id, message: message, date: date, parents: parents, trailers: try Self.trailers(of: message))
  }

  /// The trailers of a commit message, as `git interpret-trailers --parse` reads them.
  package static func trailers(of message: String) throws(GitError) -> [(key: String, value: String)] {
    _ = libgit2Initialization
    var array = git_message_trailer_array()
    try gitCheck(git_message_trailers(&array, message), "git_message_trailers")
    defer { git_message_trailer_array_free(&array) }
    var result: [(key: String, value: String)] = []
    for index in 0..<array.count {
      let trailer = array.trailers[index]
      result.append((String(cString: trailer.key), String(cString: trailer.value)))
    }
    return result
  }

  /// The commits reachable from `tip`, newest first (by commit time, then topology).
  package func history(from tip: ObjectID, limit: Int? = nil) throws(GitError) -> [CommitInfo] {
    var walker: OpaquePointer?
    try gitCheck(git_revwalk_new(&walker, pointer), "git_revwalk_new")
    defer { git_revwalk_free(walker) }
    try gitCheck(
      git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "git_revwalk_sorting")
    var start = tip.raw
    try gitCheck(git_revwalk_push(walker, &start), "git_revwalk_push")
    var result: [CommitInfo] = []
    var oid = git_oid()
    while limit.map({ result.count < $0 }) ?? true {
      let code = git_revwalk_next(&oid, walker)
      if code == GIT_ITEROVER.rawValue { break }
      try gitCheck(code, "git_revwalk_next")
      result.append(try commit(ObjectID(oid)))
    }
    return result
  }
}
