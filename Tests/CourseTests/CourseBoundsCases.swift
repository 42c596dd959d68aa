import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Broken inputs for the parameterised "broken course files give a clear error" test: numbers out
/// of their ranges, bad learner file names and ids, and files that are not regular files or lead
/// out of the course.
extension CourseErrorTests {
  /// An exercise `add` with `fields` added after its required ones.
  static func add(_ fields: String) -> String {
    module(exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 1, \#(fields)}"#)
  }

  static func limits(_ fields: String) -> String { add(#""limits": {\#(fields)}"#) }

  static let boundsCases: [Case] = [
    Case(
      name: "checkSeconds 1e300", moduleJSON: limits(#""checkSeconds": 1e300"#),
      expected: [module, "$.exercises[0].limits.checkSeconds: expected a number of seconds from 1 to 3600", "1e+300"]),
    Case(
      name: "checkSeconds below 1", moduleJSON: limits(#""checkSeconds": 0.5"#),
      expected: [module, "$.exercises[0].limits.checkSeconds", "from 1 to 3600", "0.5"]),
    Case(
      name: "checkSeconds as a string", moduleJSON: limits(#""checkSeconds": "5""#),
      expected: [module, "$.exercises[0].limits.checkSeconds", "a number of seconds", #"the string "5""#]),
    Case(
      name: "checkSeconds as a boolean", moduleJSON: limits(#""checkSeconds": true"#),
      expected: [module, "$.exercises[0].limits.checkSeconds", "a number of seconds", "found true"]),
    Case(
      name: "runSeconds 1e17", moduleJSON: limits(#""runSeconds": 1e17"#),
      expected: [module, "$.exercises[0].limits.runSeconds: expected a number of seconds from 1 to 86400"]),
    Case(
      name: "runSeconds over a day", moduleJSON: limits(#""runSeconds": 86401"#),
      expected: [module, "$.exercises[0].limits.runSeconds", "from 1 to 86400", "86401"]),
    Case(
      name: "memoryMB 2^53", moduleJSON: limits(#""memoryMB": 9007199254740992"#),
      expected: [module, "$.exercises[0].limits.memoryMB: expected a whole number of MiB from 256 to 65536"]),
    Case(
      name: "memoryMB beyond 64 bits", moduleJSON: limits(#""memoryMB": 123456789012345678901234567890"#),
      expected: [module, "$.exercises[0].limits.memoryMB", "from 256 to 65536"]),
    Case(
      name: "memoryMB below the minimum", moduleJSON: limits(#""memoryMB": 255"#),
      expected: [module, "$.exercises[0].limits.memoryMB", "from 256 to 65536", "255"]),
    Case(
      name: "memoryMB not whole", moduleJSON: limits(#""memoryMB": 2048.5"#),
      expected: [module, "$.exercises[0].limits.memoryMB", "whole number of MiB", "2048.5"]),
    Case(
      name: "points over 1000",
      moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 1001}"#),
      expected: [module, "$.exercises[0].points: expected a whole number from 1 to 1000", "1001"]),
    Case(
      name: "points 1e300",
      moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": 1e300}"#),
      expected: [module, "$.exercises[0].points", "from 1 to 1000"]),
    Case(
      name: "points below Int.min",
      moduleJSON: module(
        exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift"], "points": -9223372036854775809}"#),
      expected: [module, "$.exercises[0].points", "from 1 to 1000"]),
    Case(
      name: "format version 2^64",
      courseJSON: #"{"formatVersion": 18446744073709551616, "id": "t", "title": "T", "version": "1", "modules": []}"#,
      expected: [course, "$.formatVersion", "a whole number of at least 1"]),
  ]

  static let nameCases: [Case] = [
    Case(
      name: "a learner file listed twice",
      moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": ["Add.swift", "Add.swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].files[1]", #""Add.swift" is listed twice"#]),
    Case(
      name: "a file name with a newline",
      moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": ["A\ndd.swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].files[0]", "plain .swift file name", #""A\ndd.swift""#]),
    Case(
      name: "a file name with a control character",
      moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": ["Add\u0007.swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].files[0]", "control characters"]),
    Case(
      name: "a file name with a backslash",
      moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": ["..\\Add.swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].files[0]", "plain .swift file name"]),
    Case(
      name: "a file name that is only the extension",
      moduleJSON: module(exercise: #"{"id": "add", "title": "Add", "files": [".swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].files[0]", "plain .swift file name"]),
    Case(
      name: "a file name over 100 characters",
      moduleJSON: module(
        exercise:
          #"{"id": "add", "title": "Add", "files": ["\#(String(repeating: "A", count: 95)).swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].files[0]", "at most 100 characters"]),
    Case(
      name: "an exercise id ending in a newline",
      moduleJSON: module(exercise: #"{"id": "add\n", "title": "Add", "files": ["Add.swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].id", "lowercase letters", #""add\n""#]),
    Case(
      name: "an exercise id starting with '-'",
      moduleJSON: module(exercise: #"{"id": "-add", "title": "Add", "files": ["Add.swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].id", "lowercase letters"]),
    Case(
      name: "an exercise id over 64 characters",
      moduleJSON: module(
        exercise:
          #"{"id": "\#(String(repeating: "a", count: 65))", "title": "Add", "files": ["Add.swift"], "points": 1}"#),
      expected: [module, "$.exercises[0].id", "at most 64 characters"]),
    Case(
      name: "a module id ending in a newline",
      courseJSON: #"{"formatVersion": 1, "id": "t", "title": "T", "version": "1", "modules": ["basics\n"]}"#,
      expected: [course, "$.modules[0]", "lowercase letters", #""basics\n""#]),
    Case(
      name: "a course id ending in a newline",
      courseJSON: #"{"formatVersion": 1, "id": "t\n", "title": "T", "version": "1", "modules": ["basics"]}"#,
      expected: [course, "$.id", "lowercase letters"]),
  ]

  static let diskCases: [Case] = [
    Case(
      name: "a lesson that is a folder",
      expected: [
        module, "$.exercises[0].lesson", "'Curriculum/basics/add.md'", "must be a regular file, found a folder",
      ],
      setUp: { root in try replace("Curriculum/basics/add.md", in: root) { try makeFolder($0) } }),
    Case(
      name: "a lesson that is a FIFO",
      expected: [
        module, "$.exercises[0].lesson", "'Curriculum/basics/add.md'", "must be a regular file, found a FIFO",
      ],
      setUp: { root in try replace("Curriculum/basics/add.md", in: root) { try makeFIFO($0) } }),
    Case(
      name: "checks that are a FIFO",
      expected: [module, "$.exercises[0].checks", "'Curriculum/basics/add/Checks.swift'", "a FIFO"],
      setUp: { root in try replace("Curriculum/basics/add/Checks.swift", in: root) { try makeFIFO($0) } }),
    Case(
      name: "a solution file that is a FIFO",
      expected: [module, "$.exercises[0].files[0]", "'Curriculum/basics/add/Solution/Add.swift'", "a FIFO"],
      setUp: { root in try replace("Curriculum/basics/add/Solution/Add.swift", in: root) { try makeFIFO($0) } }),
    Case(
      name: "a scaffold file that is a folder",
      expected: [module, "$.exercises[0].files[0]", "'Exercises/basics/add/Add.swift'", "found a folder"],
      setUp: { root in try replace("Exercises/basics/add/Add.swift", in: root) { try makeFolder($0) } }),
    Case(
      name: "a solution that is a file",
      expected: [
        module, "$.exercises[0].solution", "'Curriculum/basics/add/Solution'", "must be a folder, found a regular file",
      ],
      setUp: { root in
        try replace("Curriculum/basics/add/Solution", in: root) { try Data().write(to: $0) }
      }),
    Case(
      name: "a scaffold file linked to a file outside the course",
      expected: [
        module, "$.exercises[0].files[0]", "'Exercises/basics/add/Add.swift'", "symbolic link",
        "outside the course folder",
      ],
      setUp: { root in
        try replace("Exercises/basics/add/Add.swift", in: root) {
          try FileManager.default.createSymbolicLink(
            at: $0, withDestinationURL: repositoryRoot.appendingPathComponent("Package.swift"))
        }
      }),
    Case(
      name: "a solution file linked to a file outside the course",
      expected: [
        module, "$.exercises[0].files[0]", "'Curriculum/basics/add/Solution/Add.swift'", "outside the course folder",
      ],
      setUp: { root in
        try replace("Curriculum/basics/add/Solution/Add.swift", in: root) {
          try FileManager.default.createSymbolicLink(
            atPath: $0.path, withDestinationPath: "../../../../../../../../../../etc/passwd")
        }
      }),
    Case(
      name: "a lesson linked to a device outside the course",
      expected: [module, "$.exercises[0].lesson", "inside the course folder"],
      setUp: { root in
        try replace("Curriculum/basics/add.md", in: root) {
          try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "/dev/null")
        }
      }),
    Case(
      name: "a scaffold file linked to nothing",
      expected: [
        module, "$.exercises[0].files[0]", "'Exercises/basics/add/Add.swift'",
        "symbolic link to 'Gone.swift', which does not exist",
      ],
      setUp: { root in
        try replace("Exercises/basics/add/Add.swift", in: root) {
          try FileManager.default.createSymbolicLink(atPath: $0.path, withDestinationPath: "Gone.swift")
        }
      }),
    Case(
      name: "a module file that is a FIFO", expected: [module, "cannot be read", "a FIFO", "not a regular file"],
      setUp: { root in try replace("Curriculum/basics/module.json", in: root) { try makeFIFO($0) } }),
    Case(
      name: "a module file linked to a file outside the course",
      expected: [module, "cannot be read", "outside the course folder"],
      setUp: { root in
        try replace("Curriculum/basics/module.json", in: root) {
          try FileManager.default.createSymbolicLink(
            at: $0, withDestinationURL: repositoryRoot.appendingPathComponent("Curriculum/foundations/module.json"))
        }
      }),
  ]

  /// Removes what is at `relative` in the fixture and lets `make` put something else there.
  static func replace(_ relative: String, in root: URL, _ make: (URL) throws -> Void) throws {
    let url = root.appendingPathComponent(relative)
    try FileManager.default.removeItem(at: url)
    try make(url)
  }

  static func makeFolder(_ url: URL) throws {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
  }

  static func makeFIFO(_ url: URL) throws {
    guard mkfifo(url.path, 0o644) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
  }
}
