import COpenBLAS

/// A dense, row-major array of `Double` with a shape: the learner's workbench for the course.
///
/// Vectors have shape `[n]`, matrices `[rows, cols]`; any rank works for storage and `reshaped`.
/// Every operation checks shapes and names them when they disagree:
/// `matmul: (2, 3) × (4, 5): the inner dimensions 3 and 4 differ`.
///
/// ```swift
/// let x = Tensor.linspace(-0.5, 0.5, count: 6).reshaped([2, 3])   // CS231n-style fixture
/// let w = Tensor(randomUniformShape: [3, 4], in: -0.1...0.1, seed: 1)
/// let y = x.matmul(w) + Tensor([0.1, 0.2, 0.3, 0.4])               // broadcast a row
/// ```
///
/// Comparison with NumPy: `Tensor` is `np.ndarray` restricted to float64 and C order; `matmul` is
/// `a @ b` (through OpenBLAS `dgemm`, like NumPy), `sum(axis:)` is `a.sum(axis=)`, and `+` with a
/// vector broadcasts it over rows as `a + b[None, :]` does.
public struct Tensor: Equatable, Sendable, CustomStringConvertible {
  public private(set) var shape: [Int]
  /// The elements in row-major order.
  public var data: [Double]

  public init(shape: [Int], data: [Double]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in shape \(Tensor.show(shape))")
    precondition(
      shape.reduce(1, *) == data.count,
      "Tensor: shape \(Tensor.show(shape)) holds \(shape.reduce(1, *)) values, data has \(data.count)")
    self.shape = shape
    self.data = data
  }

  /// A vector.
  public init(_ values: [Double]) { self.init(shape: [values.count], data: values) }

  /// A matrix from rows of equal length.
  public init(rows: [[Double]]) {
    let columns = rows.first?.count ?? 0
    precondition(rows.allSatisfy { $0.count == columns }, "Tensor(rows:): rows of different lengths")
    self.init(shape: [rows.count, columns], data: rows.flatMap { $0 })
  }

  public init(zeros shape: [Int]) { self.init(repeating: 0, shape: shape) }

  public init(repeating value: Double, shape: [Int]) {
    self.init(shape: shape, data: [Double](repeating: value, count: shape.reduce(1, *)))
  }

  /// Uniform values in `range`, drawn in row-major order from `SplitMix64(seed:)`.
  public init(randomUniformShape shape: [Int], in range: ClosedRange<Double>, seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    self.init(
      shape: shape,
      data: (0..<shape.reduce(1, *)).map { _ in generator.uniform(range.lowerBound, range.upperBound) })
  }

  /// `count` evenly spaced values from `start` to `end` inclusive: `start + (end − start)·k/(count − 1)`
  /// (NumPy's `linspace`, used by CS231n fixtures).
  public static func linspace(_ start: Double, _ end: Double, count: Int) -> Tensor {
    precondition(count >= 1, "linspace: count must be at least 1, got \(count)")
    if count == 1 { return Tensor([start]) }
    return Tensor((0..<count).map { start + (end - start) * Double($0) / Double(count - 1) })
  }

  /// The same values with another shape of the same size (row-major, like NumPy's `reshape`).
  public func reshaped(_ newShape: [Int]) -> Tensor {
    precondition(
      newShape.reduce(1, *) == data.count,
      "reshaped: cannot reshape \(Tensor.show(shape)) (\(data.count) values) to \(Tensor.show(newShape))")
    return Tensor(shape: newShape, data: data)
  }

  public var count: Int { data.count }
  public var rows: Int {
    precondition(shape.count == 2, "rows: \(Tensor.show(shape)) is not a matrix")
    return shape[0]
  }
  public var columns: Int {
    precondition(shape.count == 2, "columns: \(Tensor.show(shape)) is not a matrix")
    return shape[1]
  }

  /// Element (i, j) of a matrix.
  public subscript(row: Int, column: Int) -> Double {
    get { data[index(row, column)] }
    set { data[index(row, column)] = newValue }
  }

  func index(_ row: Int, _ column: Int) -> Int {
    precondition(shape.count == 2, "subscript: \(Tensor.show(shape)) is not a matrix")
    precondition(
      (0..<shape[0]).contains(row) && (0..<shape[1]).contains(column),
      "subscript: (\(row), \(column)) is outside \(Tensor.show(shape))")
    return row * shape[1] + column
  }

  public var description: String {
    guard shape.count == 2 else { return "Tensor\(Tensor.show(shape)) \(data)" }
    let columns = shape[1]
    let lines: [String] = (0..<shape[0]).map { (row: Int) -> String in
      let values: ArraySlice<Double> = data[(row * columns)..<((row + 1) * columns)]
      return values.map { "\($0)" }.joined(separator: "  ")
    }
    return "Tensor\(Tensor.show(shape))\n" + lines.joined(separator: "\n")
  }

  static func show(_ shape: [Int]) -> String { "(" + shape.map(String.init).joined(separator: ", ") + ")" }
}

// MARK: - Matrix multiplication

extension Tensor {
  /// The matrix product `self · other`, optionally with either operand transposed first
  /// (`a.matmul(b, transposeOther: true)` is `a @ b.T`), through OpenBLAS `dgemm`.
  ///
  /// - Complexity: O(m·n·k); about the speed of NumPy's `@` on the same machine.
  public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
    precondition(
      shape.count == 2 && other.shape.count == 2,
      "matmul: \(Tensor.show(shape)) × \(Tensor.show(other.shape)): both must be matrices")
    let m = transposeSelf ? shape[1] : shape[0]
    let k = transposeSelf ? shape[0] : shape[1]
    let otherK = transposeOther ? other.shape[1] : other.shape[0]
    let n = transposeOther ? other.shape[0] : other.shape[1]
    precondition(
      k == otherK,
      "matmul: \(Tensor.show(transposeSelf ? [k, m] : [m, k]))\(transposeSelf ? "ᵀ" : "") × "
        + "\(Tensor.show(other.shape))\(transposeOther ? "ᵀ" : ""): the inner dimensions \(k) and \(otherK) differ")
    var result = [Double](repeating: 0, count: m * n)
    if m > 0 && n > 0 && k > 0 {
      data.withUnsafeBufferPointer { a in
        other.data.withUnsafeBufferPointer { b in
          result.withUnsafeMutableBufferPointer { c in
            cblas_dgemm(
              CblasRowMajor, transposeSelf ? CblasTrans : CblasNoTrans, transposeOther ? CblasTrans : CblasNoTrans,
              Int32(m), Int32(n), Int32(k), 1, a.baseAddress, Int32(shape[1]), b.baseAddress, Int32(other.shape[1]), 0,
              c.baseAddress, Int32(n))
          }
        }
      }
    }
    return Tensor(shape: [m, n], data: result)
  }

  /// The transpose of a matrix.
  public var transposed: Tensor {
    let (m, n) = (rows, columns)
    var result = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
      for j in 0..<n { result[j * m + i] = data[i * n + j] }
    }
    return Tensor(shape: [n, m], data: result)
  }
}
