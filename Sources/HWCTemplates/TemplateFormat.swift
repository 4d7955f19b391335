import HWCCore

/// Integer-only formatting of numbers, amounts, percentages, dates, bars and aligned text.
///
/// Widths are counted in Characters (grapheme clusters), so "Жанибек" is 7 wide and a letter
/// with a combining mark is 1 wide.
enum TemplateFormat {
  /// `value` with grouped thousands and a leading "-" when negative.
  static func number(_ value: Int, locale: TemplateLocale) -> String {
    locale.numbers.integer(value)
  }

  /// An amount in minor units (1/100): `1,234,567.89 KZT`, or `141,552 KZT` when the minor part
  /// is zero. With `whole`, rounds half away from zero to whole units and never shows decimals.
  static func money(
    _ minor: Int, currency: String?, whole: Bool, locale: TemplateLocale
  ) -> String {
    var shown = minor
    if whole {
      let units = Int((minor.magnitude + 50) / 100) * 100
      shown = minor < 0 ? -units : units
    }
    return locale.numbers.money(shown, currency: currency)
  }

  /// `part` as a percentage of `total` with one decimal, rounded half away from zero:
  /// `63.4%`; "—" when `total` is 0; nil when the percentage does not fit in an integer.
  static func percent(_ part: Int, of total: Int, locale: TemplateLocale) -> String? {
    guard total != 0 else { return "—" }
    guard let tenths = mulDivRoundingHalfUp(part.magnitude, 1000, total.magnitude) else {
      return nil
    }
    let negative = tenths != 0 && (part < 0) != (total < 0)
    return (negative ? "-" : "")
      + locale.numbers.decimal(tenths / 10, fraction: String(tenths % 10)) + "%"
  }

  /// The year, month and day of an exact `YYYY-MM-DD` date that exists; nil otherwise.
  static func parseDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
    CalendarDate(text).map { ($0.year, $0.month, $0.day) }
  }

  /// The date styles `date` accepts.
  static let dateStyles = ["iso", "long", "short"]

  /// A valid date in `style`: iso `2026-11-21`, long `21 November 2026`, short `21.11.2026`.
  static func date(
    _ date: (year: Int, month: Int, day: Int), style: String, locale: TemplateLocale
  ) -> String {
    func twoDigits(_ value: Int) -> String { (value < 10 ? "0" : "") + String(value) }
    let year =
      String(repeating: "0", count: max(0, 4 - String(date.year).count))
      + String(date.year)
    switch style {
    case "long":
      return locale.longDate.replacing("{day}", with: String(date.day))
        .replacing("{month}", with: locale.monthNames[date.month - 1])
        .replacing("{year}", with: year)
    case "short": return "\(twoDigits(date.day)).\(twoDigits(date.month)).\(year)"
    default: return "\(year)-\(twoDigits(date.month))-\(twoDigits(date.day))"
    }
  }

  /// A bar of "█" for `value` out of `maximum`, `width` blocks long at the maximum, rounded half
  /// up, at least one block for any value above zero and never more than `width`.
  /// All three must be at least 0.
  static func bar(_ value: Int, width: Int, maximum: Int) -> String {
    guard value > 0, width > 0 else { return "" }
    var blocks = width
    if value < maximum {
      let scaled = mulDivRoundingHalfUp(UInt(value), UInt(width), UInt(maximum)) ?? UInt(width)
      blocks = max(1, min(width, Int(scaled)))
    }
    return String(repeating: "█", count: blocks)
  }

  /// `text` padded with spaces to `width` characters; longer text is returned unchanged.
  static func align(_ text: String, width: Int, _ alignment: TemplateAlignment) -> String {
    let missing = width - text.count
    guard missing > 0 else { return text }
    switch alignment {
    case .left: return text + String(repeating: " ", count: missing)
    case .right: return String(repeating: " ", count: missing) + text
    case .center:
      let before = missing / 2
      return String(repeating: " ", count: before) + text
        + String(repeating: " ", count: missing - before)
    }
  }

  /// `text` cut to `width` characters, the last one replaced by "…" when anything was cut.
  static func truncate(_ text: String, width: Int) -> String {
    guard text.count > width else { return text }
    return String(text.prefix(width - 1)) + "…"
  }

  /// One table row: each cell aligned in its column, two spaces between columns, no trailing
  /// blanks, each line ending with a newline. Cells wider than their column are never cut: text
  /// in a left-aligned column wraps at spaces onto further lines of the row.
  static func tableLine(_ cells: [String], columns: [TemplateColumn]) -> String {
    // Text wider than a left-aligned column wraps at spaces onto the lines below; figures
    // (right-aligned) and single long words are never cut: the rest of the line shifts right.
    let pieces = zip(cells, columns).map { cell, column in
      column.alignment == .left && cell.count > column.width
        ? TextWrap.lines(cell, width: column.width, splittingLongWords: false) : [cell]
    }
    var out = ""
    for index in 0..<(pieces.map(\.count).max() ?? 1) {
      var line = ""
      for (offset, column) in columns.enumerated() {
        if offset > 0 { line += "  " }
        let piece = index < pieces[offset].count ? pieces[offset][index] : ""
        line += align(piece, width: column.width, column.alignment)
      }
      while line.last == " " {
        line.removeLast()
      }
      out += line + "\n"
    }
    return out
  }

  /// A line of dashes under each column, two spaces between columns.
  static func tableRule(_ columns: [TemplateColumn]) -> String {
    columns.map { String(repeating: "-", count: $0.width) }.joined(separator: "  ") + "\n"
  }

  /// `a * b / c` rounded half up, computed without overflow; nil when the result does not fit.
  /// `c` must not be 0.
  static func mulDivRoundingHalfUp(_ a: UInt, _ b: UInt, _ c: UInt) -> UInt? {
    let product = a.multipliedFullWidth(by: b)
    guard product.high < c else { return nil }
    let (quotient, remainder) = c.dividingFullWidth(product)
    guard remainder >= c - remainder else { return quotient }
    let (rounded, overflow) = quotient.addingReportingOverflow(1)
    return overflow ? nil : rounded
  }
}
