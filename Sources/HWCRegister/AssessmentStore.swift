import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// The assessments table and the rows that belong to it: each assessment is stored as the rules
/// engine computed it (result, lines, policy values, explanation lines with their structure)
/// and read back as the same `Assessment`. Only appends: a re-assessment is a new row.
struct AssessmentStore {
  let db: Database

  /// Stores `assessment` of complaint `complaintID` with its lines, policy values and
  /// explanation; returns its id. Inside the caller's transaction.
  func insert(
    _ assessment: Assessment, complaintID: Int, inspectionID: Int?, actorID: Int, at: String
  ) throws -> Int {
    try db.prepare(
      """
      INSERT INTO assessment(complaint_id, inspection_id, scheme, outcome, reason, reason_code,
        currency, amount_minor, policy_date, payer, assessed_by, assessed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """
    ).run([
      .integer(Int64(complaintID)), inspectionID.map { .integer(Int64($0)) } ?? .null,
      .text(assessment.scheme.rawValue), .text(assessment.outcome.rawValue),
      Register.optional(assessment.reason), Register.optional(assessment.reasonCode?.rawValue),
      .text(assessment.currency), .integer(Int64(assessment.amountMinor)),
      .text(assessment.policyDate.description), Register.optional(assessment.payer),
      .integer(Int64(actorID)), .text(at),
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
    return id
  }

  /// The id of a complaint's latest assessment, if it has one.
  func latestID(complaintID: Int) throws -> Int? {
    try db.scalar(
      Int.self, "SELECT max(id) FROM assessment WHERE complaint_id = ?", with: [complaintID])
  }

  /// Assessment `id` of complaint `code` as it was stored: result, lines, policy values and
  /// explanation, read back as the engine computed them.
  func stored(id: Int, code: String) throws -> StoredAssessment? {
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
}

extension Register {
  /// The assessments table.
  var assessments: AssessmentStore { AssessmentStore(db: db) }
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
