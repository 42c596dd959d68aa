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
    // TODO: the list of (name, tensor) pairs and the metadata, then SafeTensors.write.
  }

  /// Loads a model saved by `save`. A missing size or weight, or a weight of the wrong shape, throws
  /// a CheckpointError naming it.
  static func load(from url: URL) throws -> GPT {
    // TODO: SafeTensors.read; the sizes from the metadata; a GPT of that config; every weight by
    // name, checking its shape.
    throw CheckpointError(description: "not written yet")
  }
}
