/// FNV-1a, 128 bits: a fast, stable content hash for cache keys (not for security: the cache
/// belongs to the learner, who could edit it anyway).
struct ContentHash {
  private var state: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
  private static let prime: UInt128 = 0x0000_0000_0100_0000_0000_0000_0000_013B

  mutating func add(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      state ^= UInt128(byte)
      state &*= Self.prime
    }
  }

  /// Adds a length-prefixed field, so `("ab","c")` and `("a","bc")` differ.
  mutating func add(field: String) {
    add(String(field.utf8.count).utf8)
    add([0])
    add(field.utf8)
  }

  mutating func add(field bytes: [UInt8]) {
    add(String(bytes.count).utf8)
    add([0])
    add(bytes)
  }

  var hex: String {
    let text = String(state, radix: 16)
    return String(repeating: "0", count: 32 - text.count) + text
  }
}
