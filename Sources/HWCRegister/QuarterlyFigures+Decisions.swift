import HWCDomain
import HWCRules
import HWCStore

extension QuarterlyFigures {
  /// Decision events dated in the span, counted by kind, new status, reason (of a rejection)
  /// and the reason's code (of an ineligible assessment): a few rows however many decisions.
  ///
  /// The counts come from the decision index alone (`complaint_event_at`: kind, status, date,
  /// decisions only); only rejections and ineligible assessments are read, grouped by their
  /// reason's text, and each text's code is looked up once, on the latest event of its group.
  public func decisions() throws -> [Decision] {
    let kinds = ComplaintEventKind.allCases.filter(\.isDecision)
    // The kinds are the partial index's WHERE, so SQLite may use it; the statuses let it seek
    // each (kind, status) pair's range of dates.
    let decision =
      "e.kind IN (\(kinds.sqlLiteral)) AND e.to_status IN (\(ComplaintStatus.allCases.sqlLiteral))"
    // The complaint is joined only to filter by district (every event has its complaint).
    let join = district == nil ? "" : " JOIN complaint c ON c.id = e.complaint_id"
    let span: [any SQLBindable] = [fromText, toStamp] + districtValue
    var decisions: [Decision] = []
    try db.prepare(
      """
      SELECT e.kind, e.to_status, count(*) AS events FROM complaint_event e\(join)
      WHERE \(decision) AND e.at BETWEEN ? AND ?\(districtFilter)
      GROUP BY e.kind, e.to_status
      """
    ).eachRow(with: span) { row in
      let kind = ComplaintEventKind(rawValue: row.text("kind"))!
      let status = ComplaintStatus(rawValue: row.text("to_status"))!
      guard !Self.hasReason(kind, status) else { return }
      decisions.append(
        Decision(kind: kind, status: status, reason: nil, reasonCode: nil, count: row.int("events"))
      )
    }
    var ineligible: [ReasonCode?: Int] = [:]
    let withReasons: [(ComplaintEventKind, [ComplaintStatus])] = [
      (.rejected, ComplaintStatus.allCases), (.assessed, [.ineligible]),
    ]
    for (kind, statuses) in withReasons {
      try db.prepare(
        """
        SELECT e.to_status, e.reason, count(*) AS events, max(e.id) AS latest
        FROM complaint_event e\(join)
        WHERE \(decision) AND e.kind = \(kind.sqlLiteral) AND e.to_status IN (\(statuses.sqlLiteral))
          AND e.at BETWEEN ? AND ?\(districtFilter)
        GROUP BY e.to_status, e.reason
        """
      ).eachRow(with: span) { row in
        let status = ComplaintStatus(rawValue: row.text("to_status"))!
        if kind == .rejected {
          decisions.append(
            Decision(
              kind: kind, status: status, reason: row.optionalText("reason"), reasonCode: nil,
              count: row.int("events")))
        } else {
          ineligible[try reasonCode(ofEvent: row.int("latest")), default: 0] += row.int("events")
        }
      }
    }
    for (code, count) in ineligible.sorted(by: {
      ($0.key?.rawValue ?? "") < ($1.key?.rawValue ?? "")
    }) {
      decisions.append(
        Decision(kind: .assessed, status: .ineligible, reason: nil, reasonCode: code, count: count))
    }
    return decisions
  }

  /// Whether `decisions()` counts events of `kind` leading to `status` by their reason.
  private static func hasReason(_ kind: ComplaintEventKind, _ status: ComplaintStatus) -> Bool {
    kind == .rejected || (kind == .assessed && status == .ineligible)
  }

  /// The code of the reason of ineligible-assessment event `id`: the code its complaint's latest
  /// assessment with that reason, made by then, recorded.
  private func reasonCode(ofEvent id: Int) throws -> ReasonCode? {
    try db.prepare(
      """
      SELECT a.reason_code FROM complaint_event e
      JOIN assessment a ON a.complaint_id = e.complaint_id
      WHERE e.id = ? AND a.reason = e.reason AND a.assessed_at <= e.at
      ORDER BY a.id DESC LIMIT 1
      """
    ).first(with: [id]) { $0.optionalText("reason_code").flatMap(ReasonCode.init) } ?? nil
  }
}
