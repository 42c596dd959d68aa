import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a built learner program until every check has a verdict, restarting it after a crash or a
/// timeout so one bad check costs only its own points.
struct HarnessSession {
  struct ManifestEntry: Decodable {
    var id: String
    var title: String
    var points: Double
    var dependsOn: [String]
    var hint: String?
    var timeLimit: Double?
  }

  struct RawResult: Decodable {
    var id: String
    var status: String
    var message: String
    var metrics: [String: MetricValue]
  }

  /// A metric: a number, or a string for NaN and infinities (JSON has neither).
  struct MetricValue: Decodable {
    var value: Double
    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let number = try? container.decode(Double.self) {
        value = number
      } else {
        value = Double(try container.decode(String.self)) ?? .nan
      }
    }
  }

  struct Outcome {
    var manifest: [ManifestEntry]?
    var results: [String: CheckResult]
    var output: String
    var error: String?
  }

  var program: String
  var limits: Limits
  var environment: [String: String]

  func run() throws(GraderError) -> Outcome {
    let clock = ContinuousClock()
    let runDeadline = clock.now + .milliseconds(Int64(limits.runSeconds * 1000))
    var manifest: [ManifestEntry]?
    var results: [String: CheckResult] = [:]
    var notPassed: [String] = []
    var start = 0
    var outputs: [String] = []
    var harnessError: String?

    while true {
      let nonce = Self.makeNonce()
      var current: (id: String, deadline: ContinuousClock.Instant)?
      var sawEnd = false
      var env = environment
      env["PRACTICE_NONCE"] = nonce
      env["PRACTICE_START"] = String(start)
      env["PRACTICE_FAILED"] = notPassed.joined(separator: ",")
      env["PRACTICE_MEMORY_MB"] = String(limits.memoryMegabytes)
      env["PRACTICE_CPU_SECONDS"] = String(Int(limits.runSeconds.rounded(.up)) + 5)
      env["SWIFT_BACKTRACE"] = "enable=no"
      let child = ChildProcess(
        executable: program, arguments: [], environment: env, workingDirectory: nil, withResultsChannel: true)
      let outcome = try child.run(
        deadline: { current.map { min($0.deadline, runDeadline) } ?? runDeadline },
        onResultLine: { line in
          guard let (kind, payload) = Self.parse(line, nonce: nonce) else { return }
          switch kind {
          case "manifest":
            if manifest == nil { manifest = try? JSONDecoder().decode([ManifestEntry].self, from: Data(payload.utf8)) }
          case "begin":
            let limit = manifest?.first { $0.id == payload }?.timeLimit ?? limits.checkSeconds
            current = (payload, clock.now + .milliseconds(Int64(limit * 1000)))
          case "result":
            guard let raw = try? JSONDecoder().decode(RawResult.self, from: Data(payload.utf8)),
              let entry = manifest?.first(where: { $0.id == raw.id })
            else { return }
            let status = CheckStatus(rawValue: raw.status) ?? .error
            results[raw.id] = Self.result(entry, status: status, message: raw.message, metrics: raw.metrics)
            if status != .pass { notPassed.append(raw.id) }
            current = nil
          case "error":
            harnessError = (try? JSONDecoder().decode(String.self, from: Data(payload.utf8))) ?? payload
          case "end":
            sawEnd = true
          default:
            break
          }
        })
      outputs.append(outcome.output.text)

      if sawEnd || harnessError != nil { break }
      guard let checks = manifest else {
        harnessError = Self.describeEarlyDeath(outcome.termination, limits: limits)
        break
      }
      guard let running = current, let index = checks.firstIndex(where: { $0.id == running.id }) else {
        // Died between checks (e.g. while writing a result): nothing to blame, nothing more to learn.
        harnessError = Self.describeEarlyDeath(outcome.termination, limits: limits)
        break
      }
      let entry = checks[index]
      let runOver = clock.now >= runDeadline
      switch outcome.termination {
      case .timedOut:
        let limit = runOver ? limits.runSeconds : (entry.timeLimit ?? limits.checkSeconds)
        let message =
          runOver
          ? "the run went over its \(Self.seconds(limit)) limit during this check"
          : "did not finish within \(Self.seconds(limit)) (an infinite loop, or a loop whose condition never changes?)"
        results[entry.id] = Self.result(entry, status: .timeout, message: message)
      case .signaled(let signal):
        results[entry.id] = Self.result(
          entry, status: .crash, message: Self.describeCrash(signal: signal, output: outcome.output.text))
      case .exited(let status):
        results[entry.id] = Self.result(
          entry, status: .crash,
          message: "the program exited (status \(status)) during this check; does the code call exit()?")
      }
      notPassed.append(entry.id)
      start = index + 1
      if runOver {
        for later in checks[start...] where results[later.id] == nil {
          results[later.id] = Self.result(
            later, status: .timeout, message: "not run: the run went over its \(Self.seconds(limits.runSeconds)) limit")
        }
        break
      }
      if start >= checks.count { break }
      outputs.append("── the program was restarted after '\(entry.id)' did not finish ──\n")
    }
    return Outcome(manifest: manifest, results: results, output: outputs.joined(), error: harnessError)
  }

  static func result(
    _ entry: ManifestEntry, status: CheckStatus, message: String, metrics: [String: MetricValue] = [:]
  ) -> CheckResult {
    CheckResult(
      id: entry.id, title: entry.title, status: status, points: status == .pass ? entry.points : 0,
      maxPoints: entry.points, message: message, hint: status == .pass ? nil : entry.hint,
      metrics: metrics.mapValues(\.value))
  }

  /// `<nonce> <kind> <payload>`; lines with another nonce (anything the learner wrote) are ignored.
  static func parse(_ line: String, nonce: String) -> (String, String)? {
    guard line.hasPrefix(nonce + " ") else { return nil }
    let rest = line.dropFirst(nonce.count + 1)
    guard let space = rest.firstIndex(of: " ") else { return (String(rest), "") }
    return (String(rest[..<space]), String(rest[rest.index(after: space)...]))
  }

  static func makeNonce() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }

  static func describeCrash(signal: Int32, output: String) -> String {
    let fatal = output.split(separator: "\n").last { $0.contains("Fatal error") || $0.contains("fatal error") }
    let what: String
    switch signal {
    case SIGILL, SIGTRAP:
      what = "crashed with a Swift runtime trap (index out of range, unwrapping nil, integer overflow, precondition)"
    case SIGABRT: what = "aborted (fatalError, a failed precondition, or the memory limit)"
    case SIGSEGV: what = "crashed with a segmentation fault (often unbounded recursion overflowing the stack)"
    case SIGBUS: what = "crashed with a bus error"
    case SIGFPE: what = "crashed with an arithmetic error (integer division by zero?)"
    case SIGXCPU: what = "used up its CPU time limit"
    case SIGKILL: what = "was killed (out of memory?)"
    default: what = "was ended by signal \(signal)"
    }
    if let fatal { return "\(what): \(fatal.trimmingCharacters(in: .whitespaces))" }
    return what
  }

  static func describeEarlyDeath(_ termination: Termination, limits: Limits) -> String {
    switch termination {
    case .timedOut:
      return "the program did not start its checks within \(seconds(limits.runSeconds))"
    case .signaled(let signal):
      return
        "the program crashed before running any check (signal \(signal)); is a global variable's initialiser failing?"
    case .exited(let status):
      return "the program exited (status \(status)) without reporting its checks"
    }
  }
}
