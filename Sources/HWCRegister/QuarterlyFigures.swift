import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// The register's figures for one quarter (or any span of days), read with one query per section
/// of the quarterly report. Complaints are counted by registration (reported) date; money and
/// decisions by the date they happened.
public struct QuarterlyFigures {
  let db: Database
  let reference: Reference
  /// The first and last day of the span.
  public let from: CalendarDate
  public let to: CalendarDate
  /// Restricts everything to one district (and the conservancies in it).
  public let district: District?

  /// Complaints registered in the span in one district with one damage type.
  public struct DistrictTypeCount: Sendable, Equatable {
    public let districtID: Int
    public let damageType: String
    public let count: Int
  }

  /// A budget or fund with its figures for the span, from the ledger.
  public struct PayerFigures: Sendable, Equatable {
    public let payer: Payer
    public let currency: String
    /// Eligible assessments recorded in the span (the latest per complaint).
    public var assessed = 0
    /// Approvals net of releases dated in the span.
    public var approved = 0
    /// Payments dated in the span.
    public var paid = 0
    /// Reserved (approved, unpaid) at the span's end.
    public var outstanding = 0
    /// Paid up to the span's end.
    public var paidToDate = 0
    /// Credited up to the span's end.
    public var credited = 0
    /// Available at the span's end.
    public var available = 0

    /// The payer's ledger account, e.g. `budget:KAZ:2026`.
    public var account: String { Register.accountCode(of: payer) }
  }

  /// Decision events alike: what happened, the status it led to, why, and how many.
  public struct Decision: Sendable, Equatable {
    public let kind: ComplaintEventKind
    public let status: ComplaintStatus
    /// The reason of a rejection (nil for other kinds).
    public let reason: String?
    /// The code of an ineligible assessment's reason.
    public let reasonCode: ReasonCode?
    /// How many events in the span are alike in all of the above.
    public let count: Int
  }

  /// A complaint's days: reported, first inspected, first decided, paid (`YYYY-MM-DD`).
  public struct Timeline: Sendable, Equatable {
    public let reported: String
    public let inspected: String?
    public let decided: String?
    public let paid: String?
  }

  /// A village with the complaints registered there in the span.
  public struct Hotspot: Sendable, Equatable {
    public let village: String
    public let districtID: Int
    public let count: Int
  }

  /// A flag on a complaint: its kind, the complaint, the other complaint.
  public struct Flag: Sendable, Equatable {
    public let kind: String
    public let complaint: String
    public let other: String?
  }

  /// A wildlife-crime incident: conservancy, kind, date.
  public struct Incident: Sendable, Equatable {
    public let conservancyID: Int
    public let kind: String
    public let date: String
  }

  /// Complaints registered, heads verified and money paid (by currency) in the span.
  public struct Headline: Sendable, Equatable {
    public let complaints: Int
    public let heads: Int
    public let paid: [String: Int]
  }
}

extension Register {
  /// The figures of the days `from`…`to`, optionally of one district.
  public func quarterlyFigures(from: CalendarDate, to: CalendarDate, district: District?)
    -> QuarterlyFigures
  {
    QuarterlyFigures(db: db, reference: reference, from: from, to: to, district: district)
  }
}
