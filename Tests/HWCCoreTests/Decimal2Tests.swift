import Testing

@testable import HWCCore

@Suite struct Decimal2Tests {
  @Test(arguments: [
    ("0", 0), ("7", 700), ("12.5", 1250), ("12.50", 1250), ("12.05", 1205), ("0.01", 1),
    ("35.500", 3550), ("1500000", 150_000_000),
  ])
  func parsesIntoHundredths(text: String, hundredths: Int) throws {
    #expect(try Decimal2.parse(text).get() == hundredths)
  }

  @Test(arguments: [
    ("12.345", Decimal2.Problem.tooManyDecimals), ("-3", .negative), ("abc", .notANumber),
    ("", .notANumber), ("1.", .notANumber), (".5", .notANumber), ("1.2.3", .notANumber),
    ("1e3", .notANumber), (" 1", .notANumber), ("1,5", .notANumber),
    ("99999999999999999999", .tooLarge),
  ])
  func refusesWithTheReason(text: String, problem: Decimal2.Problem) {
    #expect(throws: problem) { try Decimal2.parse(text).get() }
  }

  @Test(arguments: [
    (0, "0"), (700, "7"), (1250, "12.5"), (1205, "12.05"), (1, "0.01"), (-150, "-1.5"),
  ])
  func formatsWithoutTrailingZeros(hundredths: Int, text: String) {
    #expect(Decimal2.format(hundredths) == text)
  }
}
