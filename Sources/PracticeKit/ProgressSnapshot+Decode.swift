import Foundation
import History

extension ProgressSnapshot {
  /// Reads `.practice/progress.json`; one that does not parse is
  /// ``PracticeError/damagedProgress(_:)``, which names the file and suggests `practice doctor`.
  package static func decode(_ data: Data) throws(PracticeError) -> ProgressSnapshot {
    do {
      return try JSONDecoder.practice.decode(ProgressSnapshot.self, from: data)
    } catch let error as DecodingError {
      throw .damagedProgress(describe(error))
    } catch {
      throw .damagedProgress("\(error)")
    }
  }

  /// The snapshot of a history: every attempt's trailers, oldest first, added up as `grade` does.
  package static func rebuilt(from attempts: [AttemptSummary]) -> ProgressSnapshot {
    var snapshot = ProgressSnapshot()
    for attempt in attempts where !attempt.unreadable {
      snapshot.add(
        exercise: attempt.exercise, score: attempt.score, maxScore: attempt.maxScore, status: attempt.status,
        date: attempt.date)
    }
    return snapshot
  }

  /// A decoding error in a few words, with the JSON path (`$.exercises.m/e.bestScore`).
  static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      "$" + context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch error {
    case .dataCorrupted(let context):
      let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
      return context.codingPath.isEmpty
        ? "not JSON" + (underlying.map { ": \($0)" } ?? "") : "\(path(context)): \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "\(path(context)): the field \(key.stringValue) is missing"
    case .typeMismatch(let type, let context):
      return "\(path(context)): expected \(type)"
    case .valueNotFound(let type, let context):
      return "\(path(context)): expected \(type), found null"
    @unknown default:
      return "\(error)"
    }
  }
}
