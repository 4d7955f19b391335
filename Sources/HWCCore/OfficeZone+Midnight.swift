/// Local midnights as stored UTC timestamps.
extension OfficeZone {
  /// The instant `date` begins in this zone, as a stored `YYYY-MM-DDTHH:MM:SSZ` UTC timestamp
  /// (in Asia/Oral, 2026-11-30 begins at 2026-11-29T19:00:00Z).
  public func startTimestamp(of date: CalendarDate) -> String {
    let local = date.daysSinceEpoch * 86_400
    return OfficeZone.timestamp(seconds: local - offset(at: local - offset(at: local)))
  }

  /// `seconds` since 1970 as a stored `YYYY-MM-DDTHH:MM:SSZ` UTC timestamp.
  public static func timestamp(seconds: Int) -> String {
    let day = CalendarDate(daysSinceEpoch: floorDiv(seconds, 86_400))
    let time = seconds - day.daysSinceEpoch * 86_400
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(day)T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
  }
}
