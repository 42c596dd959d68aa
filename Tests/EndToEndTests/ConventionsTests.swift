import Foundation
import TestSupport
import Testing

/// Command-line conventions through the built binary: an unknown command, exit statuses as each
/// command's help and man page state them, shell completion of exercise and attempt names, and
/// `scripts/practice --install-man`.
@Suite("Conventions: unknown commands, exit statuses, completions, man pages")
struct ConventionsTests {
  @discardableResult
  func practice(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
    -> CommandResult
  {
    var env = ["XDG_CACHE_HOME": sharedTestCache.path, "NO_COLOR": "1"]
    env.merge(environment) { $1 }
    return try runCommand(EndToEndTests.binary, arguments, in: directory, environment: env)
  }

  /// A workspace on the tiny course (one exercise, basics/add) with the exercise started.
  func tinyWorkspace(_ fixture: CourseFixture, in parent: TemporaryDirectory, name: String = "ws") throws -> URL {
    let created = try practice(["init", name, "--course", fixture.root.path], in: parent.url)
    #expect(created.status == 0, "\(created.stderr)")
    let workspace = parent.url.appendingPathComponent(name)
    try practice(["start", "basics/add"], in: workspace)
    return workspace
  }

  func solve(_ workspace: URL) throws {
    try CourseFixture.defaultSolution.write(
      to: workspace.appendingPathComponent("Exercises/basics/add/Add.swift"), atomically: true, encoding: .utf8)
  }

  // MARK: Unknown commands

  @Test("an unknown command is named, with the commands and the closest one, exit 2")
  func unknownCommand() throws {
    let folder = try TemporaryDirectory()
    let result = try practice(["frobnicate"], in: folder.url)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("unknown command 'frobnicate'"), "\(result.stderr)")
    #expect(!result.stderr.contains("practice status"), "not parsed as an argument of status: \(result.stderr)")
    for command in HelpTests.commands {
      #expect(result.stderr.contains(command), "\(command) is not listed: \(result.stderr)")
    }
    #expect(result.stderr.contains("Did you mean 'practice "))
    #expect(result.stderr.split(separator: "\n").allSatisfy { $0.count <= 80 })

    let typo = try practice(["gradr"], in: folder.url)
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("unknown command 'gradr'") && typo.stderr.contains("Did you mean 'practice grade'?"))
    let typo2 = try practice(["docter", "--repair"], in: folder.url)
    #expect(typo2.status == 2 && typo2.stderr.contains("Did you mean 'practice doctor'?"), "\(typo2.stderr)")

