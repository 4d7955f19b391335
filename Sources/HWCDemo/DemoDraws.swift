import HWCCore

/// The demo's own shapes of chance, on top of the generator's uniform draws.
extension SplitMix64 {
  /// An integer in `range` skewed towards its low end: uniform raised to `power` (1 is uniform).
  mutating func skewed(_ range: ClosedRange<Int>, power: Int = 2) -> Int {
    let span = Double(range.upperBound - range.lowerBound + 1)
    let u = unit()
    var skew = 1.0
    for _ in 0..<power { skew *= u }
    let offset = Int(span * skew)
    return range.lowerBound + min(offset, range.upperBound - range.lowerBound)
  }

  /// A count whose expectation is `expected`: the whole part, plus one with the fraction's
  /// probability.
  mutating func count(_ expected: Double) -> Int {
    let whole = expected.rounded(.down)
    return Int(whole) + (chance(expected - whole) ? 1 : 0)
  }
}
