import Foundation
import TestSupport
import Testing

/// The editor as a learner has it: `practice start` keeps compile_commands.json, and the
/// toolchain's real sourcekit-lsp, driven over stdio, knows the learner library and the learner's
/// earlier files. The workspace holds every exercise's reference solution, as a learner's files
/// after the whole course.
@Suite("Editor support with a real sourcekit-lsp", .serialized)
struct EditorTests {
  let binary = EndToEndTests.binary
  let environment = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"]

  /// A workspace with every reference solution in place, and compile_commands.json written by
  /// `practice start`. Returns the learner files (absolute paths, course order).
  func completedWorkspace(_ parent: TemporaryDirectory) throws -> (URL, [URL]) {
    let created = try runCommand(binary, ["init", "ws"], in: parent.url, environment: environment)
    try #require(created.status == 0, "\(created.stderr)")
    let workspace = parent.url.appendingPathComponent("ws")
    let curriculum = repositoryRoot.appendingPathComponent("Curriculum")
    var files: [URL] = []
    let fileManager = FileManager.default
    for module in try fileManager.contentsOfDirectory(atPath: curriculum.path).sorted() {
      let moduleFolder = curriculum.appendingPathComponent(module)
      guard fileManager.fileExists(atPath: moduleFolder.appendingPathComponent("module.json").path) else { continue }
      for exercise in try fileManager.contentsOfDirectory(atPath: moduleFolder.path).sorted() {
        let solution = moduleFolder.appendingPathComponent("\(exercise)/Solution")
        guard let names = try? fileManager.contentsOfDirectory(atPath: solution.path) else { continue }
        let target = workspace.appendingPathComponent("Exercises/\(module)/\(exercise)")
        try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
        for name in names.sorted() where name.hasSuffix(".swift") {
          try fileManager.copyItem(at: solution.appendingPathComponent(name), to: target.appendingPathComponent(name))
          files.append(target.appendingPathComponent(name))
        }
      }
    }
    let started = try runCommand(binary, ["start", "entropy"], in: workspace, environment: environment)
    try #require(started.status == 0, "\(started.stderr)")
    #expect(started.stdout.contains("compile_commands.json"), "\(started.stdout.suffix(400))")
    return (workspace, files)
  }

  struct Entry: Decodable {
    var directory: String
    var file: String
    var arguments: [String]
  }

  @Test("compile_commands.json: one entry per learner file, the grader's flags, the used exercises' files")
  func compileCommands() throws {
    let parent = try TemporaryDirectory()
    let (workspace, files) = try completedWorkspace(parent)
    let data = try Data(contentsOf: workspace.appendingPathComponent("compile_commands.json"))
    let entries = try JSONDecoder().decode([Entry].self, from: data)
    #expect(entries.map(\.file).sorted() == files.map(\.path).sorted())
    let byFile = Dictionary(entries.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    let sequence = try #require(
      byFile[workspace.appendingPathComponent("Exercises/lstm/rnn-sequence/RNNSequence.swift").path])
    #expect(sequence.arguments.contains(workspace.appendingPathComponent("Exercises/lstm/rnn-step/RNNStep.swift").path))
    for flag in ["-enable-testing", "-parse-as-library", "Submission"] {
      #expect(sequence.arguments.contains(flag))
    }
    let support = try #require(sequence.arguments.firstIndex(of: "-I").map { sequence.arguments[$0 + 1] })
    #expect(FileManager.default.fileExists(atPath: support + "/PracticeNumerics.swiftmodule"))
    #expect(FileManager.default.fileExists(atPath: support + "/PracticeChecks.swiftmodule"))
    // Written only when it changes; never committed.
    let again = try runCommand(binary, ["start", "entropy"], in: workspace, environment: environment)
    #expect(again.status == 0)
    #expect(try Data(contentsOf: workspace.appendingPathComponent("compile_commands.json")) == data)
    let ignored = try git(["check-ignore", "compile_commands.json"], in: workspace)
    #expect(ignored.status == 0, "compile_commands.json is not git-ignored")
  }

  @Test(
    "sourcekit-lsp: no errors in any learner file; a planted error, Tensor completion, definition in an earlier file")
  func languageServer() throws {
    let server = try #require(LanguageServerClient.serverPath(), "no sourcekit-lsp beside swiftc on PATH")
    let parent = try TemporaryDirectory()
    let (workspace, files) = try completedWorkspace(parent)
    let client = try LanguageServerClient(root: workspace, server: server, environment: environment)
    defer { client.close() }

    // Every learner file of the whole course: zero error diagnostics.
    var errors: [String] = []
    for file in files {
      try client.open(file)
      let found = try client.diagnostics(file).filter { $0.severity == 1 }
      errors += found.map { "\(file.path.replacingOccurrences(of: workspace.path + "/", with: "")): \($0)" }
      try client.closeDocument(file)
    }
    #expect(errors.isEmpty, "\(errors.prefix(20).joined(separator: "\n"))")

    // A planted type error in train-char-lstm's file is reported at its line.
    let lstm = workspace.appendingPathComponent("Exercises/lstm/train-char-lstm/CharLSTM.swift")
    let original = try String(contentsOf: lstm, encoding: .utf8)
    let plantedLine = original.split(separator: "\n", omittingEmptySubsequences: false).count
    let planted = original + "\nlet plantedError: Int = \"not a number\"\n"
    try client.open(lstm, text: planted)
    let reported = try client.diagnostics(lstm).filter { $0.severity == 1 }
    #expect(reported.contains { $0.line == plantedLine }, "planted at line \(plantedLine + 1): \(reported)")

    // Completion after `someTensor.` lists Tensor's members (from PracticeNumerics).
    let probe = original + "\nfunc completionProbe(someTensor: Tensor) {\n  _ = someTensor.\n}\n"
    try client.change(lstm, version: 2, text: probe)
    let probeLines = probe.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(probeLines.lastIndex { $0.hasSuffix("someTensor.") })
    let members = try client.completion(lstm, line: line, character: probeLines[line].utf16.count)
    for member in ["matmul", "shape", "transposed", "reshaped"] {
      #expect(members.contains { $0.hasPrefix(member) }, "no \(member) in \(members.prefix(30))")
    }
    try client.closeDocument(lstm)

    // Definition of an earlier exercise's function lands in the learner's own earlier file.
    let sequence = workspace.appendingPathComponent("Exercises/lstm/rnn-sequence/RNNSequence.swift")
    let text = try String(contentsOf: sequence, encoding: .utf8)
    try client.open(sequence, text: text)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let call = try #require(lines.firstIndex { $0.contains("rnnStepForward(") && !$0.contains("//") })
    let column = try #require(lines[call].range(of: "rnnStepForward")).lowerBound.utf16Offset(in: lines[call])
    let targets = try client.definition(sequence, line: call, character: column + 2)
    let earlier = workspace.appendingPathComponent("Exercises/lstm/rnn-step/RNNStep.swift").resolvingSymlinksInPath()
      .path
    #expect(
      targets.contains { URL(fileURLWithPath: $0.path).resolvingSymlinksInPath().path == earlier },
      "definition went to \(targets)")
  }
}
