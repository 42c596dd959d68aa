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
    var details: [RawDetail]?
    var shown: [RawShown]?
  }

  struct RawDetail: Decodable {
    struct RawBar: Decodable {
      var comparison: String
      var value: MetricValue
    }
    var name: String
    var value: MetricValue
    var unit: String?
    var bar: RawBar?
    var optimum: MetricValue?
    var reference: MetricValue?
  }

  struct RawShown: Decodable {
    var label: String?
    var text: String
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

  struct RawProgress: Decodable {
    var step: Int
    var total: Int
    var task: String?
    var values: [String: MetricValue]
    var labels: [String: ProgressLabel]?
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
  /// When set, the program runs in the sandbox, its folder bound read-only.
  var sandbox: Sandbox?
  var onProgress: (@Sendable (CheckProgress) -> Void)?
  /// Called with each check's result as soon as it is known (its output is what it printed by then).
  var onResult: ((CheckResult, [ManifestEntry]) -> Void)?

  func run() throws(GraderError) -> Outcome {
    let clock = ContinuousClock()
    let runDeadline = clock.now + .milliseconds(Grader.milliseconds(limits.runSeconds))
    var manifest: [ManifestEntry]?
    var results: [String: CheckResult] = [:]
    var notPassed: [String] = []
    var start = 0
    var harnessError: String?
    let runID = Self.makeNonce()
    var splitter = OutputSplitter(nonce: "")
    var curves: [String: [String: CurveSampler]] = [:]
    var curveLabels: [String: [String: ProgressLabel]] = [:]

    while true {
      let nonce = Self.makeNonce()
      splitter = splitter.continuing(nonce: nonce)
      var current: (id: String, started: ContinuousClock.Instant, deadline: ContinuousClock.Instant)?
      var sawEnd = false
      var env = environment
      env["PRACTICE_RUN"] = runID
      env["PRACTICE_START"] = String(start)
      env["PRACTICE_FAILED"] = notPassed.joined(separator: ",")
      env["PRACTICE_MEMORY_MB"] = String(limits.memoryMegabytes)
      env["PRACTICE_CPU_SECONDS"] = String(Int(limits.runSeconds.rounded(.up)) + 5)
      env["SWIFT_BACKTRACE"] = "enable=no"
      var (executable, arguments) = (program, [String]())
      if let sandbox {
        let folder = URL(fileURLWithPath: program).deletingLastPathComponent().path
        (executable, arguments) = sandbox.command(program, [], readOnly: [folder])
      }
      let child = ChildProcess(
        executable: executable, arguments: arguments, environment: env, workingDirectory: nil,
        withResultsChannel: true, reapMarker: "PRACTICE_RUN=\(runID)", secret: Array(nonce.utf8))
      let outcome = try child.run(
        deadline: { current.map { min($0.deadline, runDeadline) } ?? runDeadline },
        onResultLine: { line in
          // Nothing counts after `end` (learner code running at exit, or a child it left behind).
          guard !sawEnd, let (kind, payload) = Self.parse(line, nonce: nonce) else { return }
          switch kind {
          case "manifest":
            if manifest == nil { manifest = try? JSONDecoder().decode([ManifestEntry].self, from: Data(payload.utf8)) }
          case "begin":
            let limit = manifest?.first { $0.id == payload }?.timeLimit ?? limits.checkSeconds
            let now = clock.now
            current = (payload, now, now + .milliseconds(Grader.milliseconds(limit)))
          case "result":
            // One result per check, for the check that began (skipped checks never begin).
            guard var result = Self.checkResult(payload, manifest: manifest), results[result.id] == nil,
              current?.id == result.id || (current == nil && result.status == .skipped)
            else { return }
            let started = current?.id == result.id ? current?.started : nil
            result.durationMs = started.map { (clock.now - $0).seconds * 1000 } ?? 0
            results[result.id] = result
            result.output = splitter.output(of: result.id)
            onResult?(result, manifest ?? [])
            if result.status != .pass { notPassed.append(result.id) }
            current = nil
          case "progress":
            guard let running = current,
              let raw = try? JSONDecoder().decode(RawProgress.self, from: Data(payload.utf8))
            else { return }
            let values = raw.values.mapValues(\.value)
            let labels = raw.labels ?? [:]
            // Bounded whatever the program sends: at most 32 curves a check, 500 points each.
            for (name, value) in values
            where curves[running.id]?[name] != nil || curves[running.id, default: [:]].count < 32 {
              curves[running.id, default: [:]][name, default: CurveSampler()].add(
                step: raw.step, of: raw.total, value: value)
              if let label = labels[name] { curveLabels[running.id, default: [:]][name] = label }
            }
            onProgress?(
              CheckProgress(
                check: running.id, step: raw.step, total: raw.total, values: values,
                elapsed: (clock.now - running.started).seconds, task: raw.task, labels: labels))
          case "error":
            harnessError = (try? JSONDecoder().decode(String.self, from: Data(payload.utf8))) ?? payload
          case "end":
            sawEnd = true
          default:
            break
          }
        },
        onOutput: { splitter.append($0) })
      splitter.finish()
      var termination = outcome.termination
      // bubblewrap reports a child ended by signal N as exit status 128 + N.
      if sandbox != nil, case .exited(let status) = termination, status > 128, status <= 128 + 64 {
        termination = .signaled(status - 128)
      }

      if sawEnd || harnessError != nil { break }
      guard let checks = manifest else {
        harnessError = Self.describeEarlyDeath(termination, limits: limits)
        break
      }
      guard let running = current, let index = checks.firstIndex(where: { $0.id == running.id }) else {
        // Died between checks (e.g. while writing a result): nothing to blame, nothing more to learn.
        harnessError = Self.describeEarlyDeath(termination, limits: limits)
        break
      }
      let entry = checks[index]
      let runOver = clock.now >= runDeadline
      let checkOutput = splitter.output(of: entry.id)
      var result: CheckResult
      switch termination {
      case .timedOut:
        let limit = runOver ? limits.runSeconds : (entry.timeLimit ?? limits.checkSeconds)
        let message =
          runOver
          ? "the run went over its \(Self.seconds(limit)) limit during this check"
          : "did not finish within \(Self.seconds(limit)) (an infinite loop, or a loop whose condition never changes?)"
        result = Self.result(entry, status: .timeout, message: message)
      case .signaled(let signal):
        result = Self.result(entry, status: .crash, message: Self.describeCrash(signal: signal, output: checkOutput))
      case .exited(let status):
        let message =
          status == 70
          ? "the results channel was closed during this check (does the code close file descriptors?)"
          : "the program exited (status \(status)) during this check; does the code call exit()?"
        result = Self.result(entry, status: .crash, message: message)
      }
      result.durationMs = (clock.now - running.started).seconds * 1000
      results[entry.id] = result
      result.output = checkOutput
      onResult?(result, checks)
      notPassed.append(entry.id)
      start = index + 1
      if runOver {
        for later in checks[start...] where results[later.id] == nil {
          results[later.id] = Self.result(
            later, status: .timeout, message: "not run: the run went over its \(Self.seconds(limits.runSeconds)) limit")
          results[later.id].map { onResult?($0, checks) }
        }
        break
      }
      if start >= checks.count { break }
      splitter.restart(note: "── the program was restarted after '\(entry.id)' did not finish ──\n")
    }
    for (id, _) in results {
      results[id]?.output = splitter.output(of: id)
      results[id]?.curves = (curves[id] ?? [:]).mapValues(\.points)
      results[id]?.curveLabels = (curveLabels[id] ?? [:]).mapValues(\.description)
    }
    return Outcome(manifest: manifest, results: results, output: splitter.whole.text, error: harnessError)
  }

  /// A `result` payload as the check's result; nil when it is not JSON of a result or names no
  /// check of the manifest.
  ///
  /// A metric whose name `MetricNames` does not allow never gets past here, however it got into the
  /// results channel (the check DSL refuses such names, so a harness built from other sources or a
  /// forged line): it is dropped, and the check becomes an `error` worth no points whose message
  /// names it. Only that check is affected; the run's other results stand.
  static func checkResult(_ payload: String, manifest: [ManifestEntry]?) -> CheckResult? {
    guard let raw = try? JSONDecoder().decode(RawResult.self, from: Data(payload.utf8)),
      let entry = manifest?.first(where: { $0.id == raw.id })
    else { return nil }
    let refused = raw.metrics.keys.filter { !MetricNames.isAllowed($0) }.sorted()
    guard !refused.isEmpty else {
      var checked = result(
        entry, status: CheckStatus(rawValue: raw.status) ?? .error, message: raw.message, metrics: raw.metrics)
      checked.details = details(raw)
      checked.shown = (raw.shown ?? []).prefix(maximumShown).map {
        ShownText(label: $0.label.map { String($0.prefix(40)) }, text: String($0.text.prefix(4096)))
      }
      return checked
    }
    var message = refused.map { "the results name a metric that is not allowed, dropped: \(MetricNames.describe($0))" }
      .joined(separator: "\n")
    if !raw.message.isEmpty { message += "\n" + raw.message }
    return result(
      entry, status: .error, message: message, metrics: raw.metrics.filter { MetricNames.isAllowed($0.key) })
  }

  /// At most this many details and shown texts are kept per check.
  static let maximumShown = 16

  /// The details of the reported metrics: only those naming a metric the check reported (so they
  /// never add a number of their own), bars only `atMost`/`atLeast`, units cut to 24 characters.
  static func details(_ raw: RawResult) -> [MetricDetail] {
    (raw.details ?? []).filter { raw.metrics[$0.name] != nil }.prefix(maximumShown).map { detail in
      let bar = detail.bar.flatMap { bar in
        ["atMost", "atLeast"].contains(bar.comparison)
          ? MetricDetail.Bar(comparison: bar.comparison, value: bar.value.value) : nil
      }
      return MetricDetail(
        name: detail.name, value: detail.value.value, unit: detail.unit.map { String($0.prefix(24)) }, bar: bar,
        optimum: detail.optimum?.value, reference: detail.reference?.value)
    }
  }

  static func result(
    _ entry: ManifestEntry, status: CheckStatus, message: String, metrics: [String: MetricValue] = [:]
  ) -> CheckResult {
    CheckResult(
      id: entry.id, title: entry.title, status: status, points: status == .pass ? entry.points : 0,
      maxPoints: entry.points, message: message, hint: status == .pass ? nil : entry.hint,
      metrics: metrics.mapValues(\.value), output: "", durationMs: 0)
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

  /// What a crash means, in the learner's terms: the runtime's own "Fatal error" line when there is
  /// one, else what the signal usually means; always the signal's name.
  static func describeCrash(signal: Int32, output: String) -> String {
    let name = signalNames[signal] ?? "signal \(signal)"
    if let fatal = output.split(separator: "\n").last(where: { $0.contains("Fatal error") }) {
      let text = fatal.trimmingCharacters(in: .whitespaces)
      let memory = text.contains("failed to allocate") ? " (the memory limit)" : ""
      return "crashed: \(text)\(memory) [\(name)]"
    }
    let what: String
    switch signal {
    case SIGILL, SIGTRAP:
      what =
        "crashed with a Swift runtime trap: integer overflow, index out of range, unwrapping nil or a failed precondition"
    case SIGABRT: what = "aborted: fatalError, a failed precondition, or the memory limit"
    case SIGSEGV: what = "crashed with a segmentation fault: often unbounded recursion overflowing the stack"
    case SIGBUS: what = "crashed with a bus error"
    case SIGFPE: what = "crashed with an arithmetic error: integer division by zero?"
    case SIGXCPU: what = "used up its CPU time limit"
    case SIGKILL: what = "was killed: out of memory?"
    default: what = "was ended by a signal"
    }
    return "\(what) [\(name)]"
  }

  static let signalNames: [Int32: String] = [
    SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE",
    SIGXCPU: "SIGXCPU", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGPIPE: "SIGPIPE",
  ]

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
