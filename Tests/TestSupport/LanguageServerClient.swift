import Foundation

/// A small Language Server Protocol client for tests: starts the toolchain's `sourcekit-lsp` (the
/// one beside `swiftc` on PATH) over stdio, as VS Code's Swift extension or Neovim would, and
/// speaks JSON-RPC with `Content-Length` framing. Requests the server sends (progress tokens,
/// capability registration, configuration) are answered with `null`.
public final class LanguageServerClient: @unchecked Sendable {
  public typealias JSON = [String: Any]

  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let lock = NSCondition()
  private var buffer = Data()
  private var responses: [Int: JSON] = [:]
  private var notifications: [JSON] = []
  private var nextID = 1
  private var ended = false

  /// The `sourcekit-lsp` beside the `swiftc` first on PATH.
  public static func serverPath() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":") {
      let swiftc = "\(folder)/swiftc"
      guard FileManager.default.isExecutableFile(atPath: swiftc) else { continue }
      let resolved = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent()
      let server = resolved.appendingPathComponent("sourcekit-lsp").path
      return FileManager.default.isExecutableFile(atPath: server) ? server : nil
    }
    return nil
  }

  /// Starts the server for the workspace folder `root` and completes the `initialize` handshake.
  public init(root: URL, server: String, environment: [String: String] = [:]) throws {
    process.executableURL = URL(fileURLWithPath: server)
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.currentDirectoryURL = root
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    output.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      self?.received(data)
    }
    try process.run()
    let rootURI = root.absoluteURL.absoluteString
    _ = try request(
      "initialize",
      [
        "processId": Int(ProcessInfo.processInfo.processIdentifier),
        "rootUri": rootURI,
        "workspaceFolders": [["uri": rootURI, "name": root.lastPathComponent]],
        "capabilities": [
          "textDocument": [
            "diagnostic": ["dynamicRegistration": false],
            "publishDiagnostics": [:] as JSON,
            "completion": ["completionItem": ["snippetSupport": false]],
            "definition": [:] as JSON,
            "hover": ["contentFormat": ["plaintext"]],
          ] as JSON
        ] as JSON,
      ], seconds: 120)
    try notify("initialized", [:])
  }

  deinit {
    output.fileHandleForReading.readabilityHandler = nil
    if process.isRunning { process.terminate() }
  }

  /// Sends `shutdown` and `exit`, and waits for the server to end.
  public func close() {
    _ = try? request("shutdown", nil, seconds: 30)
    try? notify("exit", nil)
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning { process.terminate() }
  }

  /// Sends a request and returns its `result` (throws on an error response or after `seconds`).
  public func request(_ method: String, _ params: Any?, seconds: Double = 300) throws -> Any? {
    lock.lock()
    let id = nextID
    nextID += 1
    lock.unlock()
    var message: JSON = ["jsonrpc": "2.0", "id": id, "method": method]
    if let params { message["params"] = params }
    try send(message)
    let deadline = Date().addingTimeInterval(seconds)
    lock.lock()
    defer { lock.unlock() }
    while responses[id] == nil {
      if ended { throw LanguageServerError("sourcekit-lsp ended while waiting for \(method)") }
      if !lock.wait(until: deadline) { throw LanguageServerError("no answer to \(method) in \(Int(seconds)) s") }
    }
    let response = responses.removeValue(forKey: id) ?? [:]
    if let error = response["error"] { throw LanguageServerError("\(method) failed: \(error)") }
    return response["result"]
  }

  public func notify(_ method: String, _ params: Any?) throws {
    var message: JSON = ["jsonrpc": "2.0", "method": method]
    if let params { message["params"] = params }
    try send(message)
  }

  /// Opens a document with `text` (from disk when nil).
  public func open(_ file: URL, text: String? = nil) throws {
    let contents = try text ?? String(contentsOf: file, encoding: .utf8)
    try notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": file.absoluteURL.absoluteString, "languageId": "swift", "version": 1, "text": contents]])
  }

  /// Replaces an open document's whole text.
  public func change(_ file: URL, version: Int, text: String) throws {
    try notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": file.absoluteURL.absoluteString, "version": version],
        "contentChanges": [["text": text]],
      ])
  }

  public func closeDocument(_ file: URL) throws {
    try notify("textDocument/didClose", ["textDocument": ["uri": file.absoluteURL.absoluteString]])
  }

  /// One diagnostic: 0-based line, severity (1 error, 2 warning), message.
  public struct Diagnostic: CustomStringConvertible, Sendable {
    public var line: Int
    public var severity: Int
    public var message: String
    public var description: String {
      "line \(line + 1) [\(severity == 1 ? "error" : "severity \(severity)")]: \(message)"
    }
  }

  /// The document's diagnostics, pulled (`textDocument/diagnostic`).
  public func diagnostics(_ file: URL) throws -> [Diagnostic] {
    let result = try request("textDocument/diagnostic", ["textDocument": ["uri": file.absoluteURL.absoluteString]])
    let items = (result as? JSON)?["items"] as? [JSON] ?? []
    return items.map { item in
      let range = item["range"] as? JSON
      let start = range?["start"] as? JSON
      return Diagnostic(
        line: start?["line"] as? Int ?? -1, severity: item["severity"] as? Int ?? 1,
        message: item["message"] as? String ?? "")
    }
  }

  /// The labels of the completion items at a 0-based line and character.
  public func completion(_ file: URL, line: Int, character: Int) throws -> [String] {
    let result = try request(
      "textDocument/completion",
      [
        "textDocument": ["uri": file.absoluteURL.absoluteString],
        "position": ["line": line, "character": character],
      ])
    let items = (result as? JSON)?["items"] as? [JSON] ?? (result as? [JSON]) ?? []
    return items.compactMap { ($0["filterText"] as? String) ?? ($0["label"] as? String) }
  }

  /// Where the symbol at a 0-based line and character is defined: (file path, 0-based line).
  public func definition(_ file: URL, line: Int, character: Int) throws -> [(path: String, line: Int)] {
    let result = try request(
      "textDocument/definition",
      [
        "textDocument": ["uri": file.absoluteURL.absoluteString],
        "position": ["line": line, "character": character],
      ])
    let locations = (result as? [JSON]) ?? ((result as? JSON).map { [$0] } ?? [])
    return locations.compactMap { location in
      guard let uri = (location["uri"] ?? location["targetUri"]) as? String, let url = URL(string: uri) else {
        return nil
      }
      let range = (location["range"] ?? location["targetSelectionRange"]) as? JSON
      return (url.path, (range?["start"] as? JSON)?["line"] as? Int ?? -1)
    }
  }

  private func send(_ message: JSON) throws {
    let body = try JSONSerialization.data(withJSONObject: message)
    let header = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
    input.fileHandleForWriting.write(header + body)
  }

  private func received(_ data: Data) {
    lock.lock()
    defer {
      lock.broadcast()
      lock.unlock()
    }
    if data.isEmpty {
      ended = true
      return
    }
    buffer.append(data)
    while let separator = buffer.range(of: Data("\r\n\r\n".utf8)) {
      let header = String(decoding: buffer[buffer.startIndex..<separator.lowerBound], as: UTF8.self)
      let length =
        header.split(separator: "\r\n").compactMap { line -> Int? in
          let parts = line.split(separator: ":", maxSplits: 1)
          guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
          return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
      guard buffer.count - buffer.distance(from: buffer.startIndex, to: separator.upperBound) >= length else { return }
      let bodyStart = separator.upperBound
      let bodyEnd = buffer.index(bodyStart, offsetBy: length)
      let body = buffer[bodyStart..<bodyEnd]
      buffer = Data(buffer[bodyEnd...])
      guard let message = (try? JSONSerialization.jsonObject(with: body)) as? JSON else { continue }
      if let id = message["id"] as? Int, message["method"] == nil {
        responses[id] = message
      } else if let id = message["id"], message["method"] != nil {
        // A request from the server: answer it so it never waits on us.
        if let reply = try? JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": id, "result": NSNull()]) {
          input.fileHandleForWriting.write(Data("Content-Length: \(reply.count)\r\n\r\n".utf8) + reply)
        }
      } else {
        notifications.append(message)
      }
    }
  }
}

public struct LanguageServerError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
