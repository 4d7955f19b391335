import HWCCore
import HWCRegister

/// A calendar quarter, `2026-Q3`: 1 July to 30 September 2026.
public struct Quarter: Sendable, Equatable, CustomStringConvertible {
  public let year: Int
  /// 1 to 4.
  public let number: Int

  /// Parses `YYYY-Qn`; the refusal names `--quarter`.
  public init(_ text: String) throws {
    let (first, _) = try Register.quarterBounds(text)
    self.year = first.year
    self.number = (first.month - 1) / 3 + 1
  }

  init(year: Int, number: Int) {
    self.year = year
    self.number = number
  }

  public var description: String { "\(year)-Q\(number)" }

  public var first: CalendarDate { CalendarDate(year: year, month: number * 3 - 2, day: 1)! }

  public var last: CalendarDate { next.first.adding(days: -1) }

  public var previous: Quarter {
    number == 1 ? Quarter(year: year - 1, number: 4) : Quarter(year: year, number: number - 1)
  }

  public var next: Quarter {
    number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1)
  }

  public var yearBefore: Quarter { Quarter(year: year - 1, number: number) }

  /// The last quarter that ended before `date`.
  public static func latestComplete(before date: CalendarDate) -> Quarter {
    Quarter(year: date.year, number: (date.month - 1) / 3 + 1).previous
  }
}
