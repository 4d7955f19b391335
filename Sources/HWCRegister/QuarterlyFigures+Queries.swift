import HWCCore
import HWCDomain
import HWCRules
import HWCStore

extension QuarterlyFigures {
  private var fromText: String { from.description }
  private var toText: String { to.description }
  /// The last timestamp of the span's last day, for `at` columns.
  private var toStamp: String { to.description + "T99" }

  private var districtFilter: String { district == nil ? "" : " AND c.district_id = ?" }
  private var districtValue: [SQLValue] { district.map { [.integer(Int64($0.id))] } ?? [] }
  private var span: [SQLValue] { [.text(fromText), .text(toText)] + districtValue }

  /// Complaints registered in the span by district and damage type.
  public func complaintsByDistrictAndType() throws -> [DistrictTypeCount] {
    try db.prepare(
      """
      SELECT c.district_id, c.damage_type, count(*) FROM complaint c
      WHERE c.reported_date BETWEEN ? AND ?\(districtFilter)
      GROUP BY c.district_id, c.damage_type
      """
    ).map(span) {
      DistrictTypeCount(districtID: $0.int(0), damageType: $0.text(1), count: $0.int(2))
    }
  }

  /// Complaints registered in the span by species code.
  public func complaintsBySpecies() throws -> [String: Int] {
    Dictionary(
      uniqueKeysWithValues: try db.prepare(
        """
        SELECT c.species, count(*) FROM complaint c
        WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) GROUP BY c.species
        """
      ).map(span) { ($0.text(0), $0.int(1)) })
  }

  /// Verified quantities (latest inspection of each complaint registered in the span), in
  /// hundredths, by item.
  public func verifiedByItem() throws -> [String: Int] {
    Dictionary(
      uniqueKeysWithValues: try db.prepare(
        """
        SELECT ii.item, sum(ii.quantity_centi) FROM complaint c
        JOIN inspection i ON i.id = \(ReadSQL.latestInspection(of: "c.id"))
        JOIN inspection_item ii ON ii.inspection_id = i.id
        WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) GROUP BY ii.item
        """
      ).map(span) { ($0.text(0), $0.int(1)) })
  }

  /// Every budget and fund in scope with activity up to the span's end: approvals (net of
  /// releases) and payments dated in the span; credited, outstanding and available at its end;
  /// and the eligible assessments recorded in the span, by payer.
  public func payers() throws -> [PayerFigures] {
    var scope = ""
    var values: [SQLValue] = []
    if let district {
      let list = reference.conservancies.filter { $0.districtID == district.id }
        .map { String($0.id) }.joined(separator: ",")
      scope = " AND (o.district_id = ? OR o.conservancy_id IN (\(list.isEmpty ? "0" : list)))"
      values.append(.integer(Int64(district.id)))
    }
    var payers = try Ledger(db: db).figures(
      asOf: toText, since: fromText, filter: scope, values
    ).compactMap { figures -> PayerFigures? in
      guard let payer = payer(of: figures) else { return nil }
      return PayerFigures(
        payer: payer, currency: figures.currency,
        approved: figures.reservedInPeriod - figures.releasedInPeriod,
        paid: figures.paidInPeriod, outstanding: figures.reserved, paidToDate: figures.paid,
        credited: figures.credited, available: figures.available)
    }
    for (payer, amount) in try assessedByPayer() {
      if let index = payers.firstIndex(where: { $0.payer == payer }) {
        payers[index].assessed = amount
      } else {
        let currency = if case .fund = payer { "KGS" } else { "KZT" }
        payers.append(PayerFigures(payer: payer, currency: currency, assessed: amount))
      }
    }
    func order(_ figures: PayerFigures) -> (Int, String) {
      if case .fund = figures.payer { (1, figures.account) } else { (0, figures.account) }
    }
    return payers.sorted { order($0) < order($1) }
  }

  /// The payer whose own account `figures` are.
  private func payer(of figures: Ledger.Figures) -> Payer? {
    switch figures.kind {
    case .budget:
      guard let id = figures.districtID, let year = figures.year,
        let district = reference.district(id: id)
      else { return nil }
      return .budget(district: district, year: year)
    case .fund:
      return figures.conservancyID.flatMap { reference.conservancy(id: $0) }.map {
        .fund(conservancy: $0)
      }
    default: return nil
    }
  }

  /// Eligible assessments recorded in the span (the latest per complaint as of its end), by
  /// payer: the conservancy's fund in Kyrgyzstan, else the district's budget for the incident's
  /// year.
  private func assessedByPayer() throws -> [(Payer, Int)] {
    var totals: [Payer: Int] = [:]
    var order: [Payer] = []
    try db.prepare(
      """
      SELECT c.district_id, CAST(substr(c.incident_date, 1, 4) AS INTEGER) AS year,
        CASE WHEN d.country = 'KG' THEN c.conservancy_id END AS conservancy_id,
        sum(a.amount_minor) AS assessed
      FROM assessment a JOIN complaint c ON c.id = a.complaint_id
      JOIN district d ON d.id = c.district_id
      WHERE a.assessed_at BETWEEN ? AND ? AND a.outcome = \(Assessment.Outcome.eligible.sqlLiteral)\(districtFilter)
        AND a.id = (SELECT max(id) FROM assessment x WHERE x.complaint_id = a.complaint_id
          AND x.assessed_at <= ?)
      GROUP BY 1, 2, 3
      """
    ).eachRow([.text(fromText), .text(toStamp)] + districtValue + [.text(toStamp)]) { row in
      let payer: Payer
      if let id = row.optionalInt("conservancy_id"), let conservancy = reference.conservancy(id: id)
      {
        payer = .fund(conservancy: conservancy)
      } else if let district = reference.district(id: row.int("district_id")) {
        payer = .budget(district: district, year: row.int("year"))
      } else {
        return
      }
      if totals[payer] == nil { order.append(payer) }
      totals[payer, default: 0] += row.int("assessed")
    }
    return order.map { ($0, totals[$0]!) }
  }

