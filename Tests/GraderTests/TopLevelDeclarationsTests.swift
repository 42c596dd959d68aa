import Grader
import Testing

/// The lexer that finds an interface's names: what it must see, and what it must not be fooled by.
@Suite("Top-level declarations")
struct TopLevelDeclarationsTests {
  func scan(_ text: String) -> TopLevelDeclarations {
    TopLevelDeclarations(sources: [Array(text.utf8)])
  }

  @Test("functions, types and variables at the top level, with their kinds")
  func kinds() {
    let found = scan(
      """
      import Foundation
      /// A doc comment with func fake() and struct Fake
      @inlinable public func entropy(_ p: [Double], base: Double = 2) -> Double { 0 }
      final class Value { static func + (a: Value, b: Value) -> Value { a } }
      struct GPT<T> { var w = 1; func forward() {} }
      enum Mode { case a, b }
      protocol Layer {}
      typealias Vector = [Double]
      let alphabet = Array(" abc")
      private var counter = 0
      extension GPT { func backward() {} }
      """)
    #expect(
      found.names == [
        "entropy": .function, "Value": .type, "GPT": .type, "Mode": .type, "Layer": .type, "Vector": .type,
        "alphabet": .variable, "counter": .variable,
      ])
    #expect(found.declaresOperators)
    #expect(found.publicNames == ["entropy"])
  }

  @Test("comments, strings, raw and multi-line strings and interpolations hide nothing and invent nothing")
  func literals() {
    let found = scan(
      #"""
      /* func commented() {} /* nested */ struct AlsoCommented {} */
      let text = "func inString() { \(values.map { "}" }.count) }"
      let raw = #"struct InRaw { "# + "}"
      let block = """
        func inBlock() {
        """
      func real() {}
      """#)
    #expect(found.names == ["text": .variable, "raw": .variable, "block": .variable, "real": .function])
    #expect(!found.declaresOperators)
  }

  @Test("members and locals are not top-level; escaped names are read")
  func nesting() {
    let found = scan(
      """
      func outer() { func inner() {}; let local = 1 }
      struct S { let member = 1; static func make() -> S { S() } }
      func `default`() {}
      """)
    #expect(found.names == ["outer": .function, "S": .type, "default": .function])
  }
}
