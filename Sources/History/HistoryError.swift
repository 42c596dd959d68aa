import Foundation
import Git

/// Errors of the attempt history.
package enum HistoryError: Error, LocalizedError, Equatable {
  case repository(String, GitError)
  case git(GitError)
  case contention(String)
  case nothingToPush
  case diverged(local: Int, remote: Int)
  /// A trailer key that is not a token of ASCII letters, digits and `-` (a metric name outside
  /// the rule?): the attempt is not recorded rather than recorded with trailers git cannot read.
  case invalidTrailerKey(String)
  /// A push or pull made no progress for its deadline and was abandoned; nothing was changed.
  case remoteTimedOut(RemoteTimeout)
  /// An object of the attempt history (a commit, tree or blob reachable from the branch) is missing
  /// or corrupt: the branch is named, and `practice doctor` suggested.
  case damaged(branch: String, GitError)

  package var errorDescription: String? {
    switch self {
    case .repository(let path, let error):
      return "cannot open the workspace repository at \(path): \(error.localizedDescription)"
    case .git(let error):
      return "git: \(error.localizedDescription)"
    case .contention(let branch):
      return "could not update \(branch): other writers kept moving it; try again"
    case .nothingToPush:
      return "there are no attempts to push yet"
    case .diverged(let local, let remote):
      return "your attempts and the remote's have diverged (\(local) here, \(remote) there, with different latest "
        + "attempts); nothing was changed. Grade on one machine at a time, or keep each machine's history in its own "
        + "repository"
    case .invalidTrailerKey(let key):
      let shown = key.count > 80 ? String(key.prefix(79)) + "…" : key
      return "the attempt was not recorded: its trailer key \(String(reflecting: shown)) may only hold ASCII letters, "
        + "digits and '-' (at most \(AttemptMessage.maximumKeyLength)); a metric name must match [a-z0-9][a-z0-9-]*"
    case .remoteTimedOut(let timeout):
      return "\(timeout.description); nothing was changed here"
    case .damaged(let branch, let error):
      return "\(Self.shortName(branch)) is damaged: \(error.localizedDescription); run `practice doctor` (it names "
        + "the broken attempt; `practice doctor --repair` moves the branch back to the newest complete one)"
    }
  }

  /// The error for a libgit2 failure while reading or writing the attempts: ``damaged(branch:_:)``
  /// when an object is missing or corrupt, else ``git(_:)`` (or ``remoteTimedOut(_:)``).
  static func from(_ error: GitError, branch: String = AttemptStore.branch) -> HistoryError {
    if let timeout = error.timeout { return .remoteTimedOut(timeout) }
    return error.isDamagedObject ? .damaged(branch: branch, error) : .git(error)
  }

  /// `practice/attempts` for `refs/heads/practice/attempts`.
  package static func shortName(_ reference: String) -> String {
    reference.hasPrefix("refs/heads/") ? String(reference.dropFirst("refs/heads/".count)) : reference
  }
}
