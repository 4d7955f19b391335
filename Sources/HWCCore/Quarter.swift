/// A calendar quarter, `2026-Q3`: 1 July to 30 September 2026.
public struct Quarter: Sendable, Hashable, CustomStringConvertible {
  public let year: Int
  /// 1 to 4.
  public let number: Int

  /// Parses `YYYY-Qn` (the `q` in either case); nil for anything else.
  public init?(parsing text: String) {
    let parts = text.uppercased().split(separator: "-")
    guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].count == 2,
      parts[1].first == "Q", let number = Int(parts[1].dropFirst()), (1...4).contains(number),
      CalendarDate(year: year, month: 1, day: 1) != nil
    else { return nil }
    self.init(year: year, number: number)
  }

  /// The quarter `number` (1 to 4) of `year`.
  public init(year: Int, number: Int) {
    precondition((1...4).contains(number), "a quarter is numbered 1 to 4")
    self.year = year
    self.number = number
  }

  /// The quarter `date` falls in.
  public init(containing date: CalendarDate) {
    self.init(year: date.year, number: date.quarter)
  }

  public var description: String { "\(year)-Q\(number)" }

  /// Its first day.
  public var first: CalendarDate { CalendarDate(year: year, month: number * 3 - 2, day: 1)! }

  /// Its last day: 31 March, 30 June, 30 September or 31 December.
  public var last: CalendarDate {
    CalendarDate(year: year, month: number * 3, day: number == 1 || number == 4 ? 31 : 30)!
  }

  public var previous: Quarter {
    number == 1 ? Quarter(year: year - 1, number: 4) : Quarter(year: year, number: number - 1)
  }

  public var next: Quarter {
    number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1)
  }

  /// The same quarter a year earlier.
  public var yearBefore: Quarter { Quarter(year: year - 1, number: number) }

  /// The last quarter that ended before `date`.
  public static func latestComplete(before date: CalendarDate) -> Quarter {
    Quarter(containing: date).previous
  }
}
