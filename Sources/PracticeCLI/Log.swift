import ArgumentParser
import Foundation
import PracticeKit

struct Log: PracticeCommand {
  static let configuration = CommandConfiguration(
    abstract: "Your attempts, newest first, with score and date (from git).")

  @Argument(help: "Only the attempts of this exercise.")
  var exercise: String?

  @Flag(help: "Print a JSON array on stdout.")
  var json = false

  struct Entry: Encodable {
    var attempt: String
    var exercise: String
    var status: String
    var score: Double
    var maxScore: Double
    var date: Date
  }

  func execute(_ terminal: Terminal) throws {
    let workspace = try openWorkspace()
    let filter = try exercise.map { try workspace.exercise(named: $0) }
    let attempts = try workspace.attempts(of: filter)
    if json {
      try terminal.printJSON(
        attempts.map {
          Entry(
            attempt: $0.id, exercise: $0.exercise, status: $0.status, score: $0.score, maxScore: $0.maxScore,
            date: $0.date)
        })
      return
    }
    if attempts.isEmpty {
      terminal.print("No attempts yet. `practice grade` records one.")
      return
    }
    let width = attempts.map(\.exercise.count).max() ?? 20
    for attempt in attempts {
      let score = "\(points(attempt.score))/\(points(attempt.maxScore))"
      let status = attempt.status == "passed" ? terminal.styled(attempt.status, .green) : attempt.status
      terminal.print(
        terminal.styled(String(attempt.id.prefix(10)), .yellow) + "  \(shortDate(attempt.date))  "
          + "\(pad(attempt.exercise, width + 2))\(pad(score, 8))\(status)")
    }
  }
}
