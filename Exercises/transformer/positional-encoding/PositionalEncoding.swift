import Foundation
import PracticeNumerics

/// The sinusoidal position table of "Attention Is All You Need" (count, dimension), dimension even:
/// row pos, column 2i is sin(pos / 10000^(2i/dimension)), column 2i + 1 the cos of the same angle.
func sinusoidalPositions(count: Int, dimension: Int) -> Tensor {
  // TODO
  Tensor(zeros: [count, dimension])
}
