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

/// Encodes `symbols` with an arithmetic coder driven by `model`.
///
/// - Parameter model: the probabilities of the next symbol given the symbols before it.
/// - Returns: the bits, packed into bytes (most significant bit first, zero-padded).
func arithmeticEncode(_ symbols: [Int], model: (ArraySlice<Int>) -> [Double]) -> [UInt8] {
  // TODO: 32-bit low/high with pending bits (Witten–Neal–Cleary); see the lesson.
  return []
}

/// Decodes `count` symbols from `bytes`, driven by the same model as the encoder.
func arithmeticDecode(_ bytes: [UInt8], count: Int, model: (ArraySlice<Int>) -> [Double]) -> [Int] {
  // TODO: mirror the encoder; read bits past the end as 0.
  return []
}
