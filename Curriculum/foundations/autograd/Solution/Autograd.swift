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
    let out = Value(Foundation.pow(a.data, k), children: [a])
    out.backwardStep = { [unowned out] in a.grad += k * Foundation.pow(a.data, k - 1) * out.grad }
    return out
  }

  /// max(0, a); local derivative 1 where a > 0, else 0.
  func relu() -> Value {
    let out = Value(Swift.max(0, data), children: [self])
    out.backwardStep = { [unowned out, unowned self] in self.grad += (out.data > 0 ? 1 : 0) * out.grad }
    return out
  }

  /// tanh(a); local derivative 1 − tanh²(a).
  func tanh() -> Value {
    let out = Value(Foundation.tanh(data), children: [self])
    out.backwardStep = { [unowned out, unowned self] in self.grad += (1 - out.data * out.data) * out.grad }
    return out
  }

  /// eᵃ; local derivative eᵃ.
  func exp() -> Value {
    let out = Value(Foundation.exp(data), children: [self])
    out.backwardStep = { [unowned out, unowned self] in self.grad += out.data * out.grad }
    return out
  }

  /// ln a; local derivative 1/a.
  func log() -> Value {
    let out = Value(Foundation.log(data), children: [self])
    out.backwardStep = { [unowned out, unowned self] in self.grad += out.grad / self.data }
    return out
  }

  /// Fills `grad` of every value this one depends on: self.grad = 1, then each value's
  /// backwardStep in reverse topological order (a value after all the values that use it).
  func backward() {
    var order: [Value] = []
    var visited = Set<ObjectIdentifier>()
    func visit(_ value: Value) {
      guard visited.insert(ObjectIdentifier(value)).inserted else { return }
      value.children.forEach(visit)
      order.append(value)
    }
    visit(self)
    grad = 1
    for value in order.reversed() { value.backwardStep() }
  }
}

func pow(_ a: Value, _ k: Double) -> Value { Value.pow(a, k) }