    // `practice` alone is still `practice status` (here: not a workspace, a setup error).
    let bare = try practice([], in: folder.url)
    #expect(bare.status == 2 && bare.stderr.contains("not inside a practice workspace"), "\(bare.stderr)")
    // Real commands, help and options still parse.
    #expect(try practice(["help", "grade"], in: folder.url).stdout.contains("USAGE: practice grade"))
    #expect(try practice(["--version"], in: folder.url).status == 0)
  }

  // MARK: Exit statuses

  /// The codes in the "Exit status:" paragraph of `practice COMMAND --help`, with their meanings.
  func statedExitStatuses(_ command: String) throws -> [String: String] {
    let help = try runCommand(EndToEndTests.binary, [command, "--help"])
    let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: "Exit status:") else { return [:] }
    var codes: [String: String] = [:]
    for line in lines[(start + 1)...] {
      let fields = line.split(separator: " ", maxSplits: 1)
      guard line.hasPrefix("  "), fields.count == 2, Int(fields[0]) != nil else { break }
      codes[String(fields[0])] = fields[1].trimmingCharacters(in: .whitespaces)
    }
    return codes
  }

  @Test("every command's help states its exit statuses, and its man page the same in EXIT STATUS")
  func statedEverywhere() throws {
    for command in HelpTests.commands {
      let stated = try statedExitStatuses(command)
      #expect(stated["0"] != nil && stated["2"] != nil, "\(command) --help: \(stated)")
      let page = try String(
        contentsOf: repositoryRoot.appendingPathComponent("docs/man/practice-\(command).1"), encoding: .utf8)
      let section = page.components(separatedBy: ".Sh \"EXIT STATUS\"").last ?? ""
      let inPage = section.split(separator: "\n").filter { $0.hasPrefix(".It ") }.map { String($0.dropFirst(4)) }
      #expect(Set(inPage) == Set(stated.keys), "docs/man/practice-\(command).1 (rerun scripts/man): \(inPage)")
      #expect(!page.contains(".Ex -std"), "\(command)'s man page has the generic exit status")
    }
  }

  /// Runs a command and checks it exits with `expected`, which its help states with a meaning
  /// containing `meaning`.
  func expectStatus(
    _ result: CommandResult, _ command: String, _ expected: Int32, _ meaning: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    #expect(result.status == expected, "\(command): \(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
    let stated = try statedExitStatuses(command)
    let said = try #require(stated["\(expected)"], "\(command) --help does not state \(expected)")
    #expect(said.contains(meaning), "\(command) --help says \(expected) is \"\(said)\"", sourceLocation: sourceLocation)
  }

  @Test("the statuses commands exit with are the ones their help states")
  func realStatuses() throws {
    let fixture = try CourseFixture()
    let parent = try TemporaryDirectory()
    let workspace = try tinyWorkspace(fixture, in: parent)

    try expectStatus(try practice(["grade"], in: workspace), "grade", 1, "not passed")
    try expectStatus(try practice(["grade", "nope"], in: workspace), "grade", 2, "usage or setup error")
    try expectStatus(try practice(["grade", "--bogus"], in: workspace), "grade", 2, "usage")
    try expectStatus(try practice(["list", "a", "b"], in: workspace), "list", 2, "usage")
    try solve(workspace)
    try expectStatus(try practice(["grade"], in: workspace), "grade", 0, "every check passed")
    try expectStatus(try practice(["rerun", "last"], in: workspace), "rerun", 0, "reproduced")
    try expectStatus(try practice(["show", "add~5"], in: workspace), "show", 2, "usage or setup error")
    // doctor looks at the cache too: its own, so what other tests left in the shared one (a killed
    // run's staging folders) cannot change the answer.
    let doctorCache = try TemporaryDirectory("doctor-cache")
    let ownCache = ["XDG_CACHE_HOME": doctorCache.url.path]
    try expectStatus(try practice(["doctor"], in: workspace, environment: ownCache), "doctor", 0, "healthy")

    // push: refused by a remote that has attempts this workspace does not (1); pull: diverged (2).
    let remote = parent.url.appendingPathComponent("remote.git")
    try git(["init", "-q", "--bare", remote.path], in: parent.url)
    try expectStatus(try practice(["push", remote.path], in: workspace), "push", 0, "pushed")
    let other = try tinyWorkspace(fixture, in: parent, name: "other")
    try practice(["grade"], in: other)
    try expectStatus(try practice(["push", remote.path], in: other), "push", 1, "refused")
    try expectStatus(try practice(["pull", remote.path], in: other), "pull", 2, "diverged")
    try expectStatus(try practice(["pull", remote.path], in: workspace), "pull", 0, "nothing to bring")

    try "{ broken".write(
      to: workspace.appendingPathComponent(".practice/workspace.json"), atomically: true, encoding: .utf8)
    try expectStatus(try practice(["doctor"], in: workspace, environment: ownCache), "doctor", 1, "problems remain")

    let outside = try TemporaryDirectory()
    for command in ["status", "list", "log", "show", "start", "hint", "report"] {
      try expectStatus(try practice([command], in: outside.url), command, 2, "not in a workspace")
    }

    try expectStatus(
      try practice(["verify", "--course", fixture.root.path], in: outside.url), "verify", 0, "every solution")
    let broken = try CourseFixture(solution: "func add(_ a: Int, _ b: Int) -> Int { 0 }\n")
    try expectStatus(
      try practice(["verify", "--course", broken.root.path], in: outside.url), "verify", 1, "a finding failed")
  }

  // MARK: Completions

  /// What `practice ---completion` (the entry point the generated scripts call) offers for the
  /// first positional argument of `command` with `word` typed so far.
  func complete(_ command: String, _ word: String, in directory: URL) throws -> [String] {
    let result = try practice(
      ["---completion", command, "--", "positional@0", "2", "\(word.count)", "practice", command, word],
      in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    return result.stdout.split(separator: "\n").map(String.init)
  }

  @Test("exercise and attempt names complete inside a workspace, nothing (and no error) outside")
  func completions() throws {
    let parent = try TemporaryDirectory()
    try practice(["init", "ws"], in: parent.url)
    let workspace = parent.url.appendingPathComponent("ws")
    let folder = workspace.appendingPathComponent("Exercises")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

    for command in ["grade", "start", "hint", "solution", "reset", "watch", "log"] {
      let offered = try complete(command, "entr", in: folder)
      #expect(offered.contains("entropy") && offered.contains("entropy-ladder"), "\(command): \(offered)")
      #expect(offered.allSatisfy { $0.hasPrefix("entr") }, "\(command): \(offered)")
    }
    let keys = try complete("grade", "information-theory/", in: workspace)
    #expect(keys.contains("information-theory/entropy") && keys.contains("information-theory/kl-divergence"))
    #expect(try complete("grade", "", in: workspace).count > 40)
    #expect(try complete("verify", "lst", in: workspace).contains("lstm"))

    // Attempts: none yet, then `last`, the exercise and EXERCISE~N.
    #expect(try complete("show", "", in: workspace).isEmpty)
    try practice(["start", "entropy"], in: workspace)
    try practice(["grade"], in: workspace)
    try practice(["grade"], in: workspace)
    let attempts = try complete("show", "", in: workspace)
    #expect(attempts == ["last", "entropy"], "\(attempts)")
    #expect(try complete("show", "entropy~", in: workspace) == ["entropy~1"])
    let tip = try git(["rev-parse", "practice/attempts"], in: workspace).stdout.prefix(4)
    #expect(try complete("rerun", String(tip), in: workspace).contains { $0.hasPrefix(tip) })
    for command in ["diff", "rerun", "restore"] {
      #expect(try complete(command, "l", in: workspace) == ["last"], "\(command)")
    }

    let outside = try TemporaryDirectory()
    #expect(try complete("grade", "", in: outside.url).isEmpty)
    #expect(try complete("show", "", in: outside.url).isEmpty)
  }

  @Test("the generated bash completion script completes exercise and attempt names")
  func bashScript() throws {
    let parent = try TemporaryDirectory()
    try practice(["init", "ws"], in: parent.url)
    let workspace = parent.url.appendingPathComponent("ws")
    let script = try practice(["--generate-completion-script", "bash"], in: parent.url)
    try script.stdout.write(to: parent.url.appendingPathComponent("practice.bash"), atomically: true, encoding: .utf8)
    // Bash fills COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT and calls the function that
    // `complete -F` registered; this does the same, with the binary's path as the command word.
    func bash(_ words: [String]) throws -> [String] {
      let line = ([EndToEndTests.binary] + words).joined(separator: " ")
      let quoted = ([EndToEndTests.binary] + words).map { "'\($0)'" }.joined(separator: " ")
      let driver = """
        source '\(parent.url.appendingPathComponent("practice.bash").path)'
        function=$(complete -p practice | sed -E 's/.*-F ([^ ]+).*/\\1/')
        COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
        "$function" 2>/dev/null
        printf '%s\\n' "${COMPREPLY[@]}"
        """
      let result = try runCommand(
        "bash", ["--norc", "-c", driver], in: workspace,
        environment: ["XDG_CACHE_HOME": sharedTestCache.path])
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout.split(separator: "\n").map(String.init)
    }
    let exercises = try bash(["grade", "kl-"])
    #expect(exercises == ["kl-divergence"], "\(exercises)")
    #expect(
      try bash(["start", "information-theory/entr"]) == [
        "information-theory/entropy", "information-theory/entropy-ladder",
      ])
    try practice(["start", "entropy"], in: workspace)
    try practice(["grade"], in: workspace)
    #expect(try bash(["show", "la"]) == ["last"])
  }

  // MARK: Man pages

  @Test("scripts/practice --install-man installs every page under HOME, again without harm, and man finds it")
  func installMan() throws {
    let home = try TemporaryDirectory("practice-home")
    let script = repositoryRoot.appendingPathComponent("scripts/practice").path
    let environment = ["HOME": home.url.path, "XDG_DATA_HOME": ""]
    let first = try runCommand(script, ["--install-man"], environment: environment)
    #expect(first.status == 0, "\(first.stderr)")
    let folder = home.url.appendingPathComponent(".local/share/man/man1")
    #expect(first.stdout.contains(folder.path), "says where: \(first.stdout)")
    let pages = try FileManager.default.contentsOfDirectory(
      atPath: repositoryRoot.appendingPathComponent("docs/man").path)
    #expect(pages.contains("practice-grade.1") && pages.count == HelpTests.commands.count + 2)
    for page in pages {
      let installed = try Data(contentsOf: folder.appendingPathComponent(page))
      #expect(installed == (try Data(contentsOf: repositoryRoot.appendingPathComponent("docs/man/\(page)"))), "\(page)")
    }
    let second = try runCommand(script, ["--install-man"], environment: environment)
    #expect(second.status == 0 && second.stdout == first.stdout, "\(second.stdout)\(second.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == pages.sorted())

    if FileManager.default.isExecutableFile(atPath: "/usr/bin/man") {
      let found = try runCommand(
        "man", ["-w", "practice-grade"],
        environment: ["HOME": home.url.path, "MANPATH": home.url.appendingPathComponent(".local/share/man").path + ":"])
      #expect(found.stdout.trimmingCharacters(in: .newlines) == folder.appendingPathComponent("practice-grade.1").path)
      // The message's advice, when man does not search the folder, is that MANPATH.
      #expect(first.stdout.contains("man practice-grade") || first.stdout.contains("export MANPATH="))
    }
  }
}
