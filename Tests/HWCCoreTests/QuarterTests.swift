import Testing

@testable import HWCCore

@Suite struct QuarterTests {
  @Test("quarters: parsing, previous, a year before, the latest complete one")
  func quarters() throws {
    let q = try #require(Quarter(parsing: "2026-q1"))
    #expect(q.description == "2026-Q1")
    #expect(q.previous.description == "2025-Q4")
    #expect(q.next.description == "2026-Q2")
    #expect(q.yearBefore.description == "2025-Q1")
    #expect(q.last.description == "2026-03-31")
    #expect(Quarter.latestComplete(before: CalendarDate("2026-10-20")!).description == "2026-Q3")
    #expect(Quarter.latestComplete(before: CalendarDate("2026-01-01")!).description == "2025-Q4")
  }

  @Test(
    "a quarter is YYYY-Qn with n from 1 to 4",
    arguments: ["2026-Q5", "26-Q1", "2026-Q0", "2026Q1", "2026-Q", "2026-Q12", "", "0000-Q1"])
  func refusesMalformedQuarters(text: String) {
    #expect(Quarter(parsing: text) == nil)
  }

  @Test(
    "first and last day of each quarter",
    arguments: [
      ("2026-Q1", "2026-01-01", "2026-03-31"), ("2026-Q2", "2026-04-01", "2026-06-30"),
      ("2026-Q3", "2026-07-01", "2026-09-30"), ("2026-Q4", "2026-10-01", "2026-12-31"),
      ("2024-Q1", "2024-01-01", "2024-03-31"), ("9999-Q4", "9999-10-01", "9999-12-31"),
    ])
  func bounds(text: String, first: String, last: String) throws {
    let quarter = try #require(Quarter(parsing: text))
    #expect(quarter.first.description == first)
    #expect(quarter.last.description == last)
  }

  @Test("the quarter containing a date")
  func containing() {
    #expect(Quarter(containing: CalendarDate("2026-09-30")!).description == "2026-Q3")
    #expect(Quarter(containing: CalendarDate("2026-10-01")!).description == "2026-Q4")
  }
}
