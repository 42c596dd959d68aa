#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Element-wise arithmetic, with a row vector broadcast over the rows of a matrix

extension Tensor {
  /// Applies `operation` element by element; `other` has the same shape, or is a vector (or a
  /// `(1, n)` matrix) of the matrix's row length, added to every row (NumPy's broadcasting).
  func combined(_ other: Tensor, _ name: String, _ operation: (Double, Double) -> Double) -> Tensor {
    if shape == other.shape {
      var result = data
      result.withUnsafeMutableBufferPointer { out in
        other.data.withUnsafeBufferPointer { b in
          for index in out.indices { out[index] = operation(out[index], b[index]) }
        }
      }
      return Tensor(shape: shape, data: result)
    }
    let rowLength =
      other.shape.count == 1 ? other.shape[0] : (other.shape.count == 2 && other.shape[0] == 1 ? other.shape[1] : -1)
    precondition(
      shape.count == 2 && rowLength == shape[1],
      "\(name): shapes \(Tensor.show(shape)) and \(Tensor.show(other.shape)) differ, and the second is not a row of the first"
    )
    var result = data
    let columns = shape[1]
    result.withUnsafeMutableBufferPointer { out in
      other.data.withUnsafeBufferPointer { row in
        for start in stride(from: 0, to: out.count, by: columns) {
          for column in 0..<columns { out[start + column] = operation(out[start + column], row[column]) }
        }
      }
    }
    return Tensor(shape: shape, data: result)
  }

  public static func + (a: Tensor, b: Tensor) -> Tensor { a.combined(b, "+", +) }
  public static func - (a: Tensor, b: Tensor) -> Tensor { a.combined(b, "-", -) }
  /// Element-wise (Hadamard) product, not matmul.
  public static func * (a: Tensor, b: Tensor) -> Tensor { a.combined(b, "*", *) }
  public static func / (a: Tensor, b: Tensor) -> Tensor { a.combined(b, "/", /) }

  public static func * (a: Tensor, s: Double) -> Tensor { a.map { $0 * s } }
  public static func * (s: Double, a: Tensor) -> Tensor { a.map { $0 * s } }
  public static func + (a: Tensor, s: Double) -> Tensor { a.map { $0 + s } }
  public static func - (a: Tensor, s: Double) -> Tensor { a.map { $0 - s } }
  public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

  public static func += (a: inout Tensor, b: Tensor) { a = a + b }
  public static func -= (a: inout Tensor, b: Tensor) { a = a - b }

  /// `transform` applied to every element (a loop the optimiser vectorises).
  public func map(_ transform: (Double) -> Double) -> Tensor {
    var result = data
    result.withUnsafeMutableBufferPointer { out in
      for index in out.indices { out[index] = transform(out[index]) }
    }
    return Tensor(shape: shape, data: result)
  }

  public func exp() -> Tensor { map { Glibc.exp($0) } }
  public func log() -> Tensor { map { Glibc.log($0) } }
  public func tanh() -> Tensor { map { Glibc.tanh($0) } }
}

// MARK: - Reductions

extension Tensor {
  /// The sum of all elements.
  public func sum() -> Double { data.reduce(0, +) }

  /// Sums a matrix along an axis: `axis: 0` sums each column (a vector of `columns`), `axis: 1`
  /// sums each row (a vector of `rows`), as `a.sum(axis=)` in NumPy.
  public func sum(axis: Int) -> Tensor { reduce(axis: axis, "sum", 0, +) }

  public func mean(axis: Int) -> Tensor {
    let count = Double(axis == 0 ? rows : columns)
    return sum(axis: axis).map { $0 / count }
  }

  public func max(axis: Int) -> Tensor { reduce(axis: axis, "max", -.infinity) { Swift.max($0, $1) } }

  func reduce(axis: Int, _ name: String, _ start: Double, _ combine: (Double, Double) -> Double) -> Tensor {
    precondition(shape.count == 2, "\(name)(axis:): \(Tensor.show(shape)) is not a matrix")
    precondition(axis == 0 || axis == 1, "\(name)(axis:): axis must be 0 or 1, got \(axis)")
    let (m, n) = (shape[0], shape[1])
    if axis == 0 {
      var result = [Double](repeating: start, count: n)
      for i in 0..<m {
        for j in 0..<n { result[j] = combine(result[j], data[i * n + j]) }
      }
      return Tensor(result)
    }
    return Tensor((0..<m).map { i in data[(i * n)..<((i + 1) * n)].reduce(start, combine) })
  }
}

