import Foundation
import PracticeNumerics

// Uses your GPT from transformer/tiny-gpt (compiled with this file).

/// Why a checkpoint could not be loaded.
struct CheckpointError: Error, CustomStringConvertible {
  var description: String
}

extension GPT {
  /// Saves every weight in the safetensors format (the library's `SafeTensors`), named "wte", "wpe"
  /// and "blocks.<layer>.wqkv", ".wo", ".w1", ".w2", with the sizes in the metadata as decimal
  /// strings: "vocabulary", "context", "width", "layers", "heads".
  func save(to url: URL) throws {
    var tensors: [(name: String, tensor: Tensor)] = [("wte", wte), ("wpe", wpe)]
    for (l, block) in blocks.enumerated() {
      tensors += [
        ("blocks.\(l).wqkv", block.wqkv), ("blocks.\(l).wo", block.wo), ("blocks.\(l).w1", block.w1),
        ("blocks.\(l).w2", block.w2),
      ]
    }
    let metadata = [
      "vocabulary": "\(config.vocabulary)", "context": "\(config.context)", "width": "\(config.width)",
      "layers": "\(config.layers)", "heads": "\(config.heads)",
    ]
    try SafeTensors.write(tensors, metadata: metadata, to: url)
  }

  /// Loads a model saved by `save`. A missing size or weight, or a weight of the wrong shape, throws
  /// a CheckpointError naming it.
  static func load(from url: URL) throws -> GPT {
    let (tensors, metadata) = try SafeTensors.read(from: url)
    func size(_ key: String) throws -> Int {
      guard let text = metadata[key], let value = Int(text), value > 0 else {
        throw CheckpointError(description: "metadata '\(key)' is missing or not a positive integer")
      }
      return value
    }
    let config = GPTConfig(
      vocabulary: try size("vocabulary"), context: try size("context"), width: try size("width"),
      layers: try size("layers"), heads: try size("heads"))
    var model = GPT(config: config, seed: 0)
    let byName = Dictionary(tensors.map { ($0.name, $0.tensor) }, uniquingKeysWith: { first, _ in first })
    func weight(_ name: String, like expected: Tensor) throws -> Tensor {
      guard let tensor = byName[name] else { throw CheckpointError(description: "weight '\(name)' is missing") }
      guard tensor.shape == expected.shape else {
        throw CheckpointError(description: "weight '\(name)' has shape \(tensor.shape), expected \(expected.shape)")
      }
      return tensor
    }
    model.wte = try weight("wte", like: model.wte)
    model.wpe = try weight("wpe", like: model.wpe)
    for l in model.blocks.indices {
      let block = model.blocks[l]
      model.blocks[l] = Block(
        wqkv: try weight("blocks.\(l).wqkv", like: block.wqkv), wo: try weight("blocks.\(l).wo", like: block.wo),
        w1: try weight("blocks.\(l).w1", like: block.w1), w2: try weight("blocks.\(l).w2", like: block.w2))
    }
    return model
  }
}
