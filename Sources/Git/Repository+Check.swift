import CLibGit2
import Foundation

/// An object of a history that libgit2 cannot read: missing (a deleted loose object, a `git gc`
/// that pruned it) or corrupt (a hash mismatch, a truncated file).
package struct UnreadableObject: Sendable, Equatable {
  package var id: ObjectID
  /// `commit`, `tree` or `blob`.
  package var kind: String
  /// Where it sits in the commit's tree (slash separated), "" for the root tree or the commit.
  package var path: String
  /// What libgit2 said.
  package var message: String

  /// `tree 4b825dc… (the root tree)` or `blob 3f2a… (Exercises/m/e/File.swift)`.
  package var description: String {
    let place = kind == "commit" ? "" : (path.isEmpty ? " (the root tree)" : " (\(path))")
    return "\(kind) \(id.hex)\(place): \(message)"
  }
}

/// One commit met by ``Repository/check(from:)``.
package struct CommitCheck: Sendable {
  package var id: ObjectID
  /// The commit as read, nil when the commit object itself cannot be read.
  package var info: CommitInfo?
  /// The first object of the commit (itself, its tree, a subtree or a blob) that cannot be read;
  /// nil when the commit and its whole tree read.
  package var problem: UnreadableObject?
}

extension Repository {
  /// A "fsck from the tip": every commit reachable from `tip` (following every parent), each read
  /// with its whole tree — every subtree and blob read in full (libgit2 verifies each object's
  /// hash). Each object is read once, however many commits share it.
  ///
  /// - Returns: the commits in walk order (the tip first, then first parents before the others:
  ///   for a linear history, newest first). A commit whose object cannot be read ends its line
  ///   of the walk (its parents are unknown).
  package func check(from tip: ObjectID) -> [CommitCheck] {
    var known: Set<ObjectID> = []
    var visited: Set<ObjectID> = [tip]
    var pending: [ObjectID] = [tip]
    var result: [CommitCheck] = []
    while !pending.isEmpty {
      let id = pending.removeFirst()
      let info: CommitInfo
      do {
        info = try commit(id)
      } catch {
        result.append(
          CommitCheck(
            id: id, info: nil, problem: UnreadableObject(id: id, kind: "commit", path: "", message: error.message))
        )
        continue
      }
      var problem: UnreadableObject?
      if let tree = treeID(of: id) {
        problem = firstUnreadable(tree: tree, path: "", known: &known)
      } else {
        problem = UnreadableObject(id: id, kind: "commit", path: "", message: "has no tree")
      }
      result.append(CommitCheck(id: id, info: info, problem: problem))
      for parent in info.parents.reversed() where !visited.contains(parent) {
        visited.insert(parent)
        pending.insert(parent, at: 0)
      }
    }
    return result
  }

  /// The id of a commit's tree, read from the commit alone (the tree itself may be missing).
  func treeID(of commit: ObjectID) -> ObjectID? {
    var oid = commit.raw
    var pointer: OpaquePointer?
    guard git_commit_lookup(&pointer, self.pointer, &oid) == 0 else { return nil }
    defer { git_commit_free(pointer) }
    return git_commit_tree_id(pointer).map { ObjectID($0.pointee) }
  }

  private func firstUnreadable(tree id: ObjectID, path: String, known: inout Set<ObjectID>) -> UnreadableObject? {
    if known.contains(id) { return nil }
    var oid = id.raw
    var tree: OpaquePointer?
    do {
      try gitCheck(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
    } catch {
      return UnreadableObject(id: id, kind: "tree", path: path, message: error.message)
    }
    defer { git_tree_free(tree) }
    for index in 0..<git_tree_entrycount(tree) {
      guard let entry = git_tree_entry_byindex(tree, index), let entryID = git_tree_entry_id(entry) else { continue }
      let child = ObjectID(entryID.pointee)
      let name = String(cString: git_tree_entry_name(entry))
      let childPath = path.isEmpty ? name : "\(path)/\(name)"
      switch git_tree_entry_type(entry) {
      case GIT_OBJECT_TREE:
        if let problem = firstUnreadable(tree: child, path: childPath, known: &known) { return problem }
      case GIT_OBJECT_BLOB:
        if known.contains(child) { continue }
        var blobOID = child.raw
        var blob: OpaquePointer?
        do {
          try gitCheck(git_blob_lookup(&blob, pointer, &blobOID), "git_blob_lookup")
        } catch {
          return UnreadableObject(id: child, kind: "blob", path: childPath, message: error.message)
        }
        git_blob_free(blob)
        known.insert(child)
      default:
        continue  // a submodule's commit lives in another repository
      }
    }
    known.insert(id)
    return nil
  }

  /// Writes a copy of `commit` with other parents: the same tree, message, encoding, author and
  /// committer (so the copy says who made the attempt, and when). No reference is moved.
  package func copyCommit(_ commit: ObjectID, parents: [ObjectID]) throws(GitError) -> ObjectID {
    var oid = commit.raw
    var original: OpaquePointer?
    try gitCheck(git_commit_lookup(&original, pointer, &oid), "git_commit_lookup")
    defer { git_commit_free(original) }
    var tree: OpaquePointer?
    try gitCheck(git_commit_tree(&tree, original), "git_commit_tree")
    defer { git_tree_free(tree) }
    var parentPointers: [OpaquePointer?] = []
    defer { parentPointers.forEach { git_commit_free($0) } }
    for parent in parents {
      var parentOID = parent.raw
      var pointer: OpaquePointer?
      try gitCheck(git_commit_lookup(&pointer, self.pointer, &parentOID), "git_commit_lookup")
      parentPointers.append(pointer)
    }
    var result = git_oid()
    let code = parentPointers.withUnsafeMutableBufferPointer { buffer in
      git_commit_create(
        &result, pointer, nil, git_commit_author(original), git_commit_committer(original),
        git_commit_message_encoding(original), git_commit_message(original), tree, buffer.count, buffer.baseAddress)
    }
    try gitCheck(code, "git_commit_create")
    return ObjectID(result)
  }
}
