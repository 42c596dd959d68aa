import Foundation
import PracticeNumerics
import Testing

/// The safetensors reader and writer against bytes built independently in Python at authoring time
/// (json.dumps(sort_keys=True, separators=(",", ":")) and struct.pack("<Q") / "<4d").
@Suite("SafeTensors")
struct SafeTensorsTests {
  static let pythonBytes: [UInt8] = {
    let hex =
      "9c000000000000007b225f5f6d657461646174615f5f223a7b22666f726d6174223a2270726163746963652d677074227d2c2262696173223a7b22646174615f6f666673657473223a5b302c31365d2c226474797065223a22463634222c227368617065223a5b325d7d2c2277223a7b22646174615f6f666673657473223a5b31362c33325d2c226474797065223a22463634222c227368617065223a5b322c315d7d7d000000000000e03f000000000000f4bf000000000000084059f3f8c21f6ea501"
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    return bytes
  }()

  @Test("writes exactly the bytes Python's reference writes")
  func encodes() throws {
    let bytes = try SafeTensors.encode(
      [("bias", Tensor([0.5, -1.25])), ("w", Tensor(shape: [2, 1], data: [3, 1e-300]))],
      metadata: ["format": "practice-gpt"])
    #expect(bytes == Self.pythonBytes)
  }

  @Test("reads them back: names in data order, shapes, values bit for bit, metadata")
  func decodes() throws {
    let (tensors, metadata) = try SafeTensors.decode(Self.pythonBytes)
    #expect(tensors.map(\.name) == ["bias", "w"])
    #expect(tensors[1].tensor.shape == [2, 1])
    #expect(tensors.flatMap { $0.tensor.data }.map(\.bitPattern) == [0.5, -1.25, 3, 1e-300].map(\.bitPattern))
    #expect(metadata == ["format": "practice-gpt"])
  }

  @Test("a file round-trips through disk")
  func roundTrip() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("st-\(UUID().uuidString).safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    let weights = Tensor(randomUniformShape: [3, 4], in: -1...1, seed: 9)
    try SafeTensors.write([("weights", weights)], to: url)
    let back = try SafeTensors.read(from: url)
    #expect(back.tensors.count == 1 && back.tensors[0].tensor.data == weights.data)
  }

  @Test("malformed files are refused with a reason, never a crash", arguments: [0, 7, 8, 20, 150, 195])
  func refuses(truncatedTo length: Int) {
    #expect(throws: SafeTensors.Failure.self) { try SafeTensors.decode(Array(Self.pythonBytes.prefix(length))) }
  }

  @Test("a dtype other than F64 is named")
  func otherDtype() {
    let header = Array(#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#.utf8)
    var bytes: [UInt8] = []
    withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes += $0 }
    bytes += header + [0, 0, 0, 0]
    let error = #expect(throws: SafeTensors.Failure.self) { try SafeTensors.decode(bytes) }
    #expect(error?.description.contains("F32") == true)
  }
}
