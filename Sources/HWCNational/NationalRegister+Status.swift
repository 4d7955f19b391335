import HWCCore
import HWCStore

extension NationalRegister {
  /// A bundle `national accept` refused, as `national status` lists it.
  public struct RefusedBundle: Sendable, Equatable {
    /// The enrolled office its manifest named, nil when it named none (or could not be read).
    public let office: String?
    /// The bundle's file name.
    public let file: String
    /// Why it was refused, one sentence.
    public let reason: String
    /// When (UTC timestamp).
    public let at: String
  }

  /// What `national status` shows.
  public struct Status: Sendable {
    /// Every enrolled office, by code.
    public let offices: [NationalOffice]
    /// Refused bundles, latest first.
    public let refused: [RefusedBundle]
    /// The number of entries in the national chain.
    public let chainLength: Int
    /// The day `status` counts from (the clock's, in UTC).
    public let today: CalendarDate

    /// Whole days since the office's last bundle was made; since its enrolment before the
    /// first.
    public func daysSilent(_ office: NationalOffice) -> Int {
      let since = office.lastBundleCreatedAt ?? office.enrolledAt
      let day = CalendarDate(String(since.prefix(10))) ?? today
      return max(0, day.days(to: today))
    }

    /// The offices that sent no bundle, or none made in the last `days` days.
    public func silent(moreThan days: Int) -> [NationalOffice] {
      offices.filter { $0.lastExport == nil || daysSilent($0) > days }
    }
  }

  /// The offices, the refused bundles and the chain's length.
  public func status() throws -> Status {
    try db.transaction(.deferred) {
      let refused = try db.prepare(
        "SELECT office_code, file_name, reason, at FROM refusal ORDER BY id DESC"
      ).map([]) {
        RefusedBundle(
          office: $0.optionalText("office_code"), file: $0.text("file_name"),
          reason: $0.text("reason"), at: $0.text("at"))
      }
      return Status(
        offices: try offices(), refused: refused,
        chainLength: try chain.head().position, today: clock.today)
    }
  }
}
