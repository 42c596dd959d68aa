#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// Runs a `CheckSuite` inside the learner's program and reports to the grader.
///
/// The grader starts the program with a pipe on descriptor 3 and a random nonce to read from
/// descriptor 4 (a pipe, closed once read, so the nonce is not left in the environment or in
/// `/proc/self/environ`). Every result line is written to descriptor 3 as `<nonce> <kind> <payload>`, never on
/// stdout, so nothing the learner prints can look like a result. Kinds, in order:
/// `manifest <json array>`, then per check `begin <id>` and `result <json>`, then `end`.
/// A run without `end` did not finish, and the grader never counts it as a pass.
///
/// Run without the grader (nothing on descriptor 4), the program prints a readable report instead.
public enum Harness {
  nonisolated(unsafe) static var metrics: [(String, Double)] = []
  nonisolated(unsafe) static var details: [MetricDetails] = []
  nonisolated(unsafe) static var shown: [ShownText] = []
  nonisolated(unsafe) static var channel: Int32 = -1
  nonisolated(unsafe) static var nonce = ""

  nonisolated(unsafe) static var started = false

  /// The entry point of a graded program (the generated `main.swift` calls it). A second call in
  /// the same process (code under test calling it again) is refused: the run fails.
  public static func main(_ suite: CheckSuite) -> Never {
    if started {
      emit("error", JSON.string("the harness was started a second time (by the code under test?); the run is void"))
      exit(70)
    }
    started = true
    let environment = Environment()
    applyLimits(environment)
    setvbuf(stdout, nil, _IOLBF, 0)
    if let given = environment.nonce {
      nonce = given
      channel = 3
    }
    let checks = suite.checks
    emit("manifest", manifestJSON(checks))
    let problems = suite.problems
    if !problems.isEmpty {
      emit("error", JSON.string("the check suite is invalid: " + problems.joined(separator: "; ")))
      exit(0)
    }
    var notPassed = environment.failed
    for index in checks.indices where index >= environment.start {
      let check = checks[index]
      metrics = []
      details = []
      shown = []
      if let blocker = check.dependsOn.first(where: { notPassed.contains($0) }) {
        notPassed.insert(check.id)
        emitResult(check, status: "skipped", message: "skipped because '\(blocker)' did not pass")
        continue
      }
      markOutput(check.id)
      lastProgress = timespec()
      lastProgressStep = Int.min
      emit("begin", check.id)
      do {
        try check.run()
        emitResult(check, status: "pass", message: "")
      } catch let failure as CheckFailure {
        notPassed.insert(check.id)
        emitResult(check, status: "fail", message: failure.message)
      } catch {
        notPassed.insert(check.id)
        emitResult(check, status: "error", message: "the code threw an error: \(error)")
      }
    }
    killChildren()
    emit("end", "")
    exit(0)
  }

