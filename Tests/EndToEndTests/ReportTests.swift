import Foundation
import TestSupport
import Testing

/// `practice report` writes a self-contained page that a real browser renders.
@Suite("Progress report")
struct ReportTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// A course whose one exercise trains: it reports a labelled loss curve of 1000 steps (more
  /// updates than a curve keeps), a metric, and its excess over an optimum.
  static let trainingChecks = """
    import PracticeChecks

    let checks = CheckSuite {
      Check("small", "2 + 3 = 5", points: 1) { try expectEqual(add(2, 3), 5) }
      Check("negative", "-2 + -3 = -5", points: 2) {
        var loss = 4.0
        for step in 1...1000 {
          loss *= 0.997
          reportProgress("training a toy", step: step, of: 1000, .trainingLoss(bits: loss, per: "char"))
        }
        report("bits-per-char", loss / 2)
        report("excess-bits", 0.0226)
        try expectEqual(add(-2, -3), -5)
      }
    }
    """

  /// The workspace's folder, the course, the page, and the last grade's `--json`.
  func makeReport() throws -> (TemporaryDirectory, CourseFixture, URL, String) {
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
    let graded = try run(["grade", "--json"], workspace)
    let page = parent.url.appendingPathComponent("report.html")
    let result = try run(["report", "--output", page.path], workspace)
    #expect(result.status == 0, "\(result.stderr)")
    return (parent, course, page, graded.stdout)
  }

  @Test("the page is self-contained and holds progress, scores, metrics and the training curve")
  func content() throws {
    let (parent, course, page, json) = try makeReport()
    _ = (parent, course)
    let html = try String(contentsOf: page, encoding: .utf8)
    // The stored curve is downsampled over the whole run: it ends at the last step.
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "not JSON: \(json)")
    let checks = try #require(document["checks"] as? [[String: Any]])
    let negative = try #require(checks.first { $0["id"] as? String == "negative" })
    let curve = try #require((negative["curves"] as? [String: [[Double]]])?["training-loss"])
    #expect(
      curve.count <= 500 && curve.first?[0] == 1 && curve.last?[0] == 1000, "\(curve.prefix(3)) … \(curve.suffix(3))")
    #expect((negative["curveLabels"] as? [String: String])?["training-loss"] == "training loss, last batch, bits/char")
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.contains("<script"), "no scripts")
    #expect(!html.contains("http://") && !html.contains("https://"), "nothing loaded from the network")
    #expect(html.contains("3/3 · 1 of 1 passed"))
    #expect(html.contains("score per attempt"))
    #expect(html.contains("bits-per-char per attempt"))
    #expect(html.contains("training loss, last batch, bits/char during negative (latest attempt)"))
    #expect(html.contains("step 1000</text>"), "the curve's axis reaches the last step")
    #expect(html.contains("Distance from the optimum"))
    #expect(html.contains("basics/add</text>") && html.contains("0.0226 bits"), "the excess chart has the exercise")
    // Score, two metrics per attempt (bits-per-char, excess-bits), the curve, the excess chart.
    #expect(html.components(separatedBy: "<svg").count - 1 == 5)
  }

  @Test("headless Chromium renders it: not blank, no console errors", .enabled(if: chromium != nil))
  func browser() throws {
    let (parent, course, page, _) = try makeReport()
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
    #expect(dom.stdout.contains("excess bits over the optimum"), "the excess chart was not rendered")
    #expect(dom.stdout.contains("<rect class=\"bar-best\""), "the excess chart has its bar")
    let console = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
    #expect(console.isEmpty, "console messages: \(console)")
  }
}
