import Foundation

/// A scalar in a computation graph, with its gradient (micrograd style).
final class Value {
  var data: Double
  var grad = 0.0
  let children: [Value]
  /// Pushes this value's `grad` to its children's `grad` (set by the operation that made it).
  var backwardStep: () -> Void = {}

  init(_ data: Double, children: [Value] = []) {
    self.data = data
    self.children = children
  }

  static func + (a: Value, b: Value) -> Value {
    let out = Value(a.data + b.data, children: [a, b])
    out.backwardStep = { [unowned out] in
      a.grad += out.grad
      b.grad += out.grad
    }
    return out
  }

  static func * (a: Value, b: Value) -> Value {
    let out = Value(a.data * b.data, children: [a, b])
    out.backwardStep = { [unowned out] in
      a.grad += b.data * out.grad
      b.grad += a.data * out.grad
    }
    return out
  }

  static func + (a: Value, b: Double) -> Value { a + Value(b) }
  static func + (a: Double, b: Value) -> Value { Value(a) + b }
  static func * (a: Value, b: Double) -> Value { a * Value(b) }
  static func * (a: Double, b: Value) -> Value { Value(a) * b }
  static prefix func - (a: Value) -> Value { a * -1 }
  static func - (a: Value, b: Value) -> Value { a + (-b) }
  static func - (a: Value, b: Double) -> Value { a + (-b) }
  static func / (a: Value, b: Value) -> Value { a * pow(b, -1) }
  static func / (a: Value, b: Double) -> Value { a * (1 / b) }
  static func / (a: Double, b: Value) -> Value { Value(a) * pow(b, -1) }
  static func += (a: inout Value, b: Value) { a = a + b }

  /// aᵏ for a constant exponent k; local derivative k·aᵏ⁻¹.
  static func pow(_ a: Value, _ k: Double) -> Value {
    // TODO: like * above: compute the data, then set out.backwardStep.
    return Value(0, children: [a])
  }

  /// max(0, a); local derivative 1 where a > 0, else 0.
  func relu() -> Value {
    // TODO
    return Value(0, children: [self])
  }

  /// tanh(a); local derivative 1 − tanh²(a).
  func tanh() -> Value {
    // TODO
    return Value(0, children: [self])
  }

  /// eᵃ; local derivative eᵃ.
  func exp() -> Value {
    // TODO
    return Value(0, children: [self])
  }

  /// ln a; local derivative 1/a.
  func log() -> Value {
    // TODO
    return Value(0, children: [self])
  }

  /// Fills `grad` of every value this one depends on: self.grad = 1, then each value's
  /// backwardStep in reverse topological order (a value after all the values that use it).
  func backward() {
    // TODO: depth-first search to order the graph, then walk it backwards.
  }
}

func pow(_ a: Value, _ k: Double) -> Value { Value.pow(a, k) }
