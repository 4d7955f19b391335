import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// The assessments table and the rows that belong to it: each assessment is stored as the rules
/// engine computed it (result, lines, policy values, explanation lines with their structure)
/// and read back as the same `Assessment`. Only appends: a re-assessment is a new row.
struct AssessmentStore {
  let db: Database
  /// `Register.explanationText`: a step whose text it rebuilds is stored with an empty text.
  let explanationText: ((ExplanationLine, Scheme) -> String?)?
  /// What a run of many assessments remembers between them (`assessPending`); nil for one.
  var memory: Memory? = nil

  /// What a run of many assessments remembers while it writes (issue #12): the policy sets its
  /// running transaction has looked up or made, and which explanation lines `explanationText`
  /// rebuilds exactly (the renderer depends on nothing but the line and the scheme).
  final class Memory {
    /// Policy sets by fingerprint (`policySet(for:seen:)`); emptied for each transaction.
    var policySets: [String: Int] = [:]
    /// Whether a line's text is rebuilt exactly, by line (its text included) and scheme.
    private var rebuilt: [RebuiltKey: Bool] = [:]
    /// At most this many lines are remembered (then forgotten at once): a bound on memory.
    static let rebuiltLimit = 50_000

    /// A line under a scheme: equal when every part is; hashed by the scheme, rule and text
    /// only (hashing the values, a dictionary, cost more than the lookup saved).
    private struct RebuiltKey: Hashable {
      let line: ExplanationLine
      let scheme: Scheme

      func hash(into hasher: inout Hasher) {
        hasher.combine(scheme)
        hasher.combine(line.rule)
        hasher.combine(line.text)
      }
    }

    /// Whether `line`'s text is rebuilt exactly under `scheme`, asking `check` once per line.
    func rebuilds(_ line: ExplanationLine, _ scheme: Scheme, check: () -> Bool) -> Bool {
      let key = RebuiltKey(line: line, scheme: scheme)
      if let known = rebuilt[key] { return known }
      if rebuilt.count >= Memory.rebuiltLimit { rebuilt.removeAll(keepingCapacity: true) }
      let result = check()
      rebuilt[key] = result
      return result
    }
  }

  /// Stores `assessment` of complaint `complaintID`, made with the values of policy set
  /// `policySetID` (`policySet(for:)`), with its lines and its explanation as one value
  /// (`ExplanationCodec`); returns its id. Inside the caller's transaction.
  func insert(
    _ assessment: Assessment, complaintID: Int, inspectionID: Int?, actorID: Int, at: String,
    policySetID: Int
  ) throws -> Int {
    try write(
      assessment, complaintID: complaintID, inspectionID: inspectionID, actorID: actorID, at: at,
      policySetID: policySetID
    ).id
  }

  /// `insert`, returning the assessment's audited state as well, built from the values written
  /// (`AuditState.assessment`): what its audit entry records.
  func write(
    _ assessment: Assessment, complaintID: Int, inspectionID: Int?, actorID: Int, at: String,
    policySetID: Int
  ) throws -> (id: Int, state: AuditState) {
    let explanation = ExplanationCodec.encode(assessment.explanation) {
      storedText($0, scheme: assessment.scheme)
    }
    try db.prepare(
      """
      INSERT INTO assessment(complaint_id, inspection_id, scheme, outcome, reason, reason_code,
        currency, amount_minor, policy_date, payer, assessed_by, assessed_at, policy_set_id,
        explanation)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """
    ).run(with: [
      complaintID, inspectionID,
      assessment.scheme.rawValue, assessment.outcome.rawValue,
      assessment.reason, assessment.reasonCode?.rawValue,
      assessment.currency, assessment.amountMinor,
      assessment.policyDate.description, assessment.payer,
      actorID, at, policySetID, explanation,
    ])
    let id = db.lastInsertRowID
    let insertLine = try db.prepare(
      """
      INSERT INTO assessment_line(assessment_id, position, item, quantity_centi, rate,
        amount_minor, note) VALUES (?, ?, ?, ?, ?, ?, ?)
      """)
    for (position, line) in assessment.lines.enumerated() {
      try insertLine.run(with: [
        id, position + 1, line.item,
        line.quantityCenti, line.rate, line.amountMinor,
        line.note,
      ])
    }
    let state = AuditState.assessment(
      assessment, complaintID: complaintID, inspectionID: inspectionID, actorID: actorID, at: at,
      policySetID: policySetID, explanation: explanation)
    return (id, state)
  }

