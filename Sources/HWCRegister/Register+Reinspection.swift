import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// What `hwc reinspect` did.
public struct ReinspectionResult: Sendable {
  public let complaint: String
  /// The re-inspection's row in `inspection`.
  public let inspectionID: Int
  /// It verified less of some item than the assessed inspection, and the complaint was
  /// re-assessed with it.
  public let foundLess: Bool
  /// The assessed amount before and after (equal when it confirmed), in minor units.
  public let amountBefore: Int
  public let amountAfter: Int
  public let currency: String
  /// The outcome of the new assessment (nil when it confirmed).
  public let outcome: Assessment.Outcome?

  public var json: JSON {
    .object([
      ("complaint", .string(complaint)), ("inspection", .int(inspectionID)),
      ("found_less", .bool(foundLess)), ("amount_before_minor", .int(amountBefore)),
      ("amount_after_minor", .int(amountAfter)), ("currency", .string(currency)),
      ("outcome", .optional(outcome?.rawValue)),
    ])
  }
}

extension Register {
  /// Records a re-inspection of an assessed complaint (`hwc reinspect`, SPEC §13): an inspector
  /// of its district or conservancy who, when `reinspect_other_inspector` is 1, did not record
  /// the inspection its assessment used. When it verifies less of any item than that
  /// inspection, the complaint is re-assessed with it at once (same rules, explanation stored);
  /// otherwise the assessment stands. Audited like `hwc inspect`.
  public func reinspect(code: String, _ draft: InspectionDraft, actor: Actor) throws
    -> ReinspectionResult
  {
    try db.transaction {
      let complaint = try header(code: code)
      let checked = try checkInspection(draft, of: complaint, actor: actor, reinspection: true)
      guard let assessed = try assessments.latestHead(complaintID: complaint.id),
        let row = try db.prepare("SELECT inspection_id FROM assessment WHERE id = ?")
          .first(with: [assessed.id], { $0.optionalInt("inspection_id") }),
        let usedID = row
      else {
        throw DomainError.conflict("\(complaint.code) has no assessment made from an inspection")
      }
      try requireOtherInspector(actor, complaint, inspectionID: usedID)
      let before = try db.prepare(
        "SELECT item, quantity_centi FROM inspection_item WHERE inspection_id = ?"
      ).map(with: [usedID]) { ($0.text("item"), $0.int("quantity_centi")) }
      let now = Dictionary(checked.items.map { ($0.item, $0.centi) }) { $1 }
      let foundLess = before.contains { now[$0.0, default: 0] < $0.1 }
      let id = try writeInspection(
        checked, of: complaint, actor: actor, reinspectionOf: assessed.id)
      guard foundLess else {
        return ReinspectionResult(
          complaint: complaint.code, inspectionID: id, foundLess: false,
          amountBefore: assessed.amount, amountAfter: assessed.amount,
          currency: assessed.currency, outcome: nil)
      }
      guard let input = try assessmentInput(complaint) else {
        throw DomainError.notFound("the district of \(complaint.code) is unknown")
      }
      let assessment = try RulesEngine.assess(input, policy: policy())
      try store(assessment, complaint: complaint, inspectionID: id, actor: actor)
      return ReinspectionResult(
        complaint: complaint.code, inspectionID: id, foundLess: true,
        amountBefore: assessed.amount,
        amountAfter: assessment.outcome == .eligible ? assessment.amountMinor : 0,
        currency: assessed.currency, outcome: assessment.outcome)
    }
  }

  /// Refuses a re-inspection by the inspector of the field inspection behind `inspectionID`
  /// when the policy in force on the incident date asks for another person (or has no value).
  private func requireOtherInspector(
    _ actor: Actor, _ complaint: ComplaintHeader, inspectionID: Int
  )
    throws
  {
    let scheme = coverage(complaint).scheme
    let rule = "reinspect_other_inspector"
    guard let other = try? policy().value(scheme, rule, on: complaint.incidentDate) else {
      throw DomainError.conflict(
        "\(complaint.code) cannot be re-inspected: no \(scheme.rawValue) value of \(rule) is in "
          + "force on \(complaint.incidentDate), the incident date (hwc policy set)")
    }
    guard other.centi > 0 else { return }
    let inspector = try db.scalar(
      Int.self,
      """
      SELECT inspector_id FROM inspection
      WHERE complaint_id = ? AND id <= ? AND reinspection_of IS NULL ORDER BY id DESC LIMIT 1
      """, with: [complaint.id, inspectionID])
    if inspector == actor.id {
      throw DomainError.notPermitted(
        "\(actor.name) recorded the inspection \(complaint.code) was assessed with; the policy "
          + "\(rule) = 1 asks for a re-inspection by another inspector")
    }
  }

  /// Refuses the approval of a complaint with a draw that is required and not honoured, or
  /// whose re-inspection policy is missing on the incident date (SPEC §13). Writes nothing.
  func requireReinspection(_ complaint: ComplaintHeader) throws {
    for draw in try reinspectionDraws(complaintID: complaint.id) {
      if let key = draw.missingPolicy {
        throw DomainError.conflict(
          "\(complaint.code) cannot be approved: no \(draw.scheme.rawValue) value of \(key) is "
            + "in force on \(complaint.incidentDate), the incident date; an administrator must "
            + "set one (hwc policy set)")
      }
      guard !draw.honoured else { continue }
      let by = draw.otherInspector == true ? " by another inspector" : ""
      throw DomainError.conflict(
        "\(complaint.code) \(ReinspectionText.requirement(draw)) and has none\(by): record one "
          + "with hwc reinspect")
    }
  }
}

/// How a re-inspection requirement is said, in refusals, `complaint show` and `assess`.
public enum ReinspectionText {
  /// `was selected for re-inspection (draw of 2026-11-30, seed entry 812:3fa2…)`, or the
  /// threshold it reached.
  public static func requirement(_ draw: ReinspectionDraw) -> String {
    if draw.sampled {
      return "was selected for re-inspection (draw of \(draw.assessedOn), seed entry "
        + "\(draw.seedLabel)…)"
    }
    let threshold = draw.thresholdMinor.map { Arithmetic.money($0, draw.currency) } ?? "?"
    return "is assessed at \(Arithmetic.money(draw.amountMinor, draw.currency)), at or above the "
      + "re-inspection threshold of \(threshold)"
  }
}

extension ReinspectionText {
  /// The one line `complaint show` and `assess` print about a complaint's draws, or nil when
  /// none requires a re-inspection: the first one pending, else the last one honoured.
  public static func status(_ draws: [ReinspectionDraw]) -> String? {
    if let pending = draws.first(where: { !$0.honoured }) {
      return "required: it \(requirement(pending)); pending (hwc reinspect)"
    }
    guard let done = draws.last(where: \.required), let by = done.reinspection else { return nil }
    return "honoured: re-inspected \(by.date) by \(by.inspector), "
      + "\(Arithmetic.money(by.amountBefore, done.currency)) → "
      + "\(Arithmetic.money(by.amountAfter, done.currency))"
  }
}
