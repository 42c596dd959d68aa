import CLibGit2
import Foundation

extension Repository {
  /// The commit whose id starts with `prefix` (at least 4 hexadecimal digits), nil if none.
  /// Throws when the prefix is ambiguous.
  package func commit(prefix: String) throws(GitError) -> ObjectID? {
    guard prefix.count >= 4, prefix.count <= 40, prefix.allSatisfy(\.isHexDigit) else { return nil }
    var oid = git_oid()
    try gitCheck(git_oid_fromstrn(&oid, prefix, prefix.utf8.count), "git_oid_fromstrn")
    var commit: OpaquePointer?
    let code = git_commit_lookup_prefix(&commit, pointer, &oid, prefix.utf8.count)
    if code == GIT_ENOTFOUND.rawValue { return nil }
    try gitCheck(code, "git_commit_lookup_prefix")
    defer { git_commit_free(commit) }
    guard let id = git_commit_id(commit) else { return nil }
    return ObjectID(id.pointee)
  }

  /// The files directly inside `folder` in the tree of `commit`, by name (empty if no such folder).
  package func files(in folder: String, at commit: ObjectID) throws(GitError) -> [(name: String, contents: [UInt8])] {
    let tree = try treePointer(of: commit)
    defer { git_tree_free(tree) }
    var entry: OpaquePointer?
    let code = git_tree_entry_bypath(&entry, tree, folder)
    if code == GIT_ENOTFOUND.rawValue { return [] }
    try gitCheck(code, "git_tree_entry_bypath")
    defer { git_tree_entry_free(entry) }
    guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return [] }
    var subtree: OpaquePointer?
    try gitCheck(git_tree_lookup(&subtree, pointer, git_tree_entry_id(entry)), "git_tree_lookup")
    defer { git_tree_free(subtree) }
    var result: [(name: String, contents: [UInt8])] = []
    for index in 0..<git_tree_entrycount(subtree) {
      guard let child = git_tree_entry_byindex(subtree, index), git_tree_entry_type(child) == GIT_OBJECT_BLOB,
        let name = git_tree_entry_name(child)
      else { continue }
      var blob: OpaquePointer?
      try gitCheck(git_blob_lookup(&blob, pointer, git_tree_entry_id(child)), "git_blob_lookup")
      defer { git_blob_free(blob) }
      let size = Int(git_blob_rawsize(blob))
      let bytes = size > 0 ? Array(UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: size)) : []
      result.append((String(cString: name), bytes))
    }
    return result
  }

  /// A unified diff (`git diff` format) of the paths under `folder`, from `old` to `new`; with `new`
  /// nil, from `old` to the files in the working directory (the index is not used).
  package func diff(from old: ObjectID, to new: ObjectID?, folder: String) throws(GitError) -> String {
    try diff(from: old, to: new, folders: [folder])
  }

  /// The patch of several folders at once (one pathspec each).
  package func diff(from old: ObjectID, to new: ObjectID?, folders: [String]) throws(GitError) -> String {
    var options = git_diff_options()
    try gitCheck(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
    options.flags |=
      GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_SHOW_UNTRACKED_CONTENT.rawValue
      | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
    let oldTree = try treePointer(of: old)
    defer { git_tree_free(oldTree) }
    var diff: OpaquePointer?
    var patterns: [UnsafeMutablePointer<CChar>?] = folders.map { strdup($0 + "/") }
    defer { for pattern in patterns { free(pattern) } }
    let code = patterns.withUnsafeMutableBufferPointer { buffer -> Int32 in
      options.pathspec = git_strarray(strings: buffer.baseAddress, count: buffer.count)
      if let new {
        guard let newTree = try? treePointer(of: new) else { return GIT_ENOTFOUND.rawValue }
        defer { git_tree_free(newTree) }
        return git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, &options)
      }
      return git_diff_tree_to_workdir(&diff, pointer, oldTree, &options)
    }
    try gitCheck(code, new == nil ? "git_diff_tree_to_workdir" : "git_diff_tree_to_tree")
    defer { git_diff_free(diff) }
    var buffer = git_buf()
    try gitCheck(git_diff_to_buf(&buffer, diff, GIT_DIFF_FORMAT_PATCH), "git_diff_to_buf")
    defer { git_buf_dispose(&buffer) }
    guard let text = buffer.ptr else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: text, count: buffer.size), as: UTF8.self)
  }

  /// The best common ancestor of two commits, nil if they share no history.
  package func mergeBase(_ a: ObjectID, _ b: ObjectID) throws(GitError) -> ObjectID? {
    var base = git_oid()
    var one = a.raw
    var two = b.raw
    let code = git_merge_base(&base, pointer, &one, &two)
    if code == GIT_ENOTFOUND.rawValue { return nil }
    try gitCheck(code, "git_merge_base")
    return ObjectID(base)
  }

  /// True when `commit` has `ancestor` in its history (or is it).
  package func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws(GitError) -> Bool {
    if commit == ancestor { return true }
    var a = commit.raw
    var b = ancestor.raw
    return try gitCheck(git_graph_descendant_of(pointer, &a, &b), "git_graph_descendant_of") == 1
  }
}
