import HWCCore
import HWCDomain
import HWCRules
import HWCStore

extension QuarterlyFigures {
  var fromText: String { from.description }
  var toText: String { to.description }
  /// The last timestamp of the span's last day, for `at` columns.
  var toStamp: String { to.description + "T99" }

  var districtFilter: String { district == nil ? "" : " AND c.district_id = ?" }
  var districtValue: [any SQLBindable] { district.map { [$0.id] } ?? [] }
  private var span: [any SQLBindable] { [fromText, toText] + districtValue }

  /// Complaints registered in the span by district and damage type.
  public func complaintsByDistrictAndType() throws -> [DistrictTypeCount] {
    try db.prepare(
      """
      SELECT c.district_id, c.damage_type, count(*) AS complaints FROM complaint c
      WHERE c.reported_date BETWEEN ? AND ?\(districtFilter)
      GROUP BY c.district_id, c.damage_type
      """
    ).map(with: span) {
      DistrictTypeCount(
        districtID: $0.int("district_id"), damageType: $0.text("damage_type"),
        count: $0.int("complaints"))
    }
  }

  /// Complaints registered in the span by species code.
  public func complaintsBySpecies() throws -> [String: Int] {
    Dictionary(
      uniqueKeysWithValues: try db.prepare(
        """
        SELECT c.species, count(*) AS complaints FROM complaint c
        WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) GROUP BY c.species
        """
      ).map(with: span) { ($0.text("species"), $0.int("complaints")) })
  }

  /// Verified quantities (latest inspection of each complaint registered in the span), in
  /// hundredths, by item.
  public func verifiedByItem() throws -> [String: Int] {
    Dictionary(
      uniqueKeysWithValues: try db.prepare(
        """
        SELECT ii.item, sum(ii.quantity_centi) AS quantity_centi FROM complaint c
        JOIN inspection i ON i.id = \(ReadSQL.latestInspection(of: "c.id"))
        JOIN inspection_item ii ON ii.inspection_id = i.id
        WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) GROUP BY ii.item
        """
      ).map(with: span) { ($0.text("item"), $0.int("quantity_centi")) })
  }

  /// Every budget and fund in scope with activity up to the span's end: approvals (net of
  /// releases) and payments dated in the span; credited, outstanding and available at its end;
  /// and the eligible assessments recorded in the span, by payer.
  public func payers() throws -> [PayerFigures] {
    var scope = ""
    var values: [any SQLBindable] = []
    if let district {
      let list = reference.conservancies.filter { $0.districtID == district.id }
        .map { String($0.id) }.joined(separator: ",")
      scope = " AND (o.district_id = ? OR o.conservancy_id IN (\(list.isEmpty ? "0" : list)))"
      values.append(district.id)
    }
    var payers = try Ledger(db: db).figures(
      asOf: toText, since: fromText, byDate: true, filter: scope, values
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
        payers.append(PayerFigures(payer: payer, currency: payer.currency, assessed: amount))
      }
    }
    return payers.sorted { $0.reportOrder < $1.reportOrder }
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
    ).eachRow(with: [fromText, toStamp] + districtValue + [toStamp]) { row in
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

  /// For each complaint registered in the span: reported date, first inspection, first decision
  /// (approved, rejected or ineligible) and payment dates.
  public func timelines() throws -> [Timeline] {
    try db.prepare(
      """
      SELECT c.reported_date,
        (SELECT min(inspection_date) FROM inspection WHERE complaint_id = c.id) AS inspected,
        (SELECT min(substr(at, 1, 10)) FROM complaint_event WHERE complaint_id = c.id
          AND (kind IN (\([ComplaintEventKind.approved, .rejected].sqlLiteral))
            OR (kind = \(ComplaintEventKind.assessed.sqlLiteral)
              AND to_status = \(ComplaintStatus.ineligible.sqlLiteral)))) AS decided,
        (SELECT on_date FROM ledger_transfer WHERE complaint_id = c.id
          AND kind = \(TransferKind.payment.sqlLiteral)) AS paid
      FROM complaint c WHERE c.reported_date BETWEEN ? AND ?\(districtFilter)
      """
    ).map(with: span) {
      Timeline(
        reported: $0.text("reported_date"), inspected: $0.optionalText("inspected"),
        decided: $0.optionalText("decided"),
        paid: $0.optionalText("paid"))
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
    ).map(with: span + [limit]) {
      Hotspot(village: $0.text("village"), districtID: $0.int("district_id"), count: $0.int("n"))
    }
  }

  /// Flags on complaints registered in the span: kind, complaint, the other complaint.
  public func flags() throws -> [Flag] {
    try db.prepare(
      """
      SELECT f.kind, c.code AS complaint, o.code AS other FROM complaint_flag f JOIN complaint c ON c.id = f.complaint_id
      LEFT JOIN complaint o ON o.id = f.other_complaint_id
      WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) ORDER BY c.id, f.id
      """
    ).map(with: span) {
      Flag(kind: $0.text("kind"), complaint: $0.text("complaint"), other: $0.optionalText("other"))
    }
  }

  /// Wildlife-crime incidents up to the span's end: conservancy, kind, date.
  public func incidents() throws -> [Incident] {
    try db.prepare(
      """
      SELECT conservancy_id, kind, incident_date FROM wildlife_incident
      WHERE incident_date <= ? ORDER BY incident_date, id
      """
    ).map(with: [toText]) {
      Incident(
        conservancyID: $0.int("conservancy_id"), kind: $0.text("kind"),
        date: $0.text("incident_date"))
    }
  }

  /// Complaints registered, heads verified and money paid (by currency) in the span.
  public func headline() throws -> Headline {
    let complaints =
      try db.scalar(
        Int.self,
        "SELECT count(*) FROM complaint c WHERE c.reported_date BETWEEN ? AND ?\(districtFilter)",
        with: span) ?? 0
    let heads =
      try db.scalar(
        Int.self,
        """
        SELECT coalesce(sum(ii.quantity_centi), 0) / 100 FROM complaint c
        JOIN inspection i ON i.id = \(ReadSQL.latestInspection(of: "c.id"))
        JOIN inspection_item ii ON ii.inspection_id = i.id JOIN item it ON it.code = ii.item
        WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) AND it.unit = 'head'
        """, with: span) ?? 0
    let paid = Dictionary(
      uniqueKeysWithValues: try db.prepare(
        """
        SELECT a.currency, sum(e.amount_minor) AS amount_minor FROM ledger_transfer t
        JOIN ledger_entry e ON e.transfer_id = t.id JOIN ledger_account a ON a.id = e.account_id
        JOIN complaint c ON c.id = t.complaint_id
        WHERE t.kind = \(TransferKind.payment.sqlLiteral) AND a.kind = \(Ledger.Kind.paid.sqlLiteral)
          AND t.on_date BETWEEN ? AND ?\(districtFilter)
        GROUP BY a.currency
        """
      ).map(with: span) { ($0.text("currency"), $0.int("amount_minor")) })
    return Headline(complaints: complaints, heads: heads, paid: paid)
  }
}
