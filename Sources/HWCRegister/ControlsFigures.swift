import HWCCore
import HWCDomain
import HWCStore

/// The register's figures for the controls report (`hwc report controls`, SPEC §13) of one
/// quarter (or any span of days): the complaints registered in the span as the fraud controls
/// see them, claimants with many complaints in a season, and flags that were overridden. Every
/// query the controls report needs is here; the report aggregates these rows.
public struct ControlsFigures {
  let register: Register
  var db: Database { register.db }
  /// The first and last day of the span.
  public let from: CalendarDate
  public let to: CalendarDate
  /// Restricts everything to one district.
  public let district: District?

  /// A complaint registered in the span, with what the controls look at: who inspected it first
  /// and whether they verified the full claim, what it is assessed at, and whether another
  /// inspector inspected it again.
  public struct Complaint: Sendable, Equatable {
    public let code: String
    public let districtID: Int
    /// The village recorded on the complaint, if any.
    public let village: String?
    /// The user name of the inspector of the complaint's first inspection (nil: not inspected).
    public let inspector: String?
    /// The first inspection verified at least the claimed quantity of every claimed item.
    public let fullClaim: Bool
    /// The amount of the latest assessment, in minor units, when it is eligible.
    public let amount: Int?
    /// How many flags (possible duplicates, above the declared herd) the complaint carries.
    public let flags: Int
    /// The first inspection after the first one by another inspector, if any.
    public let reinspection: Reinspection?
  }

  /// A later inspection of a complaint by an inspector other than the one who inspected it first.
  public struct Reinspection: Sendable, Equatable {
    public let inspector: String
    public let date: String
    /// It verified less of some item than the first inspection did.
    public let foundLess: Bool
  }

  /// A claimant with more complaints in one season (calendar year of the incident) than the
  /// report's limit; the national ID is masked.
  public struct RepeatedClaimant: Sendable, Equatable {
    public let maskedID: String
    public let name: String
    public let districtID: Int
    public let season: Int
    /// Complaints of the season (whenever registered).
    public let complaints: Int
    /// Of those, the ones registered in the span.
    public let inSpan: Int
  }

  /// A flag on a complaint registered in the span that was approved or paid nonetheless.
  public struct OverriddenFlag: Sendable, Equatable {
    public let complaint: String
    public let districtID: Int
    public let village: String?
    /// `near_duplicate` or `above_herd`.
    public let kind: String
    /// The other complaint of a possible duplicate.
    public let other: String?
    /// The complaint's status now.
    public let status: ComplaintStatus
  }
}

extension Register {
  /// The controls figures of the days `from`…`to`, optionally of one district.
  public func controlsFigures(from: CalendarDate, to: CalendarDate, district: District?)
    -> ControlsFigures
  {
    ControlsFigures(register: self, from: from, to: to, district: district)
  }
}
