import Foundation

/// The version of every `--json` document (docs/json.md). Raise it when a field is removed or
/// changes meaning; adding a field keeps it.
let jsonFormatVersion = 1

/// A `--json` document: the command's object with `"formatVersion"` added at its top level.
struct VersionedJSON<Body: Encodable>: Encodable {
  var body: Body

  private enum Key: String, CodingKey { case formatVersion }

  func encode(to encoder: any Encoder) throws {
    try body.encode(to: encoder)
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(jsonFormatVersion, forKey: .formatVersion)
  }
}
