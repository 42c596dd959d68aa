import Foundation
import PracticeNumerics

/// out = x·w + b, with x (N, D), w (D, M), b (M) added to every row.
func linearForward(_ x: Tensor, _ w: Tensor, _ b: Tensor) -> Tensor {
  x.matmul(w) + b
}

/// The gradients of the linear layer from the upstream gradient `dout` (N, M).
func linearBackward(_ dout: Tensor, x: Tensor, w: Tensor) -> (dx: Tensor, dw: Tensor, db: Tensor) {
  (dout.matmul(w, transposeOther: true), x.matmul(dout, transposeSelf: true), dout.sum(axis: 0))
}

/// y = tanh(x), element-wise.
func tanhForward(_ x: Tensor) -> Tensor {
  x.tanh()
}

/// dx = dout · (1 − y²), from the forward output y.
func tanhBackward(_ dout: Tensor, output: Tensor) -> Tensor {
  dout * output.map { 1 - $0 * $0 }
}
