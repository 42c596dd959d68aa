import Foundation
import Git

/// Errors of the attempt history.
package enum HistoryError: Error, LocalizedError {
  case repository(String, GitError)
  case git(GitError)
  case contention(String)

  package var errorDescription: String? {
    switch self {
    case .repository(let path, let error):
      return "cannot open the workspace repository at \(path): \(error.localizedDescription)"
    case .git(let error):
      return "git: \(error.localizedDescription)"
    case .contention(let branch):
      return "could not update \(branch): other writers kept moving it; try again"
    }
  }
}
