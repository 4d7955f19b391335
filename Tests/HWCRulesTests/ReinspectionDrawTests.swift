import HWCCore
import HWCRules
import Testing

/// The pure re-inspection draw: the score's definition, the exact comparison with the rate,
/// the week a seed belongs to, and the share it samples.
@Suite struct ReinspectionDrawTests {
  /// Vectors computed outside hwc (Python's hashlib): int(SHA-256(seed ‖ id)[0:8], big-endian).
  @Test func theScoreIsTheFirstEightBytesOfTheHashOfSeedAndIdBigEndian() {
    #expect(
      ReinspectionDrawRule.score(seed: ReinspectionDrawRule.genesisSeed, complaint: "KAZ-2026-0001")
        == 12_069_079_541_192_462_019)
    let seed = (0..<32).map { UInt8($0) }
    #expect(
      ReinspectionDrawRule.score(seed: seed, complaint: "KGZ-2026-0007")
        == 16_517_024_693_287_214_353)
    let fraction = ReinspectionDrawRule.fraction(12_069_079_541_192_462_019)
    #expect(fraction > 0.654_266_112 && fraction < 0.654_266_113)
    #expect(ReinspectionDrawRule.fraction(UInt64.max) < 1)
  }

  /// 5 % of 2^64 is 922,337,203,685,477,580.8: the last score below it is sampled, the next
  /// one is not, with no rounding of a Double in between.
  @Test func theRateIsComparedExactly() {
    #expect(ReinspectionDrawRule.sampled(922_337_203_685_477_580, rateCenti: 5))
    #expect(!ReinspectionDrawRule.sampled(922_337_203_685_477_581, rateCenti: 5))
    #expect(ReinspectionDrawRule.sampled(0, rateCenti: 1))
    #expect(!ReinspectionDrawRule.sampled(0, rateCenti: 0))
    #expect(ReinspectionDrawRule.sampled(UInt64.max, rateCenti: 100))
    #expect(!ReinspectionDrawRule.sampled(UInt64.max, rateCenti: 99))
  }

  /// Over 10,000 synthetic ids and one fixed seed, the sampled share lies within ±4.5 standard
  /// deviations of the 5 % rate: σ = sqrt(0.05 × 0.95 / 10,000) = 0.218 %, so between 4.02 %
  /// and 5.98 % (402 to 598 ids). The seed and ids are fixed, so the count is deterministic and
  /// the test cannot flake; a biased score (say, one byte only, or bytes read little-endian
  /// with a bug) falls outside.
  @Test func theSampledShareOfTenThousandIdsIsWithinFourAndAHalfSigmaOfTheRate() {
    let seed = SHA256.hash("a fixed seed for the share test")
    var sampled = 0
    for number in 1...10_000 {
      let id = "KAZ-2026-" + String(number)
      if ReinspectionDrawRule.sampled(
        ReinspectionDrawRule.score(seed: seed, complaint: id), rateCenti: 5)
      {
        sampled += 1
      }
    }
    #expect((402...598).contains(sampled), "sampled \(sampled) of 10,000")
  }

  /// A draw's week starts on Monday; 2026-11-30 is a Monday.
  @Test func theWeekOfADateStartsOnItsMonday() throws {
    let monday = try #require(CalendarDate("2026-11-30"))
    #expect(ReinspectionDrawRule.weekStart(of: monday) == monday)
    #expect(ReinspectionDrawRule.weekStart(of: try #require(CalendarDate("2026-12-06"))) == monday)
    #expect(
      ReinspectionDrawRule.weekStart(of: try #require(CalendarDate("2026-11-29")))
        == CalendarDate("2026-11-23"))
    #expect(
      ReinspectionDrawRule.weekStart(of: try #require(CalendarDate("1969-12-31")))
        == CalendarDate("1969-12-29"))
  }

  /// Monday 00:00 in Asia/Oral (UTC+5) is Sunday 19:00 UTC, the boundary a seed is read at.
  @Test func aLocalMidnightIsStoredAsItsUTCInstant() throws {
    let monday = try #require(CalendarDate("2026-11-30"))
    #expect(OfficeZone.builtIn("Asia/Oral")?.startTimestamp(of: monday) == "2026-11-29T19:00:00Z")
    #expect(OfficeZone.utc.startTimestamp(of: monday) == "2026-11-30T00:00:00Z")
    #expect(
      OfficeZone.builtIn("Asia/Bishkek")?.startTimestamp(of: monday) == "2026-11-29T18:00:00Z")
  }
}