  /// Decision events dated in the span: kind, new status, reason, and the reason's code for an
  /// ineligible assessment.
  public func decisions() throws -> [Decision] {
    try db.prepare(
      """
      SELECT e.kind, e.to_status, e.reason,
        CASE WHEN e.kind = \(ComplaintEventKind.assessed.sqlLiteral)
          AND e.to_status = \(ComplaintStatus.ineligible.sqlLiteral) THEN
          (SELECT a.reason_code FROM assessment a WHERE a.complaint_id = e.complaint_id
            AND a.reason = e.reason AND a.assessed_at <= e.at ORDER BY a.id DESC LIMIT 1)
        END
      FROM complaint_event e
      JOIN complaint c ON c.id = e.complaint_id
      WHERE e.at BETWEEN ? AND ?\(districtFilter)
        AND e.kind IN (\(ComplaintEventKind.allCases.filter(\.isDecision).sqlLiteral))
      """
    ).map([.text(fromText), .text(toStamp)] + districtValue) {
      Decision(
        kind: ComplaintEventKind(rawValue: $0.text(0))!,
        status: ComplaintStatus(rawValue: $0.text(1))!, reason: $0.optionalText(2),
        reasonCode: $0.optionalText(3).flatMap(ReasonCode.init))
    }
  }

  /// For each complaint registered in the span: reported date, first inspection, first decision
  /// (approved, rejected or ineligible) and payment dates.
  public func timelines() throws -> [Timeline] {
    try db.prepare(
      """
      SELECT c.reported_date,
        (SELECT min(inspection_date) FROM inspection WHERE complaint_id = c.id),
        (SELECT min(substr(at, 1, 10)) FROM complaint_event WHERE complaint_id = c.id
          AND (kind IN (\([ComplaintEventKind.approved, .rejected].sqlLiteral))
            OR (kind = \(ComplaintEventKind.assessed.sqlLiteral)
              AND to_status = \(ComplaintStatus.ineligible.sqlLiteral)))),
        (SELECT on_date FROM ledger_transfer WHERE complaint_id = c.id
          AND kind = \(TransferKind.payment.sqlLiteral))
      FROM complaint c WHERE c.reported_date BETWEEN ? AND ?\(districtFilter)
      """
    ).map(span) {
      Timeline(
        reported: $0.text(0), inspected: $0.optionalText(1), decided: $0.optionalText(2),
        paid: $0.optionalText(3))
    }
  }

  /// The villages with the most complaints registered in the span, at most `limit`.
  public func hotspots(limit: Int) throws -> [Hotspot] {
    try db.prepare(
      """
      SELECT c.village, c.district_id, count(*) AS n FROM complaint c
      WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) AND c.village IS NOT NULL
      GROUP BY c.village, c.district_id ORDER BY n DESC, c.village LIMIT ?
      """
    ).map(span + [.integer(Int64(limit))]) {
      Hotspot(village: $0.text(0), districtID: $0.int(1), count: $0.int(2))
    }
  }

  /// Flags on complaints registered in the span: kind, complaint, the other complaint.
  public func flags() throws -> [Flag] {
    try db.prepare(
      """
      SELECT f.kind, c.code, o.code FROM complaint_flag f JOIN complaint c ON c.id = f.complaint_id
      LEFT JOIN complaint o ON o.id = f.other_complaint_id
      WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) ORDER BY c.id, f.id
      """
    ).map(span) { Flag(kind: $0.text(0), complaint: $0.text(1), other: $0.optionalText(2)) }
  }

  /// Wildlife-crime incidents up to the span's end: conservancy, kind, date.
  public func incidents() throws -> [Incident] {
    try db.prepare(
      """
      SELECT conservancy_id, kind, incident_date FROM wildlife_incident
      WHERE incident_date <= ? ORDER BY incident_date, id
      """
    ).map([.text(toText)]) {
      Incident(conservancyID: $0.int(0), kind: $0.text(1), date: $0.text(2))
    }
  }

  /// Complaints registered, heads verified and money paid (by currency) in the span.
  public func headline() throws -> Headline {
    let complaints = try db.scalarInt(
      "SELECT count(*) FROM complaint c WHERE c.reported_date BETWEEN ? AND ?\(districtFilter)",
      span)
    let heads = try db.scalarInt(
      """
      SELECT coalesce(sum(ii.quantity_centi), 0) / 100 FROM complaint c
      JOIN inspection i ON i.id = \(ReadSQL.latestInspection(of: "c.id"))
      JOIN inspection_item ii ON ii.inspection_id = i.id JOIN item it ON it.code = ii.item
      WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) AND it.unit = 'head'
      """, span)
    let paid = Dictionary(
      uniqueKeysWithValues: try db.prepare(
        """
        SELECT a.currency, sum(e.amount_minor) FROM ledger_transfer t
        JOIN ledger_entry e ON e.transfer_id = t.id JOIN ledger_account a ON a.id = e.account_id
        JOIN complaint c ON c.id = t.complaint_id
        WHERE t.kind = \(TransferKind.payment.sqlLiteral) AND a.kind = \(Ledger.Kind.paid.sqlLiteral)
          AND t.on_date BETWEEN ? AND ?\(districtFilter)
        GROUP BY a.currency
        """
      ).map(span) { ($0.text(0), $0.int(1)) })
    return Headline(complaints: complaints, heads: heads, paid: paid)
  }
}
