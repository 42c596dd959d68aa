import Foundation
import TestSupport
import Testing

/// docs/json.md against the real `--json` output: every example parses, carries an integer
/// `formatVersion`, and has exactly the keys (at every level) of its command's output from a test
/// workspace, except keys the document marks optional.
@Suite("--json documents match docs/json.md")
struct JSONFormatTests {
  /// Maps whose keys are names (of metrics, trailers, files), not part of the format.
  static let maps: Set<String> = ["metrics", "curves", "curveLabels", "trailers", "files"]

  /// Keys that may be absent from a document (docs/json.md marks each *optional*), as key paths.
  static let optional: [String: Set<String>] = [
    "grade": [
      ".checks[].hint", ".checks[].curves", ".checks[].curveLabels", ".checks[].details", ".checks[].shown",
      ".compilerOutput", ".errorMessage",
    ],
    "log": [".attempts[].subject"],
    "show": [
      ".results", ".results.checks[].hint", ".results.checks[].curves", ".results.checks[].curveLabels",
      ".results.checks[].details", ".results.checks[].shown",
      ".results.compilerOutput",
      ".results.errorMessage",
    ],
    "list": [],
    "doctor": [".problems[].repaired"],
  ]

  static let document = repositoryRoot.appendingPathComponent("docs/json.md")

  /// The first ```json block after each "## `practice COMMAND" heading, by command.
  static func examples() throws -> [String: String] {
    let lines = try String(contentsOf: document, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    var examples: [String: String] = [:]
    var command: String?
    var block: [Substring]?
    for line in lines {
      if line.hasPrefix("## `practice ") {
        command = line.dropFirst("## `practice ".count).split(separator: " ").first.map(String.init)
      } else if line == "```json", command != nil {
        block = []
      } else if line == "```", let lines = block, let name = command {
        examples[name] = lines.joined(separator: "\n")
        block = nil
        command = nil
      } else if block != nil {
        block?.append(line)
      }
    }
    return examples
  }

  /// Every key path in `value`: `.checks[].id` for the key `id` of an object in the array `checks`.
  static func keyPaths(_ value: Any, _ path: String = "", into paths: inout Set<String>) {
    if let object = value as? [String: Any] {
      for (key, child) in object {
        paths.insert(path + "." + key)
        if !maps.contains(key) { keyPaths(child, path + "." + key, into: &paths) }
      }
    } else if let array = value as? [Any] {
      for element in array { keyPaths(element, path + "[]", into: &paths) }
    }
  }

  static func parse(_ text: String, _ what: String) throws -> [String: Any] {
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(parsed as? [String: Any], "\(what) is not a JSON object")
  }

  @discardableResult
  func practice(_ arguments: [String], in directory: URL, cache: URL = sharedTestCache) throws -> CommandResult {
    try runCommand(
      EndToEndTests.binary, arguments, in: directory, environment: ["XDG_CACHE_HOME": cache.path, "NO_COLOR": "1"])
  }

  @Test("every example in docs/json.md matches the real output of its command")
  func examplesMatchOutput() throws {
    let examples = try Self.examples()
    #expect(Set(examples.keys) == Set(Self.optional.keys), "commands with an example: \(examples.keys.sorted())")

    // The real documents, from a workspace on the tiny course.
    let fixture = try CourseFixture()
    let parent = try TemporaryDirectory()
    try practice(["init", "ws", "--course", fixture.root.path], in: parent.url)
    let workspace = parent.url.appendingPathComponent("ws")
    try practice(["start", "basics/add"], in: workspace)
    var outputs: [String: CommandResult] = [:]
    outputs["grade"] = try practice(["grade", "--json"], in: workspace)
    outputs["log"] = try practice(["log", "--json"], in: workspace)
    outputs["show"] = try practice(["show", "last", "--json"], in: workspace)
    outputs["list"] = try practice(["list", "--json"], in: workspace)
    // A damaged cache entry, repaired: a problem with every key.
    let cache = try TemporaryDirectory("practice-cache")
    try cache.write("not the program\n", to: "practice/programs/0123abcd/program")
    try cache.write("00000000000000000000000000000000 3 program\n", to: "practice/programs/0123abcd/entry.digest")
    outputs["doctor"] = try practice(["doctor", "--repair", "--json"], in: workspace, cache: cache.url)
    #expect(outputs["grade"]?.status == 1)

    let documentation = try String(contentsOf: Self.document, encoding: .utf8)
    for (command, optional) in Self.optional.sorted(by: { $0.key < $1.key }) {
      let example = try Self.parse(try #require(examples[command]), "the \(command) example in docs/json.md")
      let output = try #require(outputs[command])
      #expect(output.stderr.isEmpty, "\(command): \(output.stderr)")
      let real = try Self.parse(output.stdout, "practice \(command) --json")
      #expect(example["formatVersion"] as? Int == 1, "\(command) example")
      #expect(real["formatVersion"] as? Int == 1, "\(command) output")

      var documented = Set<String>()
      var printed = Set<String>()
      Self.keyPaths(example, into: &documented)
      Self.keyPaths(real, into: &printed)
      #expect(printed.subtracting(documented).isEmpty, "\(command): undocumented \(printed.subtracting(documented))")
      let absent = documented.subtracting(printed).filter { path in
        !optional.contains { path == $0 || path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[]") }
      }
      #expect(absent.isEmpty, "\(command): documented but not printed \(absent)")
      for path in optional {
        let name = String(path.split(separator: ".").last ?? "").replacingOccurrences(of: "[]", with: "")
        #expect(
          documentation.split(separator: "\n").contains { $0.contains("\(name)`") && $0.contains("*optional*") },
          "docs/json.md does not mark \(name) optional")
      }
    }
  }

  @Test("every command that takes --json has an example in docs/json.md")
  func everyJSONCommandDocumented() throws {
    let examples = try Self.examples()
    for command in HelpTests.commands {
      let help = try runCommand(EndToEndTests.binary, [command, "--help"]).stdout
      if help.contains("--json") {
        #expect(examples[command] != nil, "practice \(command) --json has no example in docs/json.md")
      }
    }
  }

  @Test("the key paths of a document, with maps opaque (the comparison can fail)")
  func keyPathsOfADocument() throws {
    var paths = Set<String>()
    Self.keyPaths(
      try Self.parse(#"{"a": 1, "b": [{"c": 2}, {"d": 3}], "metrics": {"x": 1}}"#, "sample"), into: &paths)
    #expect(paths == [".a", ".b", ".b[].c", ".b[].d", ".metrics"])
  }
}
