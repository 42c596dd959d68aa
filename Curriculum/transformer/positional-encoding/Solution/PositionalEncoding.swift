import Foundation
import PracticeNumerics

/// The sinusoidal position table of "Attention Is All You Need" (count, dimension), dimension even:
/// row pos, column 2i is sin(pos / 10000^(2i/dimension)), column 2i + 1 the cos of the same angle.
func sinusoidalPositions(count: Int, dimension: Int) -> Tensor {
  var table = Tensor(zeros: [count, dimension])
  for position in 0..<count {
    for pair in stride(from: 0, to: dimension, by: 2) {
      let angle = Double(position) / pow(10000, Double(pair) / Double(dimension))
      table[position, pair] = sin(angle)
      table[position, pair + 1] = cos(angle)
    }
  }
  return table
}
