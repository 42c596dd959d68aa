import Foundation
import PracticeChecks

// The saved file is read back here with the library's SafeTensors reader (whose bytes match a
// Python-built safetensors file in PracticeNumericsTests), so the check does not rely on the
// learner's loader to judge the learner's writer. The loaded model must reproduce the original's
// logits exactly (bit for bit: the format stores binary64).

let checkpointModel = GPT(config: GPTConfig(), seed: 2024)

func checkpointFile(_ name: String) -> URL {
  FileManager.default.temporaryDirectory.appendingPathComponent("practice-\(name)-\(UUID().uuidString).safetensors")
}

let checks = CheckSuite {
  Check(
    "save", "the file is safetensors with every weight by name, shape and value, and the sizes in the metadata",
    points: 3,
    hint:
      "Names: wte, wpe, blocks.0.wqkv, blocks.0.wo, blocks.0.w1, blocks.0.w2, blocks.1.…; metadata values are strings."
  ) {
    let url = checkpointFile("save")
    defer { try? FileManager.default.removeItem(at: url) }
    try checkpointModel.save(to: url)
    let (tensors, metadata) = try SafeTensors.read(from: url)
    let byName = Dictionary(tensors.map { ($0.name, $0.tensor) }, uniquingKeysWith: { first, _ in first })
    var expected: [(String, Tensor)] = [("wte", checkpointModel.wte), ("wpe", checkpointModel.wpe)]
    for (l, block) in checkpointModel.blocks.enumerated() {
      expected += [
        ("blocks.\(l).wqkv", block.wqkv), ("blocks.\(l).wo", block.wo), ("blocks.\(l).w1", block.w1),
        ("blocks.\(l).w2", block.w2),
      ]
    }
    try expectEqual(Set(byName.keys), Set(expected.map(\.0)), "tensor names")
    for (name, tensor) in expected {
      try expectShape(byName[name]?.shape ?? [], tensor.shape, name)
      try expect(byName[name]?.data == tensor.data, "\(name): the saved values differ from the model's")
    }
    try expectEqual(
      metadata, ["vocabulary": "27", "context": "32", "width": "16", "layers": "2", "heads": "2"], "metadata")
  }
  Check(
    "load", "a saved model loads back with the same sizes and exactly the same logits", points: 3,
    dependsOn: ["save"],
    hint: "Build a GPT of the saved config, then replace every weight with the file's."
  ) {
    let url = checkpointFile("load")
    defer { try? FileManager.default.removeItem(at: url) }
    let wide = GPT(config: GPTConfig(vocabulary: 29, context: 16, width: 8, layers: 3, heads: 4), seed: 5)
    for model in [checkpointModel, wide] {
      try model.save(to: url)
      let loaded = try GPT.load(from: url)
      try expectEqual(
        [
          loaded.config.vocabulary, loaded.config.context, loaded.config.width, loaded.config.layers,
          loaded.config.heads,
        ],
        [model.config.vocabulary, model.config.context, model.config.width, model.config.layers, model.config.heads],
        "sizes")
      let tokens = [8, 5, 12, 12, 15]
      try expect(loaded.forward(tokens).data == model.forward(tokens).data, "the loaded model's logits differ")
    }
  }
  Check(
    "refuse", "a file with a missing weight, a wrong shape or no sizes is refused with an error, not a crash",
    points: 2, dependsOn: ["load"],
    hint: "Look every weight up by name and compare its shape before using it; throw CheckpointError otherwise."
  ) {
    let url = checkpointFile("refuse")
    defer { try? FileManager.default.removeItem(at: url) }
    let sizes = ["vocabulary": "27", "context": "32", "width": "16", "layers": "2", "heads": "2"]
    let good: [(name: String, tensor: Tensor)] = [("wte", checkpointModel.wte), ("wpe", checkpointModel.wpe)]
    let cases: [(String, [(name: String, tensor: Tensor)], [String: String])] = [
      ("blocks missing", good, sizes),
      ("wte of the wrong shape", [("wte", Tensor(zeros: [27, 15])), ("wpe", checkpointModel.wpe)], sizes),
      ("no sizes in the metadata", good, [:]),
    ]
    for (name, tensors, metadata) in cases {
      try SafeTensors.write(tensors, metadata: metadata, to: url)
      var refused = false
      do { _ = try GPT.load(from: url) } catch { refused = true }
      try expect(refused, "\(name): loaded without an error")
    }
  }
}
