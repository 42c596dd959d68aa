import Foundation
import TestSupport
import Testing

/// `practice report` writes a self-contained page that a real browser renders.
@Suite("Progress report")
struct ReportTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// A course whose one exercise trains: it reports a loss curve and a metric.
  static let trainingChecks = """
    import PracticeChecks

    let checks = CheckSuite {
      Check("small", "2 + 3 = 5", points: 1) { try expectEqual(add(2, 3), 5) }
      Check("negative", "-2 + -3 = -5", points: 2) {
        var loss = 4.0
        for step in 1...100 {
          loss *= 0.97
          reportProgress(step: step, of: 100, ["loss": loss])
        }
        report("bits-per-char", loss / 2)
        try expectEqual(add(-2, -3), -5)
      }
    }
    """

  func makeReport() throws -> (TemporaryDirectory, CourseFixture, URL) {
    let course = try CourseFixture(checks: Self.trainingChecks)
    let parent = try TemporaryDirectory()
    let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"]
    let run = { (arguments: [String], directory: URL) in
      try runCommand(EndToEndTests.binary, arguments, in: directory, environment: environment)
    }
    try run(["init", "ws", "--course", course.root.path], parent.url)
    let workspace = parent.url.appendingPathComponent("ws")
    try run(["start"], workspace)
    try run(["grade"], workspace)
    try CourseFixture.defaultSolution.write(
      to: workspace.appendingPathComponent("Exercises/basics/add/Add.swift"), atomically: true, encoding: .utf8)
    try run(["grade"], workspace)
    let page = parent.url.appendingPathComponent("report.html")
    let result = try run(["report", "--output", page.path], workspace)
    #expect(result.status == 0, "\(result.stderr)")
    return (parent, course, page)
  }

  @Test("the page is self-contained and holds progress, scores, metrics and the training curve")
  func content() throws {
    let (parent, course, page) = try makeReport()
    _ = (parent, course)
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.contains("<script"), "no scripts")
    #expect(!html.contains("http://") && !html.contains("https://"), "nothing loaded from the network")
    #expect(html.contains("3/3 · 1 of 1 passed"))
    #expect(html.contains("score per attempt"))
    #expect(html.contains("bits-per-char per attempt"))
    #expect(html.contains("loss during negative (latest attempt)"))
    #expect(html.components(separatedBy: "<svg").count - 1 == 3)
  }

  @Test("headless Chromium renders it: not blank, no console errors", .enabled(if: chromium != nil))
  func browser() throws {
    let (parent, course, page) = try makeReport()
    _ = course
    let browser = try #require(Self.chromium)
    let screenshot = parent.url.appendingPathComponent("report.png")
    let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,900"]
    let shot = try runCommand(browser, flags + ["--screenshot=\(screenshot.path)", "file://\(page.path)"])
    #expect(FileManager.default.fileExists(atPath: screenshot.path), "no screenshot: \(shot.stderr)")
    let stats = try runCommand(
      "python3", [repositoryRoot.appendingPathComponent("scripts/lib/png-stats.py").path, screenshot.path])
    let fields = stats.stdout.split(separator: " ")
    #expect(fields.count == 3, "\(stats.stdout)\(stats.stderr)")
    if fields.count == 3 {
      #expect(fields[0] == "1200x900")
      #expect((Int(fields[1]) ?? 0) > 50, "too few colours for a rendered page: \(stats.stdout)")
      #expect((Double(fields[2].trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0.02, "the page looks blank")
    }
    // Console messages (errors included) appear in Chromium's log as CONSOLE lines.
    let dom = try runCommand(
      browser, flags + ["--enable-logging=stderr", "--v=0", "--dump-dom", "file://\(page.path)"])
    #expect(dom.stdout.contains("score per attempt"), "the DOM was not rendered")
    let console = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
    #expect(console.isEmpty, "console messages: \(console)")
  }
}
