import HWCCore
import HWCDomain
import HWCRules
import HWCStore

extension Register {
  /// Gathers the facts the engine needs for one complaint (no rule is applied here).
  func assessmentInput(_ complaint: ComplaintHeader) throws -> AssessmentInput? {
    guard let district = reference.district(id: complaint.districtID) else { return nil }
    let conservancy = complaint.conservancyID.flatMap { reference.conservancy(id: $0) }
    let scheme: Scheme = district.country == .kz ? .kzState : .kgBuffer
    let key: [SQLValue] = [.integer(Int64(complaint.id))]
    let inspection = try db.prepare(
      """
      SELECT id, inspection_date, protected, vet_certificate FROM inspection
      WHERE complaint_id = ? ORDER BY id DESC LIMIT 1
      """
    ).first(key) { ($0.int(0), $0.text(1), $0.int(2) == 1, $0.optionalText(3)) }
    var facts: InspectionFacts?
    if let inspection {
      let items = try db.prepare(
        "SELECT item, quantity_centi FROM inspection_item WHERE inspection_id = ? ORDER BY item"
      ).map([.integer(Int64(inspection.0))]) { ItemQuantity(item: $0.text(0), centi: $0.int(1)) }
      facts = InspectionFacts(
        date: CalendarDate(inspection.1)!, items: items, protected: inspection.2,
        vetCertificate: inspection.3)
    }
    let year = complaint.incidentDate.year
    let emergencies = try db.prepare(
      "SELECT decree, from_date, to_date FROM emergency WHERE district_id = ? ORDER BY from_date"
    ).map([.integer(Int64(district.id))]) {
      EmergencyFacts(
        decree: $0.text(0), from: CalendarDate($0.text(1))!, to: CalendarDate($0.text(2))!)
    }
    // What is already approved (or paid) for the claimant in the same year or season.
    let approved = try db.scalarInt(
      """
      SELECT coalesce(sum(a.amount_minor), 0) FROM complaint c
      JOIN assessment a ON a.id = (SELECT max(id) FROM assessment WHERE complaint_id = c.id)
      WHERE c.claimant_id = ? AND c.id != ? AND c.status IN ('approved', 'paid')
        AND a.scheme = ? AND substr(c.incident_date, 1, 4) = ?
      """,
      [
        .integer(Int64(complaint.claimantID)), .integer(Int64(complaint.id)),
        .text(scheme.rawValue), .text(String(year)),
      ])
    var member = false
    var insured: [String: Int] = [:]
    var compensated: [String: Int] = [:]
    var incidents: [WildlifeIncident] = []
    if let conservancy {
      let claimantSeason: [SQLValue] = [
        .integer(Int64(complaint.claimantID)), .integer(Int64(conservancy.id)),
        .integer(Int64(year)),
      ]
      for (livestockClass, heads) in try db.prepare(
        """
        SELECT livestock_class, sum(heads) FROM herd_insurance
        WHERE claimant_id = ? AND conservancy_id = ? AND season = ? GROUP BY livestock_class
        """
      ).map(claimantSeason, { ($0.text(0), $0.int(1)) }) {
        insured[livestockClass] = heads
        member = true
      }
      for (item, centi) in try db.prepare(
        """
        SELECT l.item, sum(l.quantity_centi) FROM complaint c
        JOIN assessment a ON a.id = (SELECT max(id) FROM assessment WHERE complaint_id = c.id)
        JOIN assessment_line l ON l.assessment_id = a.id
        WHERE c.claimant_id = ? AND c.conservancy_id = ? AND substr(c.incident_date, 1, 4) = ?
          AND c.id != ? AND c.status IN ('approved', 'paid')
        GROUP BY l.item
        """
      ).map(
        [claimantSeason[0], claimantSeason[1], .text(String(year)), .integer(Int64(complaint.id))],
        { ($0.text(0), $0.int(1)) })
      {
        if let livestockClass = reference.items[item]?.livestockClass {
          compensated[livestockClass, default: 0] += centi / 100
        }
      }
      incidents = try db.prepare(
        """
        SELECT id, kind, incident_date FROM wildlife_incident WHERE conservancy_id = ?
        ORDER BY incident_date, id
        """
      ).map([.integer(Int64(conservancy.id))]) {
        WildlifeIncident(id: $0.int(0), kind: $0.text(1), date: CalendarDate($0.text(2))!)
      }
    }
    return AssessmentInput(
      complaint: complaint.code, scheme: scheme, district: district.name.en,
      damageType: complaint.type, species: complaint.species,
      incidentDate: complaint.incidentDate, reportedDate: complaint.reportedDate,
      inspection: facts, items: reference.items, emergencies: emergencies,
      alreadyApprovedMinor: approved, conservancy: conservancy?.name.en,
      memberWithPaidPremium: member, insuredHeads: insured, compensatedHeads: compensated,
      incidents: incidents)
  }

