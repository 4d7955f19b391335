import Testing

@testable import HWCCore

@Suite struct CalendarDateTests {
  @Test(arguments: ["2024-02-29", "2000-02-29", "2026-12-31", "1900-01-01", "2026-04-30"])
  func realDatesParseAndPrintBack(text: String) {
    #expect(CalendarDate(text)?.description == text)
  }

  @Test(arguments: [
    "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
    "2026-1-01", "26-01-01", "2026/01/01", "2026-01-01T00", "", "abcd-ef-gh", " 2026-01-01",
  ])
  func anythingElseIsRefused(text: String) {
    #expect(CalendarDate(text) == nil)
  }

  @Test func daysSinceEpochRoundTripsAcrossCenturies() {
    for days in stride(from: -700_000, through: 800_000, by: 997) {
      let date = CalendarDate(daysSinceEpoch: days)
      #expect(date.daysSinceEpoch == days)
      #expect(CalendarDate(year: date.year, month: date.month, day: date.day) == date)
    }
    #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
  }

  @Test func addingDaysCrossesMonthYearAndLeapDay() {
    #expect(CalendarDate("2025-12-31")!.adding(days: 1).description == "2026-01-01")
    #expect(CalendarDate("2024-02-28")!.adding(days: 1).description == "2024-02-29")
    #expect(CalendarDate("2024-03-01")!.adding(days: -1).description == "2024-02-29")
    #expect(CalendarDate("2026-01-01")!.days(to: CalendarDate("2026-12-31")!) == 364)
  }

  @Test func ordersChronologically() {
    #expect(CalendarDate("2025-12-31")! < CalendarDate("2026-01-01")!)
    #expect(CalendarDate("2026-01-09")! < CalendarDate("2026-01-10")!)
  }

  @Test(arguments: [(1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (9, 3), (10, 4), (12, 4)])
  func quarterOfMonth(month: Int, quarter: Int) {
    #expect(CalendarDate(year: 2026, month: month, day: 1)!.quarter == quarter)
  }
}
