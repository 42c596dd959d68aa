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
    }
  }
}