  /// Kills the processes this program started that are still running (they are its direct
  /// children, even half-way through `exec`), so none outlives the run. The grader also kills,
  /// after the run, every process carrying the run's environment marker.
  static func killChildren() {
    guard channel >= 0, let directory = opendir("/proc") else { return }
    defer { closedir(directory) }
    let own = getpid()
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard let pid = Int32(name), pid != own, parent(of: pid) == own else { continue }
      kill(pid, SIGKILL)
    }
  }

  /// The parent pid from `/proc/<pid>/stat` (the field after the parenthesised command name).
  static func parent(of pid: Int32) -> Int32? {
    let fd = open("/proc/\(pid)/stat", O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 512)
    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard count > 0, let close = buffer[0..<count].lastIndex(of: UInt8(ascii: ")")) else { return nil }
    let fields = buffer[(close + 1)..<count].split(separator: UInt8(ascii: " "))
    guard fields.count > 1 else { return nil }
    return Int32(String(decoding: fields[1], as: UTF8.self))
  }

  static func record(metric name: String, value: Double) {
    metrics.append((name, value))
  }

  nonisolated(unsafe) static var lastProgress: timespec = timespec()
  nonisolated(unsafe) static var lastProgressStep = Int.min
  /// Curve resolution: besides at most 20 updates a second, one update whenever the step enters
  /// another 1/500 of the total, so a curve covers the whole run evenly however fast it goes.
  static let curveBuckets = 500

  /// A progress event: `{"step", "total", "task", "values": {name: number}, "labels": {name: {"label", "unit"}}}`.
  static func progress(step: Int, total: Int, task: String?, values: [ProgressValue]) {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let elapsed = Double(now.tv_sec - lastProgress.tv_sec) + Double(now.tv_nsec - lastProgress.tv_nsec) * 1e-9
    let bucket = { (step: Int) in
      total > 0 ? step.multipliedReportingOverflow(by: curveBuckets).partialValue / total : 0
    }
    let newBucket = lastProgressStep == Int.min || bucket(step) != bucket(lastProgressStep)
    guard elapsed >= 0.05 || step >= total || newBucket else { return }
    lastProgress = now
    lastProgressStep = step
    let fields = values.map { JSON.string($0.name) + ":" + JSON.number($0.value) }
    let labels = values.map {
      JSON.string($0.name) + ":{\"label\":\(JSON.string($0.label)),\"unit\":\(JSON.string($0.unit))}"
    }
    let taskField = task.map { ",\"task\":\(JSON.string($0))" } ?? ""
    emit(
      "progress",
      "{\"step\":\(step),\"total\":\(total)\(taskField),\"values\":{\(fields.joined(separator: ","))},"
        + "\"labels\":{\(labels.joined(separator: ","))}}")
  }

  static func emitResult(_ check: Check, status: String, message: String) {
    fflush(nil)
    let metricsJSON = metrics.map { JSON.string($0.0) + ":" + JSON.number($0.1) }.joined(separator: ",")
    let payload =
      "{\"id\":\(JSON.string(check.id)),\"status\":\(JSON.string(status)),\"message\":\(JSON.string(message)),"
      + "\"metrics\":{\(metricsJSON)},\"details\":[\(details.map(\.json).joined(separator: ","))],"
      + "\"shown\":[\(shown.map(\.json).joined(separator: ","))]}"
    if channel < 0 {
      let mark = status == "pass" ? "PASS" : status.uppercased()
      print("\(mark)  \(check.id): \(check.title)" + (message.isEmpty ? "" : "\n      \(message)"))
      for (name, value) in metrics { print("      \(name): \(value)") }
      for text in shown { print("      \(text.label.map { $0 + ": " } ?? "")\(text.text)") }
      return
    }
    emit("result", payload)
  }

  static func emit(_ kind: String, _ payload: String) {
    guard channel >= 0 else { return }
    // A failed write means the channel is gone (closed by learner code?): stop, so the run does not
    // end with `end` and can never count as a pass.
    if !writeAll(channel, Array("\(nonce) \(kind) \(payload)\n".utf8)) { exit(70) }
  }

  /// Marks in the output stream where a check's output starts, so the grader can show each check
  /// the lines it printed. The marker carries the nonce; a forged one is shown as plain output.
  static func markOutput(_ id: String) {
    guard channel >= 0 else { return }
    fflush(nil)
    _ = writeAll(1, Array("\u{1F}\(nonce) begin \(id)\n".utf8))
  }

  static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }

  static func manifestJSON(_ checks: [Check]) -> String {
    let items = checks.map { check in
      var fields = [
        "\"id\":\(JSON.string(check.id))", "\"title\":\(JSON.string(check.title))",
        "\"points\":\(JSON.number(check.points))",
        "\"dependsOn\":[\(check.dependsOn.map(JSON.string).joined(separator: ","))]",
      ]
      if let hint = check.hint { fields.append("\"hint\":\(JSON.string(hint))") }
      if let limit = check.timeLimit { fields.append("\"timeLimit\":\(JSON.number(limit))") }
      return "{" + fields.joined(separator: ",") + "}"
    }
    return "[" + items.joined(separator: ",") + "]"
  }

  /// Memory and CPU limits are set by the program on itself, before any learner code runs.
  static func applyLimits(_ environment: Environment) {
    var none = rlimit(rlim_cur: 0, rlim_max: 0)
    setrlimit(resourceLimit(RLIMIT_CORE), &none)
    if let megabytes = environment.memoryMegabytes {
      let bytes = rlim_t(megabytes) * 1024 * 1024
      var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
      setrlimit(resourceLimit(RLIMIT_AS), &limit)
    }
    if let seconds = environment.cpuSeconds {
      var limit = rlimit(rlim_cur: rlim_t(seconds), rlim_max: rlim_t(seconds) + 1)
      setrlimit(resourceLimit(RLIMIT_CPU), &limit)
    }
  }

  #if canImport(Glibc)
    static func resourceLimit(_ value: __rlimit_resource) -> __rlimit_resource_t { __rlimit_resource_t(value.rawValue) }
  #else
    static func resourceLimit(_ value: Int32) -> Int32 { value }
  #endif
}

/// What the grader tells the harness through environment variables.
struct Environment {
  var nonce: String?
  var start = 0
  var failed: Set<String> = []
  var memoryMegabytes: Int?
  var cpuSeconds: Int?

  init() {
    func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
    nonce = Self.readSecret()
    start = value("PRACTICE_START").flatMap { Int($0) } ?? 0
    failed = Set((value("PRACTICE_FAILED") ?? "").split(separator: ",").map(String.init))
    memoryMegabytes = value("PRACTICE_MEMORY_MB").flatMap { Int($0) }
    cpuSeconds = value("PRACTICE_CPU_SECONDS").flatMap { Int($0) }
  }
}

extension Environment {
  /// The nonce from descriptor 4 (read to its end, then closed), or nil without the grader.
  static func readSecret() -> String? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 256)
    while bytes.count < 4096 {
      let count = chunk.withUnsafeMutableBytes { read(4, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      bytes += chunk[0..<count]
    }
    close(4)
    let text = String(decoding: bytes, as: UTF8.self)
    return text.isEmpty ? nil : text
  }
}

/// Just enough JSON writing for the results channel, without Foundation.
enum JSON {
  static func string(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// JSON has no NaN or infinity: those are written as strings.
  static func number(_ value: Double) -> String {
    value.isFinite ? "\(value)" : string("\(value)")
  }
}
