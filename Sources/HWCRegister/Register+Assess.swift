import HWCCore
import HWCDomain
import HWCRules
import HWCStore

extension Register {
  /// Gathers the facts the engine needs for one complaint (no rule is applied here).
  func assessmentInput(_ complaint: ComplaintHeader) throws -> AssessmentInput? {
    guard let district = reference.district(id: complaint.districtID) else { return nil }
    let conservancy = complaint.conservancyID.flatMap { reference.conservancy(id: $0) }
    let coverage = Coverage(
      district: district, conservancy: conservancy, incidentYear: complaint.incidentDate.year)
    let scheme = coverage.scheme
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
      JOIN assessment a ON a.id = \(ReadSQL.latestAssessment(of: "c.id"))
      WHERE c.claimant_id = ? AND c.id != ?
        AND c.status IN (\(ComplaintStatus.allCases.filter(\.isCommitted).sqlLiteral))
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
        JOIN assessment a ON a.id = \(ReadSQL.latestAssessment(of: "c.id"))
        JOIN assessment_line l ON l.assessment_id = a.id
        WHERE c.claimant_id = ? AND c.conservancy_id = ? AND substr(c.incident_date, 1, 4) = ?
          AND c.id != ?
          AND c.status IN (\(ComplaintStatus.allCases.filter(\.isCommitted).sqlLiteral))
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
    guard complaint.status.isAssessable else {
      throw DomainError.conflict(
        "\(complaint.code) is \(complaint.status.rawValue); only an inspected complaint is assessed "
          + (complaint.status.isInspectable
            ? "(record an inspection first)" : "(an appeal reopens it)"))
    }
    guard let input = try assessmentInput(complaint) else {
      throw DomainError.notFound("the district of \(complaint.code) is unknown")
    }
    let assessment = try RulesEngine.assess(input, policy: policy ?? self.policy())
    try db.transaction { try store(assessment, complaint: complaint, actor: actor) }
    return assessment
  }