// MARK: - Slicing

extension Tensor {
  /// Row `i` of a matrix, as a vector.
  public func row(_ i: Int) -> Tensor {
    precondition(shape.count == 2 && (0..<shape[0]).contains(i), "row: \(i) is outside \(Tensor.show(shape))")
    return Tensor(Array(data[(i * shape[1])..<((i + 1) * shape[1])]))
  }

  /// The rows in `range`, as a matrix.
  public func rows(_ range: Range<Int>) -> Tensor {
    precondition(
      shape.count == 2 && range.lowerBound >= 0 && range.upperBound <= shape[0],
      "rows: \(range) is outside \(Tensor.show(shape))")
    return Tensor(
      shape: [range.count, shape[1]], data: Array(data[(range.lowerBound * shape[1])..<(range.upperBound * shape[1])]))
  }

  /// The columns in `range`, as a matrix (e.g. one gate's block of an LSTM's pre-activations).
  public func columns(_ range: Range<Int>) -> Tensor {
    precondition(
      shape.count == 2 && range.lowerBound >= 0 && range.upperBound <= shape[1],
      "columns: \(range) is outside \(Tensor.show(shape))")
    var result: [Double] = []
    result.reserveCapacity(shape[0] * range.count)
    for i in 0..<shape[0] { result += data[(i * shape[1] + range.lowerBound)..<(i * shape[1] + range.upperBound)] }
    return Tensor(shape: [shape[0], range.count], data: result)
  }
}

// MARK: - Gathering and concatenating (embeddings, gates)

extension Tensor {
  /// The rows at `indices`, in that order (`table[indices]` in NumPy; an embedding lookup, or the
  /// product of one-hot rows with a matrix without the multiplications).
  public func rows(at indices: [Int]) -> Tensor {
    precondition(shape.count == 2, "rows(at:): \(Tensor.show(shape)) is not a matrix")
    let width = shape[1]
    var result = [Double](repeating: 0, count: indices.count * width)
    data.withUnsafeBufferPointer { source in
      result.withUnsafeMutableBufferPointer { target in
        for (position, index) in indices.enumerated() {
          precondition((0..<shape[0]).contains(index), "rows(at:): row \(index) is outside \(Tensor.show(shape))")
          for column in 0..<width { target[position * width + column] = source[index * width + column] }
        }
      }
    }
    return Tensor(shape: [indices.count, width], data: result)
  }

  /// Adds row `k` of `source` to row `indices[k]` of this matrix, for every k (NumPy's
  /// `np.add.at(self, indices, source)`): the backward pass of `rows(at:)`. Repeated indices add up.
  public mutating func addRows(_ source: Tensor, at indices: [Int]) {
    precondition(
      shape.count == 2 && source.shape == [indices.count, shape[1]],
      "addRows: \(Tensor.show(source.shape)) rows into \(Tensor.show(shape)) at \(indices.count) indices")
    let width = shape[1]
    let height = shape[0]
    source.data.withUnsafeBufferPointer { rows in
      data.withUnsafeMutableBufferPointer { target in
        for (position, index) in indices.enumerated() {
          precondition((0..<height).contains(index), "addRows: row \(index) is outside (\(height), \(width))")
          for column in 0..<width { target[index * width + column] += rows[position * width + column] }
        }
      }
    }
  }

  /// Matrices with the same number of rows, side by side (`np.concatenate(blocks, axis=1)`).
  public static func concatenatingColumns(_ blocks: [Tensor]) -> Tensor {
    guard let first = blocks.first else { return Tensor(zeros: [0, 0]) }
    let height = first.rows
    precondition(
      blocks.allSatisfy { $0.shape.count == 2 && $0.shape[0] == height },
      "concatenatingColumns: \(blocks.map { Tensor.show($0.shape) }.joined(separator: ", ")) have different row counts")
    let width = blocks.reduce(0) { $0 + $1.shape[1] }
    var result = [Double](repeating: 0, count: height * width)
    result.withUnsafeMutableBufferPointer { target in
      var offset = 0
      for block in blocks {
        let blockWidth = block.shape[1]
        block.data.withUnsafeBufferPointer { source in
          for row in 0..<height {
            for column in 0..<blockWidth { target[row * width + offset + column] = source[row * blockWidth + column] }
          }
        }
        offset += blockWidth
      }
    }
    return Tensor(shape: [height, width], data: result)
  }
}