  /// The text stored for `line`: empty when `explanationText` rebuilds it exactly (the step,
  /// rule and values, which the audit digest covers, then say all it shows), else the text.
  private func storedText(_ line: ExplanationLine, scheme: Scheme) -> String {
    guard !line.text.isEmpty, let explanationText else { return line.text }
    let check = { explanationText(line, scheme) == line.text }
    return (memory?.rebuilds(line, scheme, check: check) ?? check()) ? "" : line.text
  }

  /// `line` as read, its text rebuilt when it was stored without one.
  private func readLine(_ line: ExplanationLine, scheme: Scheme) -> ExplanationLine {
    guard line.text.isEmpty else { return line }
    // Without the renderer (a process that did not install it), the structure itself.
    let text =
      explanationText?(line, scheme)
      ?? ([line.rule] + line.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
      .joined(separator: " ")
    return ExplanationLine(step: line.step, rule: line.rule, values: line.values, text: text)
  }

  /// What a decision needs of an assessment: its id, outcome and amount.
  struct Head {
    let id: Int
    let outcome: Assessment.Outcome
    let amount: Int
    let currency: String
  }

  /// The head of a complaint's latest assessment, if it has one.
  func latestHead(complaintID: Int) throws -> Head? {
    try db.prepare(
      """
      SELECT id, outcome, amount_minor, currency FROM assessment
      WHERE complaint_id = ? ORDER BY id DESC LIMIT 1
      """
    ).first(with: [complaintID]) {
      Head(
        id: $0.int("id"), outcome: Assessment.Outcome(rawValue: $0.text("outcome"))!,
        amount: $0.int("amount_minor"), currency: $0.text("currency"))
    }
  }

  /// The id of a complaint's latest assessment, if it has one.
  func latestID(complaintID: Int) throws -> Int? {
    try db.scalar(
      Int.self, "SELECT max(id) FROM assessment WHERE complaint_id = ?", with: [complaintID])
  }

  /// Assessment `id` of complaint `code` as it was stored: result, lines, policy values and
  /// explanation, read back as the engine computed them.
  func stored(id: Int, code: String) throws -> StoredAssessment? {
    let key: [any SQLBindable] = [id]
    guard
      let head = try db.prepare(
        """
        SELECT scheme, outcome, reason, reason_code, currency, amount_minor, policy_date, payer,
          assessed_at, (SELECT name FROM app_user WHERE id = assessed_by) AS assessed_by_name,
          explanation
        FROM assessment WHERE id = ?
        """
      ).first(
        with: key,
        { row in
          (
            scheme: Scheme(rawValue: row.text("scheme"))!,
            outcome: Assessment.Outcome(rawValue: row.text("outcome"))!,
            reason: row.optionalText("reason"),
            reasonCode: row.optionalText("reason_code").flatMap(ReasonCode.init(rawValue:)),
            currency: row.text("currency"), amount: row.int("amount_minor"),
            policyDate: CalendarDate(row.text("policy_date"))!,
            payer: row.optionalText("payer"), at: row.text("assessed_at"),
            by: row.text("assessed_by_name"),
            explanation: row.isNull("explanation") ? nil : row.blob("explanation")
          )
        })
    else { return nil }
    let policyValues = try self.policyValues(assessment: id, scheme: head.scheme)
    let explanation = try steps(assessment: id, stored: head.explanation).map {
      readLine($0, scheme: head.scheme)
    }
    let lines = try db.prepare(
      """
      SELECT item, quantity_centi, rate, amount_minor, note FROM assessment_line
      WHERE assessment_id = ? ORDER BY position
      """
    ).map(with: key) {
      AssessmentLine(
        item: $0.text("item"), quantityCenti: $0.int("quantity_centi"), rate: $0.text("rate"),
        amountMinor: $0.int("amount_minor"),
        note: $0.text("note"))
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
  var assessments: AssessmentStore {
    AssessmentStore(db: db, explanationText: explanationText)
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
