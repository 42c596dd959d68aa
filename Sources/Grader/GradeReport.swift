import Foundation

/// A file to compile: its name in the build, the path shown to the learner, and its bytes.
package struct SourceFile: Sendable, Equatable {
  package var name: String
  package var displayPath: String
  package var contents: [UInt8]

  package init(name: String, displayPath: String, contents: [UInt8]) {
    self.name = name
    self.displayPath = displayPath
    self.contents = contents
  }
}

/// Time and memory bounds for one grade.
package struct Limits: Sendable, Equatable {
  /// Wall-clock seconds one check may take, unless the check sets its own.
  package var checkSeconds: Double = 10
  /// Wall-clock seconds for all checks together (restarts included).
  package var runSeconds: Double = 120
  /// Address-space limit of the learner's program, in MiB.
  package var memoryMegabytes: Int = 2048
  /// Wall-clock seconds the compiler may take.
  package var compileSeconds: Double = 180

  package init(
    checkSeconds: Double = 10, runSeconds: Double = 120, memoryMegabytes: Int = 2048, compileSeconds: Double = 180
  ) {
    self.checkSeconds = checkSeconds
    self.runSeconds = runSeconds
    self.memoryMegabytes = memoryMegabytes
    self.compileSeconds = compileSeconds
  }
}

/// What to grade: the learner's files and the exercise's checks.
package struct GradeRequest: Sendable {
  package var sources: [SourceFile]
  package var checks: SourceFile
  /// The exercise's interface: its scaffold files (and those of the exercises it uses). The check
  /// file sees of the learner's module only the top-level names these declare. Empty: the whole
  /// module (and the support modules' names imported by name, so they win over the learner's).
  package var interface: [SourceFile]
  package var limits: Limits
  /// Build the learner's code with `-O` (exercises that train models) instead of `-Onone`.
  package var optimize: Bool
  /// Called (on the grading thread) with each progress update of a long check.
  package var onProgress: (@Sendable (CheckProgress) -> Void)?
  /// Called (on the grading thread) while the support modules are built (first grade only).
  package var onBuild: (@Sendable (BuildProgress) -> Void)?
  /// Called (on the grading thread) as each check ends, with its result as it will be reported.
  package var onCheckEnded: (@Sendable (CheckEnded) -> Void)?

  package init(
    sources: [SourceFile], checks: SourceFile, interface: [SourceFile] = [], limits: Limits = Limits(),
    optimize: Bool = false, onProgress: (@Sendable (CheckProgress) -> Void)? = nil,
    onBuild: (@Sendable (BuildProgress) -> Void)? = nil,
    onCheckEnded: (@Sendable (CheckEnded) -> Void)? = nil
  ) {
    self.sources = sources
    self.checks = checks
    self.interface = interface
    self.limits = limits
    self.optimize = optimize
    self.onProgress = onProgress
    self.onBuild = onBuild
    self.onCheckEnded = onCheckEnded
  }
}

/// The verdict on one check.
package enum CheckStatus: String, Sendable, Codable, Equatable {
  case pass, fail, error, timeout, crash, skipped
}

/// One check's result, as shown to the learner and stored with the attempt.
package struct CheckResult: Sendable, Equatable, Codable {
  package var id: String
  package var title: String
  package var status: CheckStatus
  package var points: Double
  package var maxPoints: Double
  package var message: String
  /// The author's hint, present when the check did not pass.
  package var hint: String?
  package var metrics: [String: Double]
  /// What the learner's code printed during this check (bounded: first and last 8 KiB).
  package var output: String
  /// Wall-clock time of the check in milliseconds (up to the crash or the kill, for those).
  package var durationMs: Double
  /// Values reported with progress, as (step, value) points per name: at most 500 each, spread
  /// over the whole run, the first and the last step always among them (`CurveSampler`).
  package var curves: [String: [[Double]]] = [:]
  /// What each curve is, by name, as the check said ("training loss, last batch, bits/char").
  package var curveLabels: [String: String] = [:]
  /// What the check said about each number it reported (unit, bar, optimum or reference), in
  /// the order reported; `metrics` keeps the plain numbers.
  package var details: [MetricDetail] = []
  /// Text the check showed: samples of what the learner's model wrote, notes (`show` in the DSL).
  package var shown: [ShownText] = []
}

