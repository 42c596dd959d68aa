import Foundation

/// The code lengths of an optimal (Huffman) prefix code for these weights.
///
/// - Parameter weights: non-negative; they need not sum to 1. A single symbol gets length 0.
func huffmanCodeLengths(_ weights: [Double]) -> [Int] {
  // TODO: repeatedly merge the two lightest nodes; a symbol's length is its depth in the tree.
  return weights.map { _ in 1 }
}

/// The codewords ("0"/"1" strings) of an optimal prefix code; a single symbol gets "".
func huffmanCode(_ weights: [Double]) -> [String] {
  // TODO: build the tree, then label left branches 0 and right branches 1.
  return weights.map { _ in "" }
}
