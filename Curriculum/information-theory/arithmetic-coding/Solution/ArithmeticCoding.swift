import Foundation

/// Given: integer frequencies for probabilities, each at least 1 (so no symbol is impossible),
/// as a cumulative table: symbol s owns [cum[s], cum[s+1]) of [0, cum.last!).
func cumulativeFrequencies(_ p: [Double], total: Int = 1 << 24) -> [UInt64] {
  var cumulative: [UInt64] = [0]
  for probability in p {
    cumulative.append(cumulative[cumulative.count - 1] + UInt64(max(1, Int(probability * Double(total)))))
  }
  return cumulative
}

let whole: UInt64 = 1 << 32
let half: UInt64 = 1 << 31
let quarter: UInt64 = 1 << 30

/// Bits, most significant first, packed into bytes.
struct BitWriter {
  var bytes: [UInt8] = []
  var count = 0

  mutating func write(_ bit: UInt8) {
    if count % 8 == 0 { bytes.append(0) }
    if bit != 0 { bytes[bytes.count - 1] |= 0x80 >> UInt8(count % 8) }
    count += 1
  }
}

/// Encodes `symbols` with an arithmetic coder driven by `model`.
func arithmeticEncode(_ symbols: [Int], model: (ArraySlice<Int>) -> [Double]) -> [UInt8] {
  var low: UInt64 = 0
  var high: UInt64 = whole - 1
  var pending = 0
  var writer = BitWriter()
  func emit(_ bit: UInt8) {
    writer.write(bit)
    while pending > 0 {
      writer.write(1 - bit)
      pending -= 1
    }
  }
  for index in symbols.indices {
    let cum = cumulativeFrequencies(model(symbols[..<index]))
    let total = cum[cum.count - 1]
    let symbol = symbols[index]
    let range = high - low + 1
    high = low + range * cum[symbol + 1] / total - 1
    low = low + range * cum[symbol] / total
    while true {
      if high < half {
        emit(0)
      } else if low >= half {
        emit(1)
        low -= half
        high -= half
      } else if low >= quarter && high < 3 * quarter {
        pending += 1
        low -= quarter
        high -= quarter
      } else {
        break
      }
      low = 2 * low
      high = 2 * high + 1
    }
  }
  pending += 1
  emit(low < quarter ? 0 : 1)
  return writer.bytes
}

/// Decodes `count` symbols from `bytes`, driven by the same model as the encoder.
func arithmeticDecode(_ bytes: [UInt8], count: Int, model: (ArraySlice<Int>) -> [Double]) -> [Int] {
  var position = 0
  func nextBit() -> UInt64 {
    defer { position += 1 }
    guard position / 8 < bytes.count else { return 0 }
    return UInt64((bytes[position / 8] >> UInt8(7 - position % 8)) & 1)
  }
  var low: UInt64 = 0
  var high: UInt64 = whole - 1
  var value: UInt64 = 0
  for _ in 0..<32 { value = 2 * value + nextBit() }
  var symbols: [Int] = []
  symbols.reserveCapacity(count)
  for _ in 0..<count {
    let cum = cumulativeFrequencies(model(symbols[...]))
    let total = cum[cum.count - 1]
    let range = high - low + 1
    let scaled = ((value - low + 1) * total - 1) / range
    var symbol = 0
    while cum[symbol + 1] <= scaled { symbol += 1 }
    symbols.append(symbol)
    high = low + range * cum[symbol + 1] / total - 1
    low = low + range * cum[symbol] / total
    while true {
      if high < half {
        // nothing to subtract
      } else if low >= half {
        low -= half
        high -= half
        value -= half
      } else if low >= quarter && high < 3 * quarter {
        low -= quarter
        high -= quarter
        value -= quarter
      } else {
        break
      }
      low = 2 * low
      high = 2 * high + 1
      value = 2 * value + nextBit()
    }
  }
  return symbols
}
