import Foundation
import Git
import History
import TestSupport
import Testing

/// Push and pull against servers that never answer: they give up after their deadline without
/// progress, say what they waited for, and change nothing. No timing is asserted (machines are
/// noisy); the library's deadline is what makes each call return at all.
@Suite("A remote that never answers")
struct RemoteTimeoutTests {
  static let schemes = ["git", "http", "https"] + (Repository.supportsSSH ? ["ssh"] : [])

  /// A workspace with one attempt, and a stale fetched-attempts reference a pull must not touch.
  func workspace() throws -> (TemporaryDirectory, AttemptStore) {
    let directory = try TemporaryDirectory("practice-timeout")
    try git(["init", "-q", "-b", "main"], in: directory.url)
    let store = try AttemptStore(workspace: directory.url)
    _ = try store.record(
      AttemptRecord(
        exercise: "m/e", score: 1, maxScore: 10, status: "failed", summaryLines: [], extraTrailers: [],
        exerciseFolder: "Exercises/m/e", files: [TreeFile(path: "Exercises/m/e/A.swift", contents: Array("1\n".utf8))])
    ) { _ in Data("{}".utf8) }
    try git(["update-ref", "refs/practice/fetched-attempts", "practice/attempts"], in: directory.url)
    return (directory, store)
  }

  func references(_ directory: TemporaryDirectory) throws -> String {
    try git(["for-each-ref", "--format=%(refname) %(objectname)"], in: directory.url).stdout
  }

  func expectTimeout(_ wait: RemoteWait, port: Int, _ body: () throws -> Void) {
    let expected = RemoteTimeout(remote: "127.0.0.1:\(port)", deadline: .seconds(1), waitingFor: wait)
    #expect(throws: HistoryError.remoteTimedOut(expected)) { try body() }
  }

  @Test("pull from a server that accepts and stays silent", arguments: schemes)
  func pullSilent(scheme: String) throws {
    let listener = try SilentListener()
    let (directory, store) = try workspace()
    let before = try references(directory)
    expectTimeout(.references, port: listener.port) {
      _ = try store.pull(from: listener.url(scheme), timeout: .seconds(1))
    }
    #expect(try references(directory) == before)
  }

  @Test("push to a server that accepts and stays silent", arguments: schemes)
  func pushSilent(scheme: String) throws {
    let listener = try SilentListener()
    let (directory, store) = try workspace()
    let before = try references(directory)
    expectTimeout(.references, port: listener.port) {
      _ = try store.push(to: listener.url(scheme), timeout: .seconds(1))
    }
    #expect(try references(directory) == before)
  }

  @Test("pull and push to a server that never accepts the connection", arguments: ["git", "http"])
  func connectHang(scheme: String) throws {
    let listener = try SilentListener(accepting: false)
    let (directory, store) = try workspace()
    let before = try references(directory)
    expectTimeout(.connection, port: listener.port) {
      _ = try store.pull(from: listener.url(scheme), timeout: .seconds(1))
    }
    expectTimeout(.connection, port: listener.port) {
      _ = try store.push(to: listener.url(scheme), timeout: .seconds(1))
    }
    #expect(try references(directory) == before)
  }

  @Test("the message names the remote, the deadline and what was awaited")
  func message() {
    let timeout = RemoteTimeout(remote: "127.0.0.1:9", deadline: .milliseconds(1500), waitingFor: .references)
    #expect(
      HistoryError.remoteTimedOut(timeout).localizedDescription
        == "gave up on 127.0.0.1:9 after 1.5 s without an answer (waiting for the remote's list of references); "
        + "nothing was changed here")
    #expect(Repository.endpoint("https://me@example.org:8443/a/b.git") == "example.org:8443")
    #expect(Repository.endpoint("git@example.org:a/b.git") == "example.org")
    #expect(Repository.endpoint("/srv/backup.git") == "/srv/backup.git")
  }
}
