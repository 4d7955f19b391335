import HWCCore
import HWCDomain
import HWCRules

/// One re-inspection draw (SPEC §13): an eligible assessment of a complaint, the seed it was
/// drawn with, and whether a second inspection was required and recorded. Nothing of it is
/// stored: `Register.reinspectionDraws` recomputes it from assessment, inspection and audit rows.
public struct ReinspectionDraw: Sendable, Equatable {
  /// The complaint's id, e.g. `KAZ-2026-0001`.
  public let complaint: String
  public let districtID: Int
  public let scheme: Scheme
  /// The assessment the draw belongs to (its row id, in assessment order).
  public let assessmentID: Int
  /// The office-local date the assessment was recorded.
  public let assessedOn: CalendarDate
  /// The assessed amount, in minor units.
  public let amountMinor: Int
  public let currency: String
  /// The chain entry whose hash is the seed (0: the chain was empty, the genesis seed).
  public let seedPosition: Int
  /// The seed, 64 hex digits.
  public let seedHash: String
  /// The Monday (office time) whose start fixed the seed.
  public let weekStart: CalendarDate
  /// Audit entries recorded in the hour before the week's start: more than none may be an
  /// attempt to grind the seed, and `hwc audit draws` warns.
  public let entriesInHourBeforeSeed: Int
  /// The first 8 bytes of SHA-256(seed ‖ id) / 2^64, in [0, 1).
  public let score: Double
  /// The sampling rate in force on the incident date, in hundredths (5 = 0.05); nil when missing.
  public let rateCenti: Int?
  /// The threshold in force on the incident date, in minor units; nil when missing.
  public let thresholdMinor: Int?
  /// Whether the re-inspector must be another person than the inspector (nil when missing).
  public let otherInspector: Bool?
  /// score < rate.
  public let sampled: Bool
  /// The assessed amount is at or above the threshold.
  public let aboveThreshold: Bool
  /// The re-inspection that honours the draw: the first one, recorded after the draw, by an
  /// inspector the policy allows.
  public let reinspection: Reinspection?

  /// The sampling rate as a fraction (0.05), or nil when missing.
  public var rate: Double? { rateCenti.map { Double($0) / 100 } }
  /// The policy key missing on the incident date, if any: it blocks the complaint's approval.
  public var missingPolicy: String? {
    if rateCenti == nil { return "reinspect_rate" }
    if thresholdMinor == nil { return "reinspect_threshold" }
    if otherInspector == nil { return "reinspect_other_inspector" }
    return nil
  }
  public var required: Bool { sampled || aboveThreshold }
  public var honoured: Bool { !required || reinspection != nil }
  /// `N:16hex`, the seed as `hwc audit draws` prints it.
  public var seedLabel: String { "\(seedPosition):\(seedHash.prefix(16))" }

  /// A recorded re-inspection and what it did to the amount.
  public struct Reinspection: Sendable, Equatable {
    /// Its row in `inspection`.
    public let inspectionID: Int
    public let date: CalendarDate
    public let inspector: String
    /// The amount of the assessment it re-checked, and after it (equal when it confirmed).
    public let amountBefore: Int
    public let amountAfter: Int
    /// It verified less of some item than the assessed inspection, and re-assessed.
    public let foundLess: Bool
  }
}

extension Register {
  /// Every draw made by eligible assessments recorded (office-local date) in `from`…`to` (all
  /// when nil), optionally in one district, in assessment order.
  public func reinspectionDraws(
    from: CalendarDate? = nil, to: CalendarDate? = nil, district: District? = nil
  ) throws -> [ReinspectionDraw] {
    try db.transaction(.deferred) {
      try ReinspectionDrawReader(db: db, zone: officeZone, policy: policy(), reference: reference)
        .draws(districtID: district?.id, complaintID: nil)
        .filter { draw in
          (from.map { draw.assessedOn >= $0 } ?? true) && (to.map { draw.assessedOn <= $0 } ?? true)
        }
    }
  }

  /// The draws of one complaint, in assessment order.
  func reinspectionDraws(complaintID: Int) throws -> [ReinspectionDraw] {
    try ReinspectionDrawReader(db: db, zone: officeZone, policy: policy(), reference: reference)
      .draws(districtID: nil, complaintID: complaintID)
  }
}

extension Register {
  /// The draws of complaint `code` (id or field-form ref not accepted: the id), in order.
  public func reinspectionDraws(code: String) throws -> [ReinspectionDraw] {
    try reinspectionDraws(complaintID: header(code: code).id)
  }
}
