/// Keeps a training curve to at most `limit` points spread over the whole run, however many
/// progress updates arrive: the steps from 0 to the total are cut into `limit − 1` equal buckets,
/// the first point to land in each is kept, and the latest point is always kept as the last one.
/// So the first and the last step are always there and nothing is cut off at the end; memory
/// stays bounded even if a program floods the channel.
package struct CurveSampler: Sendable, Equatable {
  package let limit: Int
  private var kept: [(bucket: Int, point: [Double])] = []
  private var latest: [Double]?

  package init(limit: Int = 500) {
    precondition(limit >= 2, "a curve needs room for its first and last point")
    self.limit = limit
  }

  package static func == (lhs: CurveSampler, rhs: CurveSampler) -> Bool {
    lhs.limit == rhs.limit && lhs.points == rhs.points
  }

  /// Adds the value at `step` of `total` (steps past the total land in the last bucket).
  package mutating func add(step: Int, of total: Int, value: Double) {
    let point = [Double(step), value]
    latest = point
    let buckets = limit - 1
    let fraction = total > 0 ? Double(step) / Double(total) : 0
    let bucket = min(buckets - 1, max(0, Int((fraction * Double(buckets)).rounded(.down))))
    // Steps that go back (a second training run in the same check) keep only the latest point.
    if let last = kept.last, bucket <= last.bucket { return }
    kept.append((bucket, point))
  }

  /// The kept points, oldest first: at most `limit`, the first update first and the latest last.
  package var points: [[Double]] {
    var result = kept.map(\.point)
    if let latest, result.last != latest { result.append(latest) }
    return result
  }
}
