import HWCCore
import Testing

/// The generator against SplitMix64's published outputs, and every draw pinned: the demo register
/// and the seeded tests depend on these exact sequences.
@Suite("SplitMix64")
struct SplitMix64Tests {
  /// Seed 1234567: the five outputs Rosetta Code publishes ("Pseudo-random numbers/Splitmix64"),
  /// which Vigna's reference `splitmix64.c` also prints.
  static let published: [UInt64] = [
    6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
    4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
  ]

  @Test func seed1234567GivesThePublishedOutputs() {
    var generator = SplitMix64(seed: 1_234_567)
    #expect((0..<5).map { _ in generator.next() } == Self.published)
  }

  @Test func seedZeroGivesTheReferenceOutputs() {
    // splitmix64.c with x = 0: 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F.
    var generator = SplitMix64(seed: 0)
    #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(generator.next() == 0x06C4_5D18_8009_454F)
  }

  @Test func unitIsTheTop53BitsOfADraw() {
    var generator = SplitMix64(seed: 1_234_567)
    // 6457827717110365317 >> 11 = 3153236190000178, times 2^-53.
    #expect(generator.unit() == 0x1.667b405fec23ep-2)
    #expect(generator.unit() == 0.173_644_096_670_912_63)
  }

  @Test func belowAndIntAreADrawModuloTheSize() {
    var generator = SplitMix64(seed: 1_234_567)
    // The published outputs modulo 100: …17, …73, …23, …31, …21.
    #expect((0..<5).map { _ in generator.below(100) } == [17, 73, 23, 31, 21])
    generator = SplitMix64(seed: 1_234_567)
    #expect((0..<5).map { _ in generator.int(-3...3) } == [-2, -1, 0, 0, 3])
    generator = SplitMix64(seed: 1_234_567)
    #expect((0..<5).map { _ in generator.int(5...5) } == [5, 5, 5, 5, 5])
  }

  @Test func chanceByProbabilityUsesUnitAndByPercentUsesBelow() {
    // Units 0.350, 0.174, 0.532, 0.249, 0.890; below(100) 17, 73, 23, 31, 21.
    var generator = SplitMix64(seed: 1_234_567)
    #expect((0..<5).map { _ in generator.chance(0.5) } == [true, true, false, true, false])
    generator = SplitMix64(seed: 1_234_567)
    #expect(
      (0..<5).map { _ in generator.chance(percent: 50) } == [true, false, true, true, true])
  }

  @Test func pickWeightedAndRealDrawOnce() {
    var generator = SplitMix64(seed: 1_234_567)
    // below(4) of the published outputs: 1, 1, 3, 3, 1.
    #expect(
      (0..<5).map { _ in generator.pick(["a", "b", "c", "d"]) } == ["b", "b", "d", "d", "b"])
    generator = SplitMix64(seed: 1_234_567)
    // unit() × 4 = 1.400, 0.695, 2.129, 0.996, 3.558 against the weights 1, 2, 1.
    let choices = [("a", 1.0), ("b", 2.0), ("c", 1.0)]
    #expect((0..<5).map { _ in generator.weighted(choices) } == ["b", "a", "b", "a", "c"])
    generator = SplitMix64(seed: 1_234_567)
    #expect(generator.real(-1...1) == -1 + 0x1.667b405fec23ep-2 * 2)
  }

  @Test func aForkIsSaltedAndLeavesItsParentAlone() {
    let parent = SplitMix64(seed: 1_234_567)
    var one = parent.fork(1)
    var two = parent.fork(2)
    #expect(one.next() == 14_832_859_320_249_992_452)
    #expect(one.next() == 11_151_920_021_374_136_627)
    #expect(two.next() == 8_486_567_983_654_975_625)
    var unchanged = parent
    #expect(unchanged.next() == Self.published[0])
  }

  @Test func itDrivesTheStandardLibrarysRandomAPIsReproducibly() {
    var first = SplitMix64(seed: 42)
    var second = SplitMix64(seed: 42)
    let a = (0..<20).map { _ in Int.random(in: 0..<1000, using: &first) }
    let b = (0..<20).map { _ in Int.random(in: 0..<1000, using: &second) }
    #expect(a == b)
  }
}
