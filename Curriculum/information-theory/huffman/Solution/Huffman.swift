import Foundation

/// A node of the Huffman tree: a leaf (a symbol) or two children.
final class HuffmanNode {
  let weight: Double
  let symbol: Int?
  let children: (HuffmanNode, HuffmanNode)?

  init(weight: Double, symbol: Int? = nil, children: (HuffmanNode, HuffmanNode)? = nil) {
    self.weight = weight
    self.symbol = symbol
    self.children = children
  }
}

/// Builds the tree by merging the two lightest nodes until one is left (ties: the earliest first).
func huffmanTree(_ weights: [Double]) -> HuffmanNode? {
  var nodes = weights.enumerated().map { HuffmanNode(weight: $0.element, symbol: $0.offset) }
  while nodes.count > 1 {
    nodes.sort { $0.weight < $1.weight }
    let first = nodes.removeFirst()
    let second = nodes.removeFirst()
    nodes.append(HuffmanNode(weight: first.weight + second.weight, children: (first, second)))
  }
  return nodes.first
}

/// The codewords ("0"/"1" strings) of an optimal prefix code; a single symbol gets "".
func huffmanCode(_ weights: [Double]) -> [String] {
  var codes = [String](repeating: "", count: weights.count)
  func walk(_ node: HuffmanNode, _ prefix: String) {
    if let symbol = node.symbol {
      codes[symbol] = prefix
    } else if let (left, right) = node.children {
      walk(left, prefix + "0")
      walk(right, prefix + "1")
    }
  }
  if let root = huffmanTree(weights) { walk(root, "") }
  return codes
}

/// The code lengths of an optimal (Huffman) prefix code for these weights.
func huffmanCodeLengths(_ weights: [Double]) -> [Int] {
  huffmanCode(weights).map(\.count)
}
