/// A small, fast, seedable pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// The demo never uses the system generator: the same seed gives the same register on every
/// machine and every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A generator for one purpose, independent of how much this one has been used.
  func fork(_ salt: UInt64) -> SplitMix64 {
    var mixer = SplitMix64(seed: state ^ (salt &* 0x9E37_79B9_7F4A_7C15))
    return SplitMix64(seed: mixer.next())
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A uniform integer in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) + 1
    return range.lowerBound + Int(next() % span)
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// One element of a non-empty array, uniformly.
  mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

  /// One element chosen with the given weights (not necessarily summing to 1).
  mutating func weighted<T>(_ choices: [(T, Double)]) -> T {
    let total = choices.reduce(0) { $0 + $1.1 }
    var target = unit() * total
    for (value, weight) in choices {
      if target < weight { return value }
      target -= weight
    }
    return choices[choices.count - 1].0
  }

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

  /// A real in `range`, uniformly.
  mutating func real(_ range: ClosedRange<Double>) -> Double {
    range.lowerBound + unit() * (range.upperBound - range.lowerBound)
  }
}
