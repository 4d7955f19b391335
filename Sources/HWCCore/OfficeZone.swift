#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The office's time zone: its IANA name and the UTC offset it has at each instant. "Today"
/// and every printed time are local to it; stored timestamps stay UTC.
///
/// A zone is read from the system's tz database (`/usr/share/zoneinfo`, the files
/// `TimeZone(identifier:)` reads), or, on a machine without one (a bare container), from a
/// built-in table of the region's zones. hwc links no Foundation, so the tz files are read
/// here directly.
public struct OfficeZone: Sendable, Equatable {
  /// Where a zone's offsets came from.
  public enum Source: String, Sendable {
    case system = "tz database"
    case builtIn = "built-in table"
  }

  /// An offset in force from an instant on.
  struct Period: Sendable, Equatable {
    /// Seconds since 1970-01-01T00:00:00Z.
    let from: Int
    /// Seconds east of UTC.
    let offset: Int
  }

  /// The IANA name, e.g. `Asia/Oral`.
  public let identifier: String
  public let source: Source
  /// Ascending by `from`; the first period also applies before its instant.
  let periods: [Period]

  /// The zone of a new register.
  public static let defaultIdentifier = "Asia/Oral"
  /// Coordinated Universal Time, the zone of a clock no register has set.
  public static let utc = OfficeZone(
    identifier: "UTC", source: .builtIn, periods: [Period(from: 0, offset: 0)])

  /// The zone called `identifier`: from the tz database under `zoneinfo` when it has the zone,
  /// else from the built-in table; nil when neither knows it.
  public static func named(_ identifier: String, zoneinfo: String = "/usr/share/zoneinfo")
    -> OfficeZone?
  {
    if let periods = TZif.periods(zoneinfo: zoneinfo, identifier: identifier) {
      return OfficeZone(identifier: identifier, source: .system, periods: periods)
    }
    return builtIn(identifier)
  }

  /// The zone from the built-in table alone.
  public static func builtIn(_ identifier: String) -> OfficeZone? {
    guard let periods = builtInTable[identifier] else { return nil }
    return OfficeZone(identifier: identifier, source: .builtIn, periods: periods)
  }

  /// A zone stored in a register but known neither to this machine's tz database nor to the
  /// built-in table: read as UTC under its own name, so that the register still opens.
  public static func unresolved(_ identifier: String) -> OfficeZone {
    OfficeZone(identifier: identifier, source: .builtIn, periods: utc.periods)
  }

  /// The zones of the built-in table, for messages listing valid zones.
  public static var builtInIdentifiers: [String] { builtInTable.keys.sorted() }

  /// The region's zones since 2005 (none has daylight saving time since then): Kazakhstan moved
  /// Almaty and Qostanay from +06 to +05 on 2024-03-01 00:00 local time, Qyzylorda on
  /// 2018-12-21 00:00; Kyrgyzstan is +06.
  static let builtInTable: [String: [Period]] = [
    "Asia/Oral": [Period(from: 0, offset: 5 * 3600)],
    "Asia/Aqtau": [Period(from: 0, offset: 5 * 3600)],
    "Asia/Aqtobe": [Period(from: 0, offset: 5 * 3600)],
    "Asia/Atyrau": [Period(from: 0, offset: 5 * 3600)],
    "Asia/Almaty": [
      Period(from: 0, offset: 6 * 3600), Period(from: 1_709_229_600, offset: 5 * 3600),
    ],
    "Asia/Qostanay": [
      Period(from: 0, offset: 6 * 3600), Period(from: 1_709_229_600, offset: 5 * 3600),
    ],
    "Asia/Qyzylorda": [
      Period(from: 0, offset: 6 * 3600), Period(from: 1_545_328_800, offset: 5 * 3600),
    ],
    "Asia/Bishkek": [Period(from: 0, offset: 6 * 3600)],
    "UTC": [Period(from: 0, offset: 0)],
  ]

  /// The offset east of UTC, in seconds, at `seconds` since 1970.
  public func offset(at seconds: Int) -> Int {
    var offset = periods[0].offset
    for period in periods where period.from <= seconds { offset = period.offset }
    return offset
  }

  /// The local calendar date of a stored `YYYY-MM-DDTHH:MM:SSZ` timestamp (a date alone is
  /// read as midnight UTC).
  public func localDate(ofTimestamp timestamp: String) -> CalendarDate? {
    guard let seconds = OfficeZone.seconds(timestamp) else { return nil }
    let local = seconds + offset(at: seconds)
    return CalendarDate(daysSinceEpoch: OfficeZone.floorDiv(local, 86_400))
  }

  /// A stored UTC timestamp as printed for people: local date and minute with the offset,
  /// `2026-06-15 14:30 +05`. Text that is not a timestamp is returned as it is.
  public func display(_ timestamp: String) -> String {
    guard let seconds = OfficeZone.seconds(timestamp) else { return timestamp }
    let offset = offset(at: seconds)
    let local = seconds + offset
    let date = CalendarDate(daysSinceEpoch: OfficeZone.floorDiv(local, 86_400))
    let minute = (local - OfficeZone.floorDiv(local, 86_400) * 86_400) / 60
    return "\(date) \(OfficeZone.two(minute / 60)):\(OfficeZone.two(minute % 60)) "
      + OfficeZone.offsetText(offset)
  }

  /// `+05`, `-03`, or `+05:30` for an offset that is not whole hours.
  public static func offsetText(_ offset: Int) -> String {
    let sign = offset < 0 ? "-" : "+"
    let minutes = abs(offset) / 60
    return sign + two(minutes / 60) + (minutes % 60 == 0 ? "" : ":" + two(minutes % 60))
  }

  /// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DD`.
  public static func seconds(_ timestamp: String) -> Int? {
    let bytes = Array(timestamp.utf8)
    guard bytes.count >= 10, let date = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self))
    else { return nil }
    var seconds = date.daysSinceEpoch * 86_400
    if bytes.count == 10 { return seconds }
    guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
      let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]),
      let second = number(bytes[17..<19])
    else { return nil }
    seconds += hour * 3600 + minute * 60 + second
    return seconds
  }

  private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in bytes {
      guard byte >= 48, byte <= 57 else { return nil }
      value = value * 10 + Int(byte - 48)
    }
    return value
  }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
