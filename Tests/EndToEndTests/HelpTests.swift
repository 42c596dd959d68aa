import Foundation
import TestSupport
import Testing

@Suite("Help, completions and man pages")
struct HelpTests {
  static let commands = [
    "status", "init", "list", "start", "grade", "hint", "solution", "log", "show", "diff", "rerun", "restore",
    "reset", "push", "pull", "verify", "watch", "report", "doctor",
  ]

  @Test("every command's --help has an example", arguments: commands)
  func example(_ command: String) throws {
    let help = try runCommand(EndToEndTests.binary, [command, "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("Example:"), "\(command) --help has no example")
  }

  @Test("every command's --help fits 80 columns", arguments: [""] + commands)
  func width(_ command: String) throws {
    let help = try runCommand(
      EndToEndTests.binary, (command.isEmpty ? [] : [command]) + ["--help"], environment: ["COLUMNS": "80"])
    #expect(help.status == 0)
    let wide = help.stdout.split(separator: "\n").filter { $0.count > 80 }
    #expect(wide.isEmpty, "practice \(command) --help: \(wide)")
  }

  @Test("every command has a man page in docs/man (regenerate with scripts/man)", arguments: commands)
  func manPage(_ command: String) {
    let page = repositoryRoot.appendingPathComponent("docs/man/practice-\(command).1")
    #expect(FileManager.default.fileExists(atPath: page.path), "docs/man/practice-\(command).1 is missing")
  }

  @Test("shell completion scripts are generated for bash, zsh and fish", arguments: ["bash", "zsh", "fish"])
  func completions(_ shell: String) throws {
    let script = try runCommand(EndToEndTests.binary, ["--generate-completion-script", shell])
    #expect(script.status == 0)
    #expect(script.stdout.contains("practice") && script.stdout.contains("grade"))
  }
}
