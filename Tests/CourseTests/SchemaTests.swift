import Course
import Foundation
import TestSupport
import Testing

/// The JSON Schemas in Curriculum/schema/ describe exactly the fields the loader accepts.
@Suite("JSON Schema")
struct SchemaTests {
  func schema(_ name: String) throws -> [String: Any] {
    let url = repositoryRoot.appendingPathComponent("Curriculum/schema/\(name).schema.json")
    return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  }

  func properties(_ object: [String: Any]?) -> Set<String> {
    Set((object?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
  }

  @Test("course.schema.json matches the loader")
  func course() throws {
    #expect(properties(try schema("course")) == CourseLoader.courseFields)
  }

  @Test("module.schema.json matches the loader")
  func module() throws {
    let module = try schema("module")
    #expect(properties(module) == CourseLoader.moduleFields)
    let definitions = module["$defs"] as? [String: Any]
    let exercise = definitions?["exercise"] as? [String: Any]
    #expect(properties(exercise) == CourseLoader.exerciseFields)
    let limits = (exercise?["properties"] as? [String: Any])?["limits"] as? [String: Any]
    #expect(properties(limits) == CourseLoader.limitsFields)
  }

  @Test("module.schema.json states the loader's ranges for points and limits")
  func ranges() throws {
    let definitions = try schema("module")["$defs"] as? [String: Any]
    let exercise = (definitions?["exercise"] as? [String: Any])?["properties"] as? [String: Any]
    let limits = (exercise?["limits"] as? [String: Any])?["properties"] as? [String: Any]
    func bounds(_ field: Any?) -> ClosedRange<Double>? {
      guard let field = field as? [String: Any], let low = field["minimum"] as? Double,
        let high = field["maximum"] as? Double
      else { return nil }
      return low...high
    }
    func doubles(_ range: ClosedRange<Int>) -> ClosedRange<Double> {
      Double(range.lowerBound)...Double(range.upperBound)
    }
    #expect(bounds(exercise?["points"]) == doubles(Exercise.pointsRange))
    #expect(bounds(limits?["checkSeconds"]) == ExerciseLimits.checkSecondsRange)
    #expect(bounds(limits?["runSeconds"]) == ExerciseLimits.runSecondsRange)
    #expect(bounds(limits?["memoryMB"]) == doubles(ExerciseLimits.memoryMegabytesRange))
  }
}
