import CLibGit2
import Foundation

/// A git repository opened through libgit2.
///
/// The only type in the product that holds libgit2 pointers. One instance is used by one thread at a
/// time (libgit2's rule); open one per task. Nothing here ever moves HEAD, writes the index file or
/// touches the working tree: objects are written to the object database and references are moved
/// with compare-and-swap.
package final class Repository {
  let pointer: OpaquePointer
  /// The working directory (or the git directory for a bare repository).
  package let path: URL

  private init(pointer: OpaquePointer, path: URL) {
    self.pointer = pointer
    self.path = path
  }

  private convenience init(owning pointer: OpaquePointer?, path: URL, from function: String) throws(GitError) {
    guard let pointer else { throw GitError(function: function, code: -1, message: "returned no repository") }
    self.init(pointer: pointer, path: path)
  }

  deinit { git_repository_free(pointer) }

  /// Opens the repository whose working directory (or `.git` directory) is exactly `url`.
  package static func open(at url: URL) throws(GitError) -> Repository {
    _ = libgit2Initialization
    var pointer: OpaquePointer?
    try gitCheck(
      git_repository_open_ext(&pointer, url.path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil),
      "git_repository_open_ext")
    return try Repository(owning: pointer, path: url, from: "git_repository_open_ext")
  }

  /// Creates a new non-bare repository at `url` (`git init`). HEAD points to the unborn `main` branch.
  package static func create(at url: URL, initialBranch: String = "main") throws(GitError) -> Repository {
    _ = libgit2Initialization
    var options = git_repository_init_options()
    try gitCheck(
      git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
      "git_repository_init_options_init")
    options.flags = UInt32(GIT_REPOSITORY_INIT_MKPATH.rawValue)
    var pointer: OpaquePointer?
    let code = initialBranch.withCString { branch in
      options.initial_head = branch
      return git_repository_init_ext(&pointer, url.path, &options)
    }
    try gitCheck(code, "git_repository_init_ext")
    return try Repository(owning: pointer, path: url, from: "git_repository_init_ext")
  }

  /// The `.git` folder.
  package var gitDirectory: URL {
    URL(fileURLWithPath: String(cString: git_repository_path(pointer)), isDirectory: true)
  }

  // MARK: References

  /// The commit a reference points to (following symbolic references), or nil if it does not exist.
  package func resolve(reference name: String) throws(GitError) -> ObjectID? {
    var oid = git_oid()
    let code = git_reference_name_to_id(&oid, pointer, name)
    if code == GIT_ENOTFOUND.rawValue { return nil }
    try gitCheck(code, "git_reference_name_to_id")
    return ObjectID(oid)
  }

  /// Deletes a reference if it exists.
  package func deleteReference(_ name: String) throws(GitError) {
    var ref: OpaquePointer?
    let code = git_reference_lookup(&ref, pointer, name)
    if code == GIT_ENOTFOUND.rawValue { return }
    try gitCheck(code, "git_reference_lookup")
    defer { git_reference_free(ref) }
    try gitCheck(git_reference_delete(ref), "git_reference_delete")
  }

  /// The raw content of HEAD's target name (e.g. `refs/heads/main`), nil when HEAD is detached.
  package func headTargetName() throws(GitError) -> String? {
    var ref: OpaquePointer?
    try gitCheck(git_reference_lookup(&ref, pointer, "HEAD"), "git_reference_lookup")
    defer { git_reference_free(ref) }
    guard let target = git_reference_symbolic_target(ref) else { return nil }
    return String(cString: target)
  }

  /// Moves `name` to `newTarget` only if it still points to `expected` (nil: only if it does not exist).
  ///
  /// - Returns: false when another writer moved the reference first or holds its lock right now
  ///   (compare-and-swap lost); the caller re-reads the tip and retries.
  package func updateReference(
    _ name: String, to newTarget: ObjectID, expected: ObjectID?, logMessage: String
  ) throws(GitError) -> Bool {
    var ref: OpaquePointer?
    var target = newTarget.raw
    let code: Int32
    if var old = expected?.raw {
      code = git_reference_create_matching(&ref, pointer, name, &target, 1, &old, logMessage)
    } else {
      code = git_reference_create(&ref, pointer, name, &target, 0, logMessage)
    }
    defer { git_reference_free(ref) }
    if code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue || code == GIT_ELOCKED.rawValue { return false }
    try gitCheck(code, expected == nil ? "git_reference_create" : "git_reference_create_matching")
    return true
  }

  // MARK: Objects

  /// Writes a blob and returns its id.
  package func writeBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
    var oid = git_oid()
    let code = bytes.withUnsafeBytes { git_blob_create_from_buffer(&oid, pointer, $0.baseAddress, $0.count) }
    try gitCheck(code, "git_blob_create_from_buffer")
    return ObjectID(oid)
  }

  /// The bytes of the file at `path` (slash separated) in the tree of `commit`, nil if there is none.
  package func fileContents(at path: String, in commit: ObjectID) throws(GitError) -> [UInt8]? {
    let tree = try treePointer(of: commit)
    defer { git_tree_free(tree) }
    var entry: OpaquePointer?
    let code = git_tree_entry_bypath(&entry, tree, path)
    if code == GIT_ENOTFOUND.rawValue { return nil }
    try gitCheck(code, "git_tree_entry_bypath")
    defer { git_tree_entry_free(entry) }
    guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
    var blob: OpaquePointer?
    try gitCheck(git_blob_lookup(&blob, pointer, git_tree_entry_id(entry)), "git_blob_lookup")
    defer { git_blob_free(blob) }
    let size = Int(git_blob_rawsize(blob))
    guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
    return Array(UnsafeRawBufferPointer(start: raw, count: size))
  }

  func treePointer(of commit: ObjectID) throws(GitError) -> OpaquePointer {
    var commitPointer: OpaquePointer?
    var oid = commit.raw
    try gitCheck(git_commit_lookup(&commitPointer, pointer, &oid), "git_commit_lookup")
    defer { git_commit_free(commitPointer) }
    var tree: OpaquePointer?
    try gitCheck(git_commit_tree(&tree, commitPointer), "git_commit_tree")
    guard let tree else { throw GitError(function: "git_commit_tree", code: -1, message: "returned no tree") }
    return tree
  }
}