/// One reported metric with what the check knows about it (`report(_:_:unit:bar:optimum:reference:)`).
package struct MetricDetail: Sendable, Equatable, Codable {
  /// A bar the value was held to: `atMost` or `atLeast` a value.
  package struct Bar: Sendable, Equatable, Codable {
    package var comparison: String
    package var value: Double

    package init(comparison: String, value: Double) {
      self.comparison = comparison
      self.value = value
    }
  }

  package var name: String
  package var value: Double
  package var unit: String?
  package var bar: Bar?
  package var optimum: Double?
  package var reference: Double?

  package init(
    name: String, value: Double, unit: String? = nil, bar: Bar? = nil, optimum: Double? = nil, reference: Double? = nil
  ) {
    self.name = name
    self.value = value
    self.unit = unit
    self.bar = bar
    self.optimum = optimum
    self.reference = reference
  }
}

/// Text a check showed (`show(sample:label:)`, `show(note:)`): a labelled sample or a note.
package struct ShownText: Sendable, Equatable, Codable {
  /// The sample's label; nil for a note.
  package var label: String?
  package var text: String

  package init(label: String?, text: String) {
    self.label = label
    self.text = text
  }
}

/// The rule for metric names, the same as the check DSL's `MetricName`: `[a-z0-9][a-z0-9-]*`, at
/// most 64 characters. A metric name becomes the key of a `Metric-<name>` commit trailer.
package enum MetricNames {
  package static let maximumLength = 64

  package static func isAllowed(_ name: String) -> Bool {
    let scalars = name.unicodeScalars
    guard let first = scalars.first, scalars.count <= maximumLength, first != "-" else { return false }
    return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// `"name"` quoted and escaped (a newline shows as `\n`), cut to 80 characters, with the rule.
  package static func describe(_ name: String) -> String {
    let shown = name.count > 80 ? String(name.prefix(79)) + "…" : name
    return "\(String(reflecting: shown)) (use lowercase letters, digits and '-', at most \(maximumLength))"
  }
}

/// A check that just ended, while the others may still run: its result (with what it printed so
/// far, paths as the learner knows them) and the ids of all the program's checks, in order.
package struct CheckEnded: Sendable {
  package var result: CheckResult
  package var checkIDs: [String]
}

/// Live progress of a long check (`reportProgress` in the check DSL).
package struct CheckProgress: Sendable, Equatable {
  package var check: String
  package var step: Int
  package var total: Int
  package var values: [String: Double]
  /// Seconds since the check began.
  package var elapsed: Double
  /// What the work is, as the check said ("training your LSTM"); nil for the unlabelled form.
  package var task: String?
  /// What each value is, by name; a value without one is shown under its name.
  package var labels: [String: ProgressLabel] = [:]

  package init(
    check: String, step: Int, total: Int, values: [String: Double], elapsed: Double, task: String? = nil,
    labels: [String: ProgressLabel] = [:]
  ) {
    self.check = check
    self.step = step
    self.total = total
    self.values = values
    self.elapsed = elapsed
    self.task = task
    self.labels = labels
  }
}

/// What a progress value is: its words and its unit ("training loss, last batch", "bits/char").
package struct ProgressLabel: Sendable, Equatable, Decodable {
  package var label: String
  package var unit: String

  package init(label: String, unit: String) {
    self.label = label
    self.unit = unit
  }

  /// "training loss, last batch, bits/char" (the label alone without a unit).
  package var description: String { unit.isEmpty ? label : "\(label), \(unit)" }
}

/// What the grader is doing before the checks run, for a live line: the first grade builds the
/// support modules (20 s to a minute), every later one finds them in the cache and says nothing.
package enum BuildProgress: Sendable, Equatable {
  /// The support modules are not in the cache: building `module`, the `index`-th (from 1) of `count`.
  case supportModule(module: String, index: Int, count: Int)
  /// They are built and cached, after `seconds`.
  case supportBuilt(seconds: Double)
}

/// The outcome of grading.
package struct GradeReport: Sendable, Equatable {
  package enum Status: String, Sendable, Codable, Equatable {
    case passed, failed, compileError, error
  }

  package var status: Status
  package var checks: [CheckResult]
  package var score: Double
  /// The sum of the checks' points; nil when the program never listed its checks.
  package var maxScore: Double?
  /// Compiler diagnostics (errors, or warnings of a successful build), paths as the learner knows them.
  package var compilerOutput: String
  /// What the learner's program printed (bounded), across restarts.
  package var programOutput: String
  /// Why the run as a whole went wrong, for `error`.
  package var errorMessage: String?
  /// The toolchain that built the program.
  package var toolchain: String
  /// True when an identical program was already built and reused.
  package var reusedBuild: Bool
  package var compileSeconds: Double
  package var runSeconds: Double
  /// How the compile and the run were confined.
  package var sandbox: SandboxMode = .bubblewrap

  /// Metrics reported by the checks, by name (the last value wins).
  package var metrics: [String: Double] {
    checks.reduce(into: [:]) { result, check in result.merge(check.metrics) { _, new in new } }
  }
}
