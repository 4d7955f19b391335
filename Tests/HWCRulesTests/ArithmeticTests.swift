import Testing

@testable import HWCRules

@Suite struct ArithmeticTests {
  @Test(arguments: [
    (1725, 10, 173), (1724, 10, 172), (5, 10, 1), (4, 10, 0), (0, 7, 0), (3, 2, 2), (7, 7, 1),
    (Int.max, 1, Int.max), (Int.max - 1, Int.max, 1),
  ])
  func halfUpRoundsHalvesUp(numerator: Int, denominator: Int, rounded: Int) {
    #expect(Arithmetic.halfUp(numerator, denominator) == rounded)
  }

  @Test(arguments: [
    (0, "0"), (999, "999"), (1000, "1,000"), (141_552, "141,552"), (3_932_000, "3,932,000"),
    (-1234, "-1,234"), (100_000_000, "100,000,000"),
  ])
  func groupsThousands(value: Int, text: String) {
    #expect(Arithmetic.grouped(value) == text)
  }

  @Test(arguments: [
    (393_200, "3,932"), (3550, "35.5"), (20, "0.2"), (1205, "12.05"), (14_155_200, "141,552"),
    (0, "0"), (-150, "-1.5"),
  ])
  func formatsHundredthsGrouped(hundredths: Int, text: String) {
    #expect(Arithmetic.centi(hundredths) == text)
  }

  @Test(arguments: [
    // 3 × 12 MRP × 3,932 KZT
    ([300, 1200, 393_200], 6, "141,552", 141_552),
    // 0.25 × 0.2 MRP × 3,450 KZT
    ([25, 20, 345_000], 6, "172.5", 173),
    // 0.03 × 0.2 MRP × 3,692 KZT
    ([3, 20, 369_200], 6, "22.152", 22),
    ([1, 69], 4, "0.0069", 0),
    // 10^10 × 10^10 = 10^20 does not fit in Int; the result 10^14 does
    ([10_000_000_000, 10_000_000_000], 6, "100,000,000,000,000", 100_000_000_000_000),
    // 1,000,000 head × 90 MRP × 4,325 KZT
    ([100_000_000, 9000, 432_500], 6, "389,250,000,000", 389_250_000_000),
  ])
  func productIsExactInWideArithmetic(factors: [Int], scale: Int, text: String, rounded: Int) {
    let exact = Arithmetic.product(factors, scale: scale)
    #expect(exact.text == text)
    #expect(exact.roundedHalfUp == rounded)
  }
}