  private func store(_ assessment: Assessment, complaint: ComplaintHeader, actor: Actor) throws {
    let inspectionID = try db.scalarInt(
      "SELECT coalesce(max(id), 0) FROM inspection WHERE complaint_id = ?",
      [.integer(Int64(complaint.id))])
    try db.prepare(
      """
      INSERT INTO assessment(complaint_id, inspection_id, scheme, outcome, reason, reason_code,
        currency, amount_minor, policy_date, payer, assessed_by, assessed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """
    ).run([
      .integer(Int64(complaint.id)), inspectionID == 0 ? .null : .integer(Int64(inspectionID)),
      .text(assessment.scheme.rawValue), .text(assessment.outcome.rawValue),
      Register.optional(assessment.reason), Register.optional(assessment.reasonCode?.rawValue),
      .text(assessment.currency), .integer(Int64(assessment.amountMinor)),
      .text(assessment.policyDate.description), Register.optional(assessment.payer),
      .integer(Int64(actor.id)), .text(clock.timestamp()),
    ])
    let id = db.lastInsertRowID
    let insertPolicy = try db.prepare(
      """
      INSERT INTO assessment_policy(assessment_id, position, key, value_centi, effective_from)
      VALUES (?, ?, ?, ?, ?)
      """)
    for (position, value) in assessment.policyValues.enumerated() {
      try insertPolicy.run([
        .integer(Int64(id)), .integer(Int64(position + 1)), .text(value.key),
        .integer(Int64(value.centi)), .text(value.effectiveFrom.description),
      ])
    }
    let insertStep = try db.prepare(
      """
      INSERT INTO assessment_step(assessment_id, position, step, rule, args, text)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    for (position, line) in assessment.explanation.enumerated() {
      let args = JSON.object(
        line.values.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
      try insertStep.run([
        .integer(Int64(id)), .integer(Int64(position + 1)), .text(line.step.rawValue),
        .text(line.rule), .text(args.text()), .text(line.text),
      ])
    }
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
      complaint, to: eligible ? .assessed : .ineligible, kind: .assessed,
      reason: eligible ? nil : assessment.reason, actor: actor)
  }

  /// The latest stored assessment of a complaint, as `hwc assess ID --explain` prints it.
  public func latestAssessment(code: String) throws -> StoredAssessment? {
    let complaint = try header(code: code)
    guard
      let id = try db.prepare(
        "SELECT max(id) FROM assessment WHERE complaint_id = ?"
      ).first([.integer(Int64(complaint.id))], { $0.optionalInt(0) }) ?? nil
    else { return nil }
    return try storedAssessment(id: id, code: complaint.code)
  }

  /// Assessment `id` of complaint `code` as it was stored: result, lines, policy values and
  /// explanation, read back as the engine computed them.
  func storedAssessment(id: Int, code: String) throws -> StoredAssessment? {
    let key: [SQLValue] = [.integer(Int64(id))]
    guard
      let head = try db.prepare(
        """
        SELECT scheme, outcome, reason, reason_code, currency, amount_minor, policy_date, payer,
          assessed_at, (SELECT name FROM app_user WHERE id = assessed_by)
        FROM assessment WHERE id = ?
        """
      ).first(
        key,
        { row in
          (
            scheme: Scheme(rawValue: row.text(0))!,
            outcome: Assessment.Outcome(rawValue: row.text(1))!, reason: row.optionalText(2),
            reasonCode: row.optionalText(3).flatMap(ReasonCode.init(rawValue:)),
            currency: row.text(4), amount: row.int(5), policyDate: CalendarDate(row.text(6))!,
            payer: row.optionalText(7), at: row.text(8), by: row.text(9)
          )
        })
    else { return nil }
    let policyValues = try db.prepare(
      """
      SELECT key, value_centi, effective_from FROM assessment_policy
      WHERE assessment_id = ? ORDER BY position
      """
    ).map(key) {
      PolicyValue(
        scheme: head.scheme, key: $0.text(0), centi: $0.int(1),
        effectiveFrom: CalendarDate($0.text(2))!)
    }
    var values: [Int: [String: String]] = [:]
    try db.prepare(
      """
      SELECT s.position, j.key, j.value FROM assessment_step s, json_each(s.args) j
      WHERE s.assessment_id = ?
      """
    ).eachRow(key) { values[$0.int(0), default: [:]][$0.text(1)] = $0.text(2) }
    let explanation = try db.prepare(
      """
      SELECT position, step, rule, text FROM assessment_step
      WHERE assessment_id = ? ORDER BY position
      """
    ).map(key) {
      ExplanationLine(
        step: ExplanationStep(rawValue: $0.text(1))!, rule: $0.text(2),
        values: values[$0.int(0)] ?? [:], text: $0.text(3))
    }
    let lines = try db.prepare(
      """
      SELECT item, quantity_centi, rate, amount_minor, note FROM assessment_line
      WHERE assessment_id = ? ORDER BY position
      """
    ).map(key) {
      AssessmentLine(
        item: $0.text(0), quantityCenti: $0.int(1), rate: $0.text(2), amountMinor: $0.int(3),
        note: $0.text(4))
    }
    let assessment = Assessment(
      complaint: code, scheme: head.scheme, outcome: head.outcome, reason: head.reason,
      reasonCode: head.reasonCode, currency: head.currency, amountMinor: head.amount,
      lines: lines, explanation: explanation, policyValues: policyValues,
      policyDate: head.policyDate, payer: head.payer)
    return StoredAssessment(
      id: id, assessment: assessment, assessedAt: head.at, assessedBy: head.by)
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
        "SELECT id, code FROM complaint WHERE status = \(ComplaintStatus.inspected.sqlLiteral) "
          + "AND id > ? ORDER BY id LIMIT ?"
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

/// An assessment as the register stored it: the engine's result, read back as computed, and
/// who made it when.
public struct StoredAssessment: Sendable {
  public let id: Int
  public let assessment: Assessment
  public let assessedAt: String
  public let assessedBy: String

  public var complaint: String { assessment.complaint }
  public var amountMinor: Int { assessment.amountMinor }

  /// `key = value (from YYYY-MM-DD)` for each policy value used.
  public var policyLines: [String] {
    assessment.policyValues.map { "\($0.key) = \($0.text) (from \($0.effectiveFrom))" }
  }

  /// `step: text` for each line of the explanation, in English as recorded.
  public var explanationLines: [String] {
    assessment.explanation.map { "\($0.step.rawValue): \($0.text)" }
  }
}
