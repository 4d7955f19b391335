import HWCCore
import HWCDomain
import HWCRules
import HWCStore

// The reads `make bench` makes between its steps. The bench runs `hwc` as child processes; it
// opens the register file itself only to read these (and closes it before the next write).

extension Register {
  /// The counts the bench prints between its steps.
  public struct BenchFacts: Sendable, Equatable {
    /// Complaints registered.
    public let complaints: Int
    /// Complaints with at least one flag (a possible duplicate).
    public let flaggedComplaints: Int
    /// Assessments recorded (a complaint assessed again counts again).
    public let assessments: Int
    /// Assessments whose outcome is eligible.
    public let eligibleAssessments: Int
  }

  /// The counts the bench prints: complaints, flagged complaints, assessments, eligible ones.
  public func benchFacts() throws -> BenchFacts {
    try snapshot {
      try db.prepare(
        """
        SELECT (SELECT count(*) FROM complaint) AS complaints,
          (SELECT count(DISTINCT complaint_id) FROM complaint_flag) AS flagged,
          (SELECT count(*) FROM assessment) AS assessments,
          (SELECT count(*) FROM assessment WHERE outcome = ?) AS eligible
        """
      ).first(with: [Assessment.Outcome.eligible.rawValue]) { row in
        BenchFacts(
          complaints: row.int("complaints"), flaggedComplaints: row.int("flagged"),
          assessments: row.int("assessments"), eligibleAssessments: row.int("eligible"))
      } ?? BenchFacts(complaints: 0, flaggedComplaints: 0, assessments: 0, eligibleAssessments: 0)
    }
  }

  /// A complaint the committee may approve: assessed, with an eligible assessment.
  public struct DecidableComplaint: Sendable, Equatable {
    public let code: String
    /// The district's English name.
    public let district: String
    /// The year of the incident date (the budget year a kz-state payment draws on).
    public let incidentYear: Int
    public let scheme: Scheme
    /// The assessed amount, in minor units.
    public let amountMinor: Int
    /// The conservancy's English name (its buffer fund pays a kg-buffer complaint), if any.
    public let conservancy: String?
  }

  /// Every assessed complaint with an eligible assessment, one entry per such assessment, in
  /// the order the complaints were registered.
  public func decidableComplaints() throws -> [DecidableComplaint] {
    try db.prepare(
      """
      SELECT c.code, d.name_en AS district,
        CAST(substr(c.incident_date, 1, 4) AS INTEGER) AS incident_year, a.scheme,
        a.amount_minor, cs.name_en AS conservancy
      FROM complaint c JOIN assessment a ON a.complaint_id = c.id
      JOIN district d ON d.id = c.district_id
      LEFT JOIN conservancy cs ON cs.id = c.conservancy_id
      WHERE c.status = ? AND a.outcome = ? ORDER BY c.id
      """
    ).map(with: [ComplaintStatus.assessed.rawValue, Assessment.Outcome.eligible.rawValue]) { row in
      DecidableComplaint(
        code: row.text("code"), district: row.text("district"),
        incidentYear: row.int("incident_year"), scheme: Scheme(rawValue: row.text("scheme"))!,
        amountMinor: row.int("amount_minor"), conservancy: row.optionalText("conservancy"))
    }
  }

  /// The quarter (`2026-Q3`) in which most decision events (`ComplaintEventKind.isDecision`)
  /// happened, the later one on a tie; nil when there are none.
  public func busiestDecisionQuarter() throws -> String? {
    let kinds = ComplaintEventKind.allCases.filter(\.isDecision).map(\.rawValue)
    let marks = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
    return try db.prepare(
      """
      SELECT substr(at, 1, 4) || '-Q' || ((CAST(substr(at, 6, 2) AS INTEGER) + 2) / 3) AS quarter
      FROM complaint_event WHERE kind IN (\(marks))
      GROUP BY quarter ORDER BY count(*) DESC, quarter DESC LIMIT 1
      """
    ).first(with: kinds) { $0.text("quarter") }
  }
}

extension Register {
  /// The re-inspection a bench decision needs before its approval: nil when every draw of the
  /// complaint is honoured; else the items, date and protection of the inspection it was
  /// assessed with, so that one confirming it can be recorded (`hwc reinspect`).
  public func benchReinspection(code: String) throws -> (items: [String], protected: Bool)? {
    let complaint = try header(code: code)
    guard try reinspectionDraws(complaintID: complaint.id).contains(where: { !$0.honoured })
    else { return nil }
    guard
      let inspection = try db.prepare(
        "SELECT id, protected FROM inspection WHERE complaint_id = ? ORDER BY id DESC LIMIT 1"
      ).first(with: [complaint.id], { ($0.int("id"), $0.int("protected") == 1) })
    else { return nil }
    let items = try db.prepare(
      "SELECT item, quantity_centi FROM inspection_item WHERE inspection_id = ? ORDER BY item"
    ).map(with: [inspection.0]) {
      "\($0.text("item"))=\(Decimal2.format($0.int("quantity_centi")))"
    }
    return (items, inspection.1)
  }
}