  /// Runs the engine; a Kyrgyz loss outside any conservancy has no scheme that covers it.
  func evaluate(_ input: AssessmentInput, policy: Policy) throws -> Assessment {
    if input.scheme == .kgBuffer, input.conservancy == nil {
      let reason = "not covered: no scheme pays losses in Kyrgyzstan outside a conservancy"
      return Assessment(
        complaint: input.complaint, scheme: .kgBuffer, outcome: .ineligible, reason: reason,
        currency: "KGS", amountMinor: 0, lines: [],
        explanation: [ExplanationLine(step: "eligibility", text: reason)], policyValues: [],
        policyDate: input.incidentDate, payer: nil)
    }
    return try RulesEngine.assess(input, policy: policy)
  }

  /// Assesses an inspected complaint (`hwc assess ID`): an officer, inspector or committee member
  /// of its district or conservancy. The result, the policy values used and the explanation are
  /// stored; earlier assessments stay.
  public func assess(code: String, actor: Actor, policy: Policy? = nil) throws -> Assessment {
    let complaint = try header(code: code)
    let roles: [Role] = [.officer, .inspector, .committee]
    guard
      roles.contains(where: {
        actor.has($0, districtID: complaint.districtID, conservancyID: complaint.conservancyID)
      })
    else {
      throw DomainError.notPermitted(
        "\(actor.name) may not assess complaints there: that needs the officer, inspector or "
          + "committee role for the complaint's district or conservancy")
    }
    guard complaint.status == "inspected" else {
      throw DomainError.conflict(
        "\(complaint.code) is \(complaint.status); only an inspected complaint is assessed "
          + (complaint.status == "registered" || complaint.status == "appealed"
            ? "(record an inspection first)" : "(an appeal reopens it)"))
    }
    guard let input = try assessmentInput(complaint) else {
      throw DomainError.notFound("the district of \(complaint.code) is unknown")
    }
    let assessment = try evaluate(input, policy: policy ?? self.policy())
    try db.transaction { try store(assessment, complaint: complaint, actor: actor) }
    return assessment
  }

  private func store(_ assessment: Assessment, complaint: ComplaintHeader, actor: Actor) throws {
    let inspectionID = try db.scalarInt(
      "SELECT coalesce(max(id), 0) FROM inspection WHERE complaint_id = ?",
      [.integer(Int64(complaint.id))])
    let policyText = assessment.policyValues.map {
      "\($0.key) = \($0.text) (from \($0.effectiveFrom))"
    }.joined(separator: "\n")
    let explanationText = assessment.explanation.map { "\($0.step): \($0.text)" }
      .joined(separator: "\n")
    try db.prepare(
      """
      INSERT INTO assessment(complaint_id, inspection_id, scheme, outcome, reason, currency,
        amount_minor, policy_date, payer, policy_text, explanation_text, assessed_by, assessed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """
    ).run([
      .integer(Int64(complaint.id)), inspectionID == 0 ? .null : .integer(Int64(inspectionID)),
      .text(assessment.scheme.rawValue), .text(assessment.outcome.rawValue),
      Register.optional(assessment.reason), .text(assessment.currency),
      .integer(Int64(assessment.amountMinor)), .text(assessment.policyDate.description),
      Register.optional(assessment.payer), .text(policyText), .text(explanationText),
      .integer(Int64(actor.id)), .text(clock.timestamp()),
    ])
    let id = db.lastInsertRowID
    let insertLine = try db.prepare(
      """
      INSERT INTO assessment_line(assessment_id, position, item, quantity_centi, rate,
        amount_minor, note) VALUES (?, ?, ?, ?, ?, ?, ?)
      """)
    for (position, line) in assessment.lines.enumerated() {
      try insertLine.run([
        .integer(Int64(id)), .integer(Int64(position + 1)), .text(line.item),
        .integer(Int64(line.quantityCenti)), .text(line.rate), .integer(Int64(line.amountMinor)),
        .text(line.note),
      ])
    }
    try faultAfterAssessmentRow?(complaint.code)
    try auditCreated("assessment", id: id, actor: actor.name)
    let eligible = assessment.outcome == .eligible
    try transition(
      complaint, to: eligible ? "assessed" : "ineligible", kind: "assessed",
      reason: eligible ? nil : assessment.reason, actor: actor)
  }

