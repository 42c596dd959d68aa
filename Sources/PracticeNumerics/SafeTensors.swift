import Foundation

/// Reads and writes named tensors in the safetensors format (Hugging Face's, documented at
/// huggingface.co/docs/safetensors), restricted to 64-bit floats:
///
/// ```
/// 8 bytes   N, the header's length, unsigned little-endian
/// N bytes   a JSON object: for each tensor, "name": {"dtype": "F64", "shape": [...],
///           "data_offsets": [begin, end]} (byte offsets into the data, end exclusive), and
///           optionally "__metadata__": {"key": "value", ...} (strings only)
/// the rest  the data: every tensor's numbers, row-major, IEEE 754 binary64 little-endian
/// ```
///
/// Tensors are written in the order given, back to back. Files from other tools load as long as
/// every tensor is F64. Anything malformed is refused with a ``SafeTensors/Failure`` naming what is
/// wrong — never a crash.
public enum SafeTensors {
  /// Why a file could not be read.
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
  }

  /// The bytes of a file holding `tensors` (in order) and `metadata`.
  public static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) throws
    -> [UInt8]
  {
    var header: [String: Any] = [:]
    var offset = 0
    for (name, tensor) in tensors {
      guard header[name] == nil, name != "__metadata__" else { throw Failure("duplicate or reserved name '\(name)'") }
      header[name] = ["dtype": "F64", "shape": tensor.shape, "data_offsets": [offset, offset + 8 * tensor.count]]
      offset += 8 * tensor.count
    }
    if !metadata.isEmpty { header["__metadata__"] = metadata }
    let json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
    var bytes: [UInt8] = []
    bytes.reserveCapacity(8 + json.count + offset)
    withUnsafeBytes(of: UInt64(json.count).littleEndian) { bytes += $0 }
    bytes += json
    for (_, tensor) in tensors {
      for value in tensor.data { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
    }
    return bytes
  }

  /// The tensors (in the order of their data) and metadata of a file's bytes.
  public static func decode(_ bytes: [UInt8]) throws -> (
    tensors: [(name: String, tensor: Tensor)], metadata: [String: String]
  ) {
    guard bytes.count >= 8 else { throw Failure("shorter than the 8-byte header length") }
    let length = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    guard length <= UInt64(bytes.count - 8) else { throw Failure("the header length \(length) exceeds the file") }
    let dataStart = 8 + Int(length)
    guard let header = try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart])) as? [String: Any] else {
      throw Failure("the header is not a JSON object")
    }
    var metadata: [String: String] = [:]
    if let raw = header["__metadata__"] {
      guard let values = raw as? [String: String] else { throw Failure("__metadata__ must map strings to strings") }
      metadata = values
    }
    var entries: [(name: String, shape: [Int], begin: Int, end: Int)] = []
    for (name, raw) in header where name != "__metadata__" {
      guard let entry = raw as? [String: Any], let dtype = entry["dtype"] as? String,
        let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2
      else { throw Failure("tensor '\(name)': expected dtype, shape and data_offsets") }
      guard dtype == "F64" else { throw Failure("tensor '\(name)': dtype \(dtype); only F64 is supported") }
      guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[0] <= offsets[1],
        offsets[1] <= bytes.count - dataStart
      else { throw Failure("tensor '\(name)': shape or data_offsets out of range") }
      let count = shape.reduce(1, *)
      guard offsets[1] - offsets[0] == 8 * count else {
        throw Failure(
          "tensor '\(name)': shape \(shape) needs \(8 * count) bytes, data_offsets give \(offsets[1] - offsets[0])")
      }
      entries.append((name, shape, offsets[0], offsets[1]))
    }
    entries.sort { $0.begin < $1.begin || ($0.begin == $1.begin && $0.name < $1.name) }
    let tensors = entries.map { entry -> (name: String, tensor: Tensor) in
      let values = stride(from: dataStart + entry.begin, to: dataStart + entry.end, by: 8).map { start in
        Double(
          bitPattern: bytes[start..<start + 8].enumerated().reduce(UInt64(0)) {
            $0 | UInt64($1.element) << (8 * UInt64($1.offset))
          })
      }
      return (entry.name, Tensor(shape: entry.shape, data: values))
    }
    return (tensors, metadata)
  }

  /// Writes `tensors` and `metadata` to `url` (replacing it atomically).
  public static func write(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:], to url: URL)
    throws
  {
    try Data(encode(tensors, metadata: metadata)).write(to: url, options: .atomic)
  }

  /// Reads the file at `url`.
  public static func read(from url: URL) throws -> (
    tensors: [(name: String, tensor: Tensor)], metadata: [String: String]
  ) {
    try decode(Array(Data(contentsOf: url)))
  }
}
