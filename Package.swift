// swift-tools-version: 6.0
// Practitioner: a self-study curriculum runner for machine learning. Command: `practice`.
//
// Layers (arrows point to what a layer may import):
//   practice ─► PracticeCLI ─► PracticeKit ─► Course, Grader, History ─► Git ─► CLibGit2
// PracticeChecks is the check DSL linked into every graded learner program. The grader compiles it
// from source into a cached static module; SwiftPM builds it here only so it is type-checked and tested.
import PackageDescription

let package = Package(
  name: "Practitioner",
  products: [
    .executable(name: "practice", targets: ["practice"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .executableTarget(name: "practice", dependencies: ["PracticeCLI"]),
    .target(
      name: "PracticeCLI",
      dependencies: [
        "PracticeKit", "CProcessShim", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "PracticeKit", dependencies: ["Course", "Grader", "History"]),
    .target(name: "Course"),
    .target(name: "Grader", dependencies: ["CProcessShim"]),
    .target(name: "CProcessShim"),
    .target(name: "History", dependencies: ["Git"]),
    .target(name: "Git", dependencies: ["CLibGit2"]),
    .systemLibrary(name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
    .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    .target(name: "PracticeNumerics", dependencies: ["COpenBLAS"]),
    .target(name: "PracticeChecks", dependencies: ["PracticeNumerics"]),
    .executableTarget(name: "record-benchmark", dependencies: ["History", "Git"], path: "bench/RecordBenchmark"),
    .executableTarget(name: "numerics-benchmark", dependencies: ["PracticeNumerics"], path: "bench/NumericsBenchmark"),

    .target(name: "TestSupport", dependencies: ["Course", "Grader"], path: "Tests/TestSupport"),
    .testTarget(name: "CourseTests", dependencies: ["Course", "TestSupport"]),
    .testTarget(name: "GitTests", dependencies: ["Git", "History", "TestSupport"]),
    .testTarget(name: "GraderTests", dependencies: ["Grader", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "PracticeChecksTests", dependencies: ["PracticeChecks", "PracticeNumerics"]),
    .testTarget(name: "PracticeNumericsTests", dependencies: ["PracticeNumerics"]),
    .testTarget(name: "PracticeKitTests", dependencies: ["PracticeKit", "Grader", "TestSupport"]),
    .testTarget(name: "PracticeCLITests", dependencies: ["PracticeCLI", "PracticeKit", "Grader", "TestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "practice"], exclude: ["Golden"]),
  ]
)