  /// The latest stored assessment of a complaint, as `hwc assess ID --explain` prints it.
  public func latestAssessment(code: String) throws -> StoredAssessment? {
    let complaint = try header(code: code)
    return try db.prepare(
      """
      SELECT id, scheme, outcome, reason, currency, amount_minor, policy_date, payer, policy_text,
        explanation_text, assessed_at, (SELECT name FROM app_user WHERE id = assessed_by)
      FROM assessment WHERE complaint_id = ? ORDER BY id DESC LIMIT 1
      """
    ).first([.integer(Int64(complaint.id))]) { row in
      StoredAssessment(
        id: row.int(0), complaint: complaint.code, scheme: row.text(1), outcome: row.text(2),
        reason: row.optionalText(3), currency: row.text(4), amountMinor: row.int(5),
        policyDate: row.text(6), payer: row.optionalText(7),
        policyLines: row.text(8).split(separator: "\n").map(String.init),
        explanationLines: row.text(9).split(separator: "\n").map(String.init),
        assessedAt: row.text(10), assessedBy: row.text(11),
        lines: [])
    }.map { stored in
      var stored = stored
      stored.lines = try db.prepare(
        """
        SELECT item, quantity_centi, rate, amount_minor, note FROM assessment_line
        WHERE assessment_id = ? ORDER BY position
        """
      ).map([.integer(Int64(stored.id))]) {
        AssessmentLine(
          item: $0.text(0), quantityCenti: $0.int(1), rate: $0.text(2), amountMinor: $0.int(3),
          note: $0.text(4))
      }
      return stored
    }
  }

  /// What `hwc assess --pending` did.
  public struct PendingSummary: Sendable {
    public var assessed = 0
    public var eligible = 0
    public var ineligible = 0
    public var failed = 0
  }

  /// Assesses every inspected, not yet assessed complaint the actor may assess, in batches of
  /// one transaction each; a complaint whose policy is missing is reported and left inspected.
  ///
  /// Each complaint is assessed in its own savepoint: a refusal, even one after part of its
  /// assessment was written, leaves nothing of that complaint behind while the others go on.
  public func assessPending(actor: Actor, batch: Int = 500, onError: (String) -> Void) throws
    -> PendingSummary
  {
    let policy = try policy()
    var summary = PendingSummary()
    var afterID = 0
    while true {
      let codes = try db.prepare(
        "SELECT id, code FROM complaint WHERE status = 'inspected' AND id > ? ORDER BY id LIMIT ?"
      ).map([.integer(Int64(afterID)), .integer(Int64(batch))]) { ($0.int(0), $0.text(1)) }
      guard let last = codes.last else { break }
      afterID = last.0
      try db.transaction {
        for (_, code) in codes {
          do {
            let assessment = try db.savepoint {
              try assess(code: code, actor: actor, policy: policy)
            }
            summary.assessed += 1
            if assessment.outcome == .eligible {
              summary.eligible += 1
            } else {
              summary.ineligible += 1
            }
          } catch let error as PolicyError {
            summary.failed += 1
            onError("\(code): \(error)")
          } catch let error as DomainError {
            summary.failed += 1
            onError("\(code): \(error)")
          }
        }
      }
    }
    return summary
  }
}

/// An assessment as stored, with its explanation, for `--explain` and letters.
public struct StoredAssessment: Sendable {
  public let id: Int
  public let complaint: String
  public let scheme: String
  public let outcome: String
  public let reason: String?
  public let currency: String
  public let amountMinor: Int
  public let policyDate: String
  public let payer: String?
  /// `key = value (from YYYY-MM-DD)` for each policy value used.
  public let policyLines: [String]
  /// `step: text` for each explanation step.
  public let explanationLines: [String]
  public let assessedAt: String
  public let assessedBy: String
  public var lines: [AssessmentLine]
}
