/// A small, fast, seedable pseudo-random generator: SplitMix64 (Steele, Lea and Flood 2014, in
/// Vigna's public-domain `splitmix64.c` form).
///
/// The demo register and the randomised tests never use the system generator: the same seed
/// gives the same sequence on every machine, every run and every Swift version, so a demo is
/// reproducible and a failing random test replays exactly from its seed. The draws below are
/// plain arithmetic on `next()`; changing any of them changes every demo register and every
/// seeded test, so add a new method rather than alter one.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose first output is the SplitMix64 output for `seed`.
  public init(seed: UInt64) { state = seed }

  /// A new generator derived from this one's current state and `salt`; drawing from either
  /// afterwards leaves the other unchanged.
  public func fork(_ salt: UInt64) -> SplitMix64 {
    var mixer = SplitMix64(seed: state ^ (salt &* 0x9E37_79B9_7F4A_7C15))
    return SplitMix64(seed: mixer.next())
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1): the top 53 bits of one draw.
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// An integer in `0..<count` (`count` > 0): one draw modulo `count`.
  public mutating func below(_ count: Int) -> Int {
    precondition(count > 0, "below(_:) needs a positive count")
    return Int(next() % UInt64(count))
  }

  /// An integer in `range`: its lower bound plus one draw modulo the range's size.
  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) + 1
    return range.lowerBound + Int(next() % span)
  }

  /// A real in `range`, uniformly (from one `unit()`).
  public mutating func real(_ range: ClosedRange<Double>) -> Double {
    range.lowerBound + unit() * (range.upperBound - range.lowerBound)
  }

  /// True with probability `p`: `unit() < p`.
  public mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// True `percent` times in a hundred: `below(100) < percent`.
  public mutating func chance(percent: Int) -> Bool { below(100) < percent }

  /// One element of a non-empty array, uniformly: `items[below(items.count)]`.
  public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  /// One value chosen with the given weights (not necessarily summing to 1), from one `unit()`.
  public mutating func weighted<T>(_ choices: [(T, Double)]) -> T {
    let total = choices.reduce(0) { $0 + $1.1 }
    var target = unit() * total
    for (value, weight) in choices {
      if target < weight { return value }
      target -= weight
    }
    return choices[choices.count - 1].0
  }
}
