import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// A stored assessment whose policy values are no longer those in force on its policy date: a
/// retroactive policy change made it out of date, and its approval needs a re-assessment.
public struct OutOfDateAssessment: Sendable {
  public let complaint: String
  public let status: ComplaintStatus
  public let policyDate: String
  public let amountMinor: Int
  public let currency: String
  /// Each value it used that changed: `mrp: 4,325 (from 2026-01-01) -> 4,500 (from 2026-03-01)`.
  public let changes: [FieldChange]

  public var json: JSON {
    .object([
      ("complaint", .string(complaint)), ("status", .string(status.rawValue)),
      ("policy_date", .string(policyDate)), ("amount_minor", .int(amountMinor)),
      ("currency", .string(currency)), ("changes", .array(changes.map(\.json))),
    ])
  }
}

extension Register {
  /// `4500 (from 2026-03-01)`: a policy value as corrections and refusals name it.
  static func policyText(_ value: PolicyValue) -> String {
    "\(value.text) (from \(value.effectiveFrom))"
  }

  /// Refuses a value from before today without a reason, and a reason for one that is not.
  func checkRetroactive(_ date: CalendarDate, reason: String?) throws {
    let today = clock.today
    if date < today, reason == nil {
      throw DomainError.invalid(
        field: .from,
        "\(date) is before today (\(today)): a retroactive change needs --retroactive --reason T, "
          + "changes no stored assessment, and lists the assessments it makes out of date")
    }
    if date >= today, reason != nil {
      throw DomainError.invalid(
        field: .from, "\(date) is not before today (\(today)): the change is not retroactive")
    }
  }

  /// The latest assessments (of complaints not withdrawn) that used `key` of `scheme` on a policy
  /// date from `from` on and whose values are no longer those in force; by complaint.
  public func outOfDateAssessments(scheme: Scheme, key: String, from: CalendarDate) throws
    -> [OutOfDateAssessment]
  {
    let policy = try policy()
    return try db.prepare(
      """
      SELECT a.id, c.code, c.status, a.policy_date, a.amount_minor, a.currency
      FROM complaint c JOIN assessment a ON a.id = \(ReadSQL.latestAssessment(of: "c.id"))
      WHERE c.status != \(ComplaintStatus.withdrawn.sqlLiteral) AND a.scheme = ?
        AND a.policy_date >= ?
        AND (EXISTS (SELECT 1 FROM assessment_policy p WHERE p.assessment_id = a.id AND p.key = ?)
          OR EXISTS (SELECT 1 FROM policy_set_value v WHERE v.policy_set_id = a.policy_set_id
            AND v.key = ?))
      ORDER BY c.code
      """
    ).map(with: [scheme.rawValue, from.description, key, key]) { row in
      (
        row.int("id"), row.text("code"), ComplaintStatus(rawValue: row.text("status"))!,
        row.text("policy_date"), row.int("amount_minor"), row.text("currency")
      )
    }.compactMap { id, code, status, date, amount, currency in
      let changes = try outdatedValues(assessmentID: id, policy: policy)
      guard !changes.isEmpty else { return nil }
      return OutOfDateAssessment(
        complaint: code, status: status, policyDate: date, amountMinor: amount,
        currency: currency, changes: changes)
    }
  }

  /// The policy values assessment `assessmentID` used that differ from those in force now on
  /// its policy date (a value missing now counts as changed).
  func outdatedValues(assessmentID: Int, policy: Policy) throws -> [FieldChange] {
    guard
      let head = try db.prepare("SELECT scheme, policy_date FROM assessment WHERE id = ?").first(
        with: [assessmentID],
        {
          (Scheme(rawValue: $0.text("scheme")), CalendarDate($0.text("policy_date")))
        }),
      let scheme = head.0, let date = head.1
    else { return [] }
    return try assessments.policyValues(assessment: assessmentID, scheme: scheme).compactMap {
      used -> FieldChange? in
      let now = try? policy.value(scheme, used.key, on: date)
      guard now != used else { return nil }
      return FieldChange(
        used.key, old: Register.policyText(used), new: now.map(Register.policyText))
    }
  }

  /// Refuses to approve (or pay on) an assessment made out of date by a retroactive policy change,
  /// naming the re-assessment.
  func refuseOutOfDate(_ complaint: ComplaintHeader, assessmentID: Int) throws {
    let changes = try outdatedValues(assessmentID: assessmentID, policy: policy())
    guard let first = changes.first else { return }
    throw DomainError.conflict(
      "the assessment of \(complaint.code) is out of date: a retroactive policy change made "
        + "\(first.text) on its policy date; re-assess it with 'hwc assess \(complaint.code)' "
        + "before it is approved")
  }

  /// True when the complaint is assessed (not yet approved) and its latest assessment is out of
  /// date: `hwc assess ID` assesses it again.
  func latestAssessmentIsOutOfDate(_ complaint: ComplaintHeader) throws -> Bool {
    guard complaint.status == .assessed,
      let id = try assessments.latestID(complaintID: complaint.id)
    else { return false }
    return try !outdatedValues(assessmentID: id, policy: policy()).isEmpty
  }

  /// True when complaint `code` is assessed with an assessment a retroactive policy change made
  /// out of date (`hwc assess ID` then assesses it again).
  public func needsReassessment(code: String) throws -> Bool {
    try latestAssessmentIsOutOfDate(header(code: code))
  }
}
