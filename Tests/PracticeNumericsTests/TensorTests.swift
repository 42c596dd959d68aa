import PracticeNumerics
import Testing

/// Reference values by hand or from a plain triple loop written here (not the BLAS path).
@Suite("Tensor")
struct TensorTests {
  func naive(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
    a.map { row in (0..<b[0].count).map { j in row.indices.reduce(0) { $0 + row[$1] * b[$1][j] } } }
  }

  @Test("matmul of a 3×2 and a 2×4 by hand")
  func handCase() {
    let a = Tensor(rows: [[1, 2], [3, 4], [5, 6]])
    let b = Tensor(rows: [[1, 0, -1, 2], [0, 1, 2, -2]])
    // By hand: row 1 = (1, 2, 3, −2), row 2 = (3, 4, 5, −2), row 3 = (5, 6, 7, −2).
    #expect(a.matmul(b) == Tensor(rows: [[1, 2, 3, -2], [3, 4, 5, -2], [5, 6, 7, -2]]))
  }

  @Test("matmul with either operand transposed matches a triple loop", arguments: [false, true])
  func transposes(_ transposeFirst: Bool) {
    let a = Tensor(randomUniformShape: [7, 5], in: -1...1, seed: 1)
    let b = Tensor(randomUniformShape: [5, 9], in: -1...1, seed: 2)
    let rowsA = (0..<7).map { i in (0..<5).map { a[i, $0] } }
    let rowsB = (0..<5).map { i in (0..<9).map { b[i, $0] } }
    let expected = Tensor(rows: naive(rowsA, rowsB))
    let product =
      transposeFirst
      ? a.transposed.matmul(b.transposed.transposed, transposeSelf: true)
      : a.matmul(b.transposed, transposeOther: true)
    #expect(product.shape == [7, 9])
    #expect(zip(product.data, expected.data).allSatisfy { abs($0 - $1) < 1e-12 })
  }

  @Test("a row vector broadcasts over the rows; shapes must otherwise match")
  func broadcasting() {
    let x = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
    #expect(x + Tensor([10, 20, 30]) == Tensor(rows: [[11, 22, 33], [14, 25, 36]]))
    #expect(x * Tensor(rows: [[2, 0, 1]]) == Tensor(rows: [[2, 0, 3], [8, 0, 6]]))
    #expect(x - x == Tensor(zeros: [2, 3]))
    #expect(2 * x == x + x)
    #expect((-x).data == [-1, -2, -3, -4, -5, -6])
  }

  @Test("reductions along an axis, as NumPy's")
  func reductions() {
    let x = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
    #expect(x.sum(axis: 0) == Tensor([5, 7, 9]))
    #expect(x.sum(axis: 1) == Tensor([6, 15]))
    #expect(x.mean(axis: 0) == Tensor([2.5, 3.5, 4.5]))
    #expect(x.max(axis: 1) == Tensor([3, 6]))
    #expect(x.sum() == 21)
  }

  @Test("slicing rows and column blocks, transposing")
  func slicing() {
    let x = Tensor.linspace(0, 11, count: 12).reshaped([3, 4])
    #expect(x.row(1) == Tensor([4, 5, 6, 7]))
    #expect(x.rows(1..<3).shape == [2, 4])
    #expect(x.columns(1..<3) == Tensor(rows: [[1, 2], [5, 6], [9, 10]]))
    #expect(x.transposed.shape == [4, 3] && x.transposed[3, 2] == 11)
  }

  @Test("linspace and reshape follow NumPy (CS231n fixtures)")
  func linspace() {
    // numpy: np.linspace(-0.5, 0.5, num=5) = [-0.5, -0.25, 0, 0.25, 0.5]
    #expect(Tensor.linspace(-0.5, 0.5, count: 5).data == [-0.5, -0.25, 0, 0.25, 0.5])
    #expect(Tensor.linspace(3, 3, count: 1).data == [3])
    #expect(Tensor.linspace(0, 5, count: 6).reshaped([2, 3]) == Tensor(rows: [[0, 1, 2], [3, 4, 5]]))
  }

  @Test("seeded initialisers are reproducible and in range")
  func seeded() {
    let a = Tensor(randomUniformShape: [4, 4], in: -0.1...0.1, seed: 3)
    #expect(a == Tensor(randomUniformShape: [4, 4], in: -0.1...0.1, seed: 3))
    #expect(a != Tensor(randomUniformShape: [4, 4], in: -0.1...0.1, seed: 4))
    #expect(a.data.allSatisfy { (-0.1...0.1).contains($0) })
    var generator = SplitMix64(seed: 3)
    #expect(a.data[0] == generator.uniform(-0.1, 0.1), "drawn in row-major order from SplitMix64(seed:)")
  }

  @Test("numerical gradients and CS231n's relative error")
  func gradients() {
    // f(x) = x₀² + 3·x₀·x₁; ∇f = (2x₀ + 3x₁, 3x₀), by hand.
    let gradient = numericalGradient(of: { $0[0] * $0[0] + 3 * $0[0] * $0[1] }, at: [1.5, -2])
    #expect(relativeError(gradient, [2 * 1.5 + 3 * -2, 4.5]) < 1e-9)
    #expect(abs(relativeError([1.0], [1.1]) - 0.1 / 2.1) < 1e-15)
  }
}

@Suite("Tensor gathering")
struct TensorGatheringTests {
  @Test("rows(at:) gathers, addRows scatters with repeats adding up, columns concatenate")
  func gatherScatter() {
    let table = Tensor(rows: [[1, 2], [3, 4], [5, 6]])
    #expect(table.rows(at: [2, 0, 2]) == Tensor(rows: [[5, 6], [1, 2], [5, 6]]))
    var gradient = Tensor(zeros: [3, 2])
    gradient.addRows(Tensor(rows: [[1, 1], [2, 2], [3, 3]]), at: [2, 0, 2])
    // By hand: row 2 receives [1, 1] + [3, 3]; row 0 receives [2, 2] (np.add.at semantics).
    #expect(gradient == Tensor(rows: [[2, 2], [0, 0], [4, 4]]))
    let joined = Tensor.concatenatingColumns([Tensor(rows: [[1], [2]]), Tensor(rows: [[3, 4], [5, 6]])])
    #expect(joined == Tensor(rows: [[1, 3, 4], [2, 5, 6]]))
    #expect(joined.columns(1..<3) == Tensor(rows: [[3, 4], [5, 6]]))
  }
}
