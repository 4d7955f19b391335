#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where "now" comes from: the system clock, or a fixed instant for tests and the demo; and the
/// office time zone in which "today" is counted.
public struct Clock: Sendable {
  /// The current instant as `YYYY-MM-DDTHH:MM:SSZ` (UTC): what is stored.
  public let timestamp: @Sendable () -> String
  /// The zone of "today" and of printed times: UTC until a register sets its office's zone.
  public var zone = OfficeZone.utc

  public init(timestamp: @escaping @Sendable () -> String) { self.timestamp = timestamp }

  /// The same instants, with "today" counted in `zone`.
  public func `in`(_ zone: OfficeZone) -> Clock {
    var clock = self
    clock.zone = zone
    return clock
  }

  /// The system clock, in UTC.
  public static let system = Clock {
    var seconds = time(nil)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))"
      + "T\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))Z"
  }

  /// A clock stopped at `timestamp` (a date alone means midnight UTC).
  public static func fixed(_ timestamp: String) -> Clock {
    let value = timestamp.count == 10 ? timestamp + "T00:00:00Z" : timestamp
    return Clock { value }
  }

  /// Today's calendar date in the clock's zone (in Asia/Oral, 2026-06-15T20:00:00Z is
  /// already 2026-06-16).
  public var today: CalendarDate {
    zone.localDate(ofTimestamp: timestamp()) ?? CalendarDate(daysSinceEpoch: 0)
  }
}
