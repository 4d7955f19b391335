import HWCCore
import HWCDomain
import HWCRegister

/// The national quarterly report: the quarterly report pooled over every office's replica
/// (`QuarterlyReport.build(registers:…)`, so the figures are built by the one builder), under
/// the national register's anchor, with a table of offices: the head of the chain each office's
/// figures were read from, the date of its last bundle, and whether it is overdue.
///
/// The value is the quarterly report's (its own `anchor` null: the offices' heads are in the
/// table) followed by `national_anchor`, `overdue_rule` and `offices`; text is rendered through
/// `national.LANG.txt`, which includes `quarterly.LANG.txt`.
public struct NationalReport: Sendable {
  /// The report as one ordered value: what JSON prints, what CSV flattens, what templates see.
  public let value: JSON
  public let quarter: Quarter

  /// An office as the national register knows it.
  public struct Office {
    /// The office's code, e.g. `WKO-KAZTALOV`.
    public let code: String
    /// The districts it serves (names or codes, as enrolled).
    public let districts: [String]
    /// The creation time of its last accepted bundle (UTC `YYYY-MM-DDTHH:MM:SSZ`); nil when
    /// none was accepted yet.
    public let lastBundle: String?
    /// Its verified replica, opened read-only; nil when no bundle was accepted yet.
    public let replica: Register?

    public init(code: String, districts: [String], lastBundle: String?, replica: Register?) {
      self.code = code
      self.districts = districts
      self.lastBundle = lastBundle
      self.replica = replica
    }
  }

  /// How many days an office may be silent while the quarter is not over.
  public static let silentDays = 30

  /// The rule `overdue` applies, as the report prints it.
  public static let overdueRule =
    "an office is overdue when its last bundle was made before the day after the quarter's end "
    + "(while the quarter is not over: more than \(silentDays) days before today), or it has none"

  /// Why an office is overdue for the report of `quarter` made `today`, or nil when it is not:
  /// `no_bundle`, `before_quarter_end` (its last bundle was made on or before the quarter's last
  /// day), or `silent` (the quarter is not over and its last bundle is older than `silentDays`).
  public static func overdue(lastBundle: String?, quarter: Quarter, today: CalendarDate)
    -> String?
  {
    guard let made = lastBundle.flatMap({ CalendarDate(String($0.prefix(10))) }) else {
      return "no_bundle"
    }
    if today > quarter.last { return made > quarter.last ? nil : "before_quarter_end" }
    return made.days(to: today) > silentDays ? "silent" : nil
  }

  /// Builds the report of `quarter` (optionally one district) over the replicas of `offices`
  /// as they stand `today`, under the national chain's anchor `nationalAnchor`. At least one
  /// office must have a replica.
  public static func build(
    offices: [Office], nationalAnchor: String?, quarter: Quarter, district: String? = nil,
    words: Words, today: CalendarDate
  ) throws -> NationalReport {
    let replicas = offices.compactMap(\.replica)
    var heads: [ObjectIdentifier: AuditAnchor] = [:]
    let pooled = try QuarterlyReport.build(
      registers: replicas,
      anchor: {
        // Read on the same snapshots as the figures: the heads they were computed from.
        for replica in replicas { heads[ObjectIdentifier(replica)] = try replica.auditAnchor() }
        return nil
      }, quarter: quarter, district: district, words: words, today: today)
    let reference = replicas[0].reference
    var overdueCount = 0
    let rows = offices.map { office -> JSON in
      let head = office.replica.flatMap { heads[ObjectIdentifier($0)] }
      let reason = overdue(lastBundle: office.lastBundle, quarter: quarter, today: today)
      if reason != nil { overdueCount += 1 }
      return .object([
        ("code", .string(office.code)),
        (
          "districts",
          .string(
            office.districts.map { name in
              reference.district(named: name).map { words.name($0.name) } ?? name
            }.joined(separator: ", "))
        ),
        ("position", .optional(head?.entry)), ("head", .optional(head?.hash)),
        ("anchor", .optional(head?.description)),
        ("last_bundle", .optional(office.lastBundle.map { String($0.prefix(10)) })),
        ("overdue", .bool(reason != nil)), ("overdue_reason", .optional(reason)),
      ])
    }
    guard case .object(var fields) = pooled.value else { preconditionFailure("an object") }
    fields[0].1 = .string("national")
    fields += [
      ("national_anchor", .optional(nationalAnchor)),
      ("overdue_rule", .string(overdueRule)),
      ("offices", .array(rows)),
      ("offices_overdue", .int(overdueCount)),
    ]
    return NationalReport(value: .object(fields), quarter: quarter)
  }

  /// The report in `format`; text goes through template `national` of `setup`'s language.
  public func render(_ format: ReportFormat, setup: ReportSetup) throws -> String {
    try value.render(format, template: "national", setup: setup)
  }
}
