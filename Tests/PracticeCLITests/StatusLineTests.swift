import Foundation
import PracticeKit
import Testing

@testable import PracticeCLI

@Suite("Home screen and watch lines fit the width")
struct StatusLineTests {
  @Test("the Current line shortens a long title with … to fit 80 columns, and leaves a short one whole")
  func currentLine() {
    let title = "Train a character-level LSTM language model on the course corpus and beat the bar"
    let line = Status.currentLine(key: "lstm/train-char-lstm", title: title, state: "best 8/10", width: 80)
    #expect(displayWidth(line) <= 80, "\(line)")
    #expect(line.hasPrefix("Current:      lstm/train-char-lstm — Train a character-level"))
    #expect(line.hasSuffix("… (best 8/10)"), "\(line)")
    let short = Status.currentLine(key: "basics/add", title: "Add two numbers", state: "started", width: 80)
    #expect(short == "Current:      basics/add — Add two numbers (started)")
  }

  @Test("fit cuts plain text to the width with …")
  func fitText() {
    #expect(fit("abcdef", 4) == "abc…")
    #expect(fit("abc", 4) == "abc")
    #expect(displayWidth(fit(String(repeating: "─", count: 100), 79)) == 79)
  }
}
