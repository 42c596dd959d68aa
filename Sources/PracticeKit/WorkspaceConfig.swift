import Foundation

/// `.practice/workspace.json`: which course a workspace follows.
package struct WorkspaceConfig: Codable, Sendable, Equatable {
  package static let formatVersion = 1

  package struct CourseReference: Codable, Sendable, Equatable {
    package var id: String
    package var version: String
    /// Absolute path of the course root when the workspace was created.
    package var path: String
    /// True for the course that ships with practice: found again through the tool's home if the
    /// checkout moves.
    package var builtin: Bool
  }

  package var formatVersion: Int
  package var course: CourseReference
  package var created: Date
}

/// `.practice/progress.json`, stored with every attempt: best score per exercise, so the status is
/// read from one file whatever the number of attempts.
package struct ProgressSnapshot: Codable, Sendable, Equatable {
  package struct Entry: Codable, Sendable, Equatable {
    package var bestScore: Double
    package var maxScore: Double
    package var passed: Bool
    package var attempts: Int
    package var lastStatus: String
    package var lastScore: Double
    package var lastAttempt: Date
  }

  package var formatVersion = 1
  package var exercises: [String: Entry] = [:]

  package init() {}

  package mutating func add(exercise: String, score: Double, maxScore: Double, status: String, date: Date) {
    var entry =
      exercises[exercise]
      ?? Entry(
        bestScore: 0, maxScore: maxScore, passed: false, attempts: 0, lastStatus: status, lastScore: 0,
        lastAttempt: date)
    entry.attempts += 1
    entry.bestScore = max(entry.bestScore, score)
    entry.maxScore = maxScore
    entry.passed = entry.passed || status == "passed"
    entry.lastStatus = status
    entry.lastScore = score
    entry.lastAttempt = date
    exercises[exercise] = entry
  }
}

extension JSONEncoder {
  static var practice: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }
}

extension JSONDecoder {
  static var practice: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return decoder
  }
}
