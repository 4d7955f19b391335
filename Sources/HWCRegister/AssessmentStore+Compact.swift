import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// The compact parts of an assessment (migration 0018): the policy set it references and its
/// explanation as one value; an assessment made before reads its child rows as stored.
extension AssessmentStore {
  /// The policy set holding exactly the policy values of `assessment`, in order: the stored one,
  /// or a new one (`created`: the caller audits it). Inside the caller's transaction.
  func policySet(for assessment: Assessment) throws -> (id: Int, created: Bool) {
    var seen: [String: Int] = [:]
    return try policySet(for: assessment, seen: &seen)
  }

  /// `policySet(for:)` remembering what it found: `seen` holds the sets this transaction has
  /// already looked up or made, by fingerprint; one found there is neither looked up nor
  /// compared again. The caller keeps it for one transaction only (a set made in a batch that
  /// is rolled back is gone).
  func policySet(for assessment: Assessment, seen: inout [String: Int]) throws
    -> (id: Int, created: Bool)
  {
    let values = assessment.policyValues
    let fingerprint =
      assessment.scheme.rawValue + "|"
      + values.map { "\($0.key)=\($0.centi)@\($0.effectiveFrom)" }.joined(separator: ";")
    if let id = seen[fingerprint] { return (id, false) }
    let set = try policySet(values, scheme: assessment.scheme, fingerprint: fingerprint)
    seen[fingerprint] = set.id
    return set
  }

  /// The policy set of `values` named `fingerprint`: the stored one (its values compared), or a
  /// new one.
  private func policySet(_ values: [PolicyValue], scheme: Scheme, fingerprint: String) throws
    -> (id: Int, created: Bool)
  {
    if let id = try db.scalar(
      Int.self, "SELECT id FROM policy_set WHERE fingerprint = ?", with: [fingerprint])
    {
      // The set is audited; its values are compared all the same, so that a fingerprint
      // changed with another tool never lends an assessment the values of another set.
      let stored = try setValues(id, scheme: scheme)
      if stored.map(\.key) == values.map(\.key), stored.map(\.centi) == values.map(\.centi),
        stored.map(\.effectiveFrom) == values.map(\.effectiveFrom)
      {
        return (id, false)
      }
      throw DomainError.conflict(
        "policy set \(id) does not hold the values it is named by; run hwc audit verify")
    }
    try db.run(
      "INSERT INTO policy_set(scheme, fingerprint) VALUES (?, ?)",
      with: [scheme.rawValue, fingerprint])
    let id = db.lastInsertRowID
    let insert = try db.prepare(
      """
      INSERT INTO policy_set_value(policy_set_id, position, key, value_centi, effective_from)
      VALUES (?, ?, ?, ?, ?)
      """)
    for (position, value) in values.enumerated() {
      try insert.run(with: [
        id, position + 1, value.key, value.centi, value.effectiveFrom.description,
      ])
    }
    return (id, true)
  }

  /// The policy values assessment `id` used, in order: its policy set's, or, for an assessment
  /// made before migration 0018, its own rows.
  func policyValues(assessment id: Int, scheme: Scheme) throws -> [PolicyValue] {
    if let set = try db.scalar(
      Int.self, "SELECT policy_set_id FROM assessment WHERE id = ?", with: [id])
    {
      return try setValues(set, scheme: scheme)
    }
    return try policyRows(
      "SELECT key, value_centi, effective_from FROM assessment_policy WHERE assessment_id = ?"
        + " ORDER BY position", id, scheme: scheme)
  }

  /// The values of policy set `id`, in order.
  private func setValues(_ id: Int, scheme: Scheme) throws -> [PolicyValue] {
    try policyRows(
      "SELECT key, value_centi, effective_from FROM policy_set_value WHERE policy_set_id = ?"
        + " ORDER BY position", id, scheme: scheme)
  }

  /// The policy values `sql` reads (key, value, effective date) for `id`.
  private func policyRows(_ sql: String, _ id: Int, scheme: Scheme) throws -> [PolicyValue] {
    try db.prepare(sql).map(with: [id]) {
      PolicyValue(
        scheme: scheme, key: $0.text("key"), centi: $0.int("value_centi"),
        effectiveFrom: CalendarDate($0.text("effective_from"))!)
    }
  }

  /// The explanation lines of assessment `id` as stored (texts empty where the renderer
  /// rebuilds them): decoded from `stored`, its `explanation` value, or, for an assessment made
  /// before migration 0018, read from its step rows.
  func steps(assessment id: Int, stored: [UInt8]?) throws -> [ExplanationLine] {
    if let stored {
      guard let lines = ExplanationCodec.decode(stored) else {
        throw DomainError.conflict(
          "the explanation of assessment \(id) cannot be read; run hwc audit verify")
      }
      return lines
    }
    var values: [Int: [String: String]] = [:]
    try db.prepare(
      """
      SELECT s.position, j.key, j.value FROM assessment_step s, json_each(s.args) j
      WHERE s.assessment_id = ?
      """
    ).eachRow(with: [id]) {
      values[$0.int("position"), default: [:]][$0.text("key")] = $0.text("value")
    }
    return try db.prepare(
      """
      SELECT position, step, rule, text FROM assessment_step
      WHERE assessment_id = ? ORDER BY position
      """
    ).map(with: [id]) {
      ExplanationLine(
        step: ExplanationStep(rawValue: $0.text("step"))!, rule: $0.text("rule"),
        values: values[$0.int("position")] ?? [:], text: $0.text("text"))
    }
  }
}
