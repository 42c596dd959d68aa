import Testing

@testable import Grader

@Suite("Per-check output")
struct OutputSplitterTests {
  @Test("marker lines with the nonce split the output; forged markers stay as output")
  func splits() {
    var splitter = OutputSplitter(nonce: "n1")
    splitter.append(ArraySlice(Array("setup\n\u{1F}n1 begin a\nfrom a\n\u{1F}forged begin b\n".utf8)))
    splitter.append(ArraySlice(Array("more a\n\u{1F}n1 begin b\nfrom b, no newline".utf8)))
    splitter.finish()
    #expect(splitter.output(of: "a") == "from a\n\u{1F}forged begin b\nmore a\n")
    #expect(splitter.output(of: "b") == "from b, no newline")
    #expect(splitter.whole.text == "setup\nfrom a\n\u{1F}forged begin b\nmore a\nfrom b, no newline")
  }

  @Test("a marker split across reads is still recognised")
  func splitAcrossReads() {
    var splitter = OutputSplitter(nonce: "n1")
    for byte in Array("\u{1F}n1 begin a\nx\n".utf8) { splitter.append([byte][...]) }
    #expect(splitter.output(of: "a") == "x\n")
  }

  @Test("after a restart, the new run's nonce is the one that counts")
  func restart() {
    var splitter = OutputSplitter(nonce: "n1")
    splitter.append(ArraySlice(Array("\u{1F}n1 begin a\nboom\n".utf8)))
    splitter.restart(note: "-- restarted --\n")
    splitter = splitter.continuing(nonce: "n2")
    splitter.append(ArraySlice(Array("\u{1F}n1 begin z\n\u{1F}n2 begin b\nok\n".utf8)))
    #expect(splitter.output(of: "a") == "boom\n")
    #expect(splitter.output(of: "b") == "ok\n")
    #expect(splitter.output(of: "z") == "")
    #expect(splitter.whole.text == "boom\n-- restarted --\n\u{1F}n1 begin z\nok\n")
  }

  @Test("a huge line without a newline is passed on, not buffered forever")
  func hugeLine() {
    var splitter = OutputSplitter(nonce: "n1")
    splitter.append(ArraySlice(Array("\u{1F}n1 begin a\n".utf8)))
    splitter.append(ArraySlice([UInt8](repeating: UInt8(ascii: "x"), count: 100_000)))
    #expect(splitter.output(of: "a").utf8.count > 10_000)
  }
}
