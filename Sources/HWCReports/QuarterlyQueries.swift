import HWCCore
import HWCDomain
import HWCRegister
import HWCRules
import HWCStore

/// The register's figures for one quarter, read with one query per section. Complaints are
/// counted by registration (reported) date; money and decisions by the date they happened.
struct QuarterlyQueries {
  let db: Database
  let quarter: Quarter
  /// Restricts everything to one district (and the conservancies in it).
  let districtID: Int?

  private var from: String { quarter.first.description }
  private var to: String { quarter.last.description }
  /// The last timestamp of the quarter's last day, for `at` columns.
  private var toStamp: String { quarter.last.description + "T99" }

  private var districtFilter: String { districtID == nil ? "" : " AND c.district_id = ?" }
  private var districtValue: [SQLValue] { districtID.map { [.integer(Int64($0))] } ?? [] }
  private var span: [SQLValue] { [.text(from), .text(to)] + districtValue }

  /// Complaints registered in the quarter by district and damage type.
  func complaintsByDistrictAndType() throws -> [(district: Int, type: String, count: Int)] {
    try db.prepare(
      """
      SELECT c.district_id, c.damage_type, count(*) FROM complaint c
      WHERE c.reported_date BETWEEN ? AND ?\(districtFilter)
      GROUP BY c.district_id, c.damage_type
      """
    ).map(span) { ($0.int(0), $0.text(1), $0.int(2)) }
  }

  func complaintsBySpecies() throws -> [String: Int] {
    let counts = Dictionary(
      uniqueKeysWithValues: try db.prepare(
        """
        SELECT c.species, count(*) FROM complaint c
        WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) GROUP BY c.species
        """
      ).map(span) { ($0.text(0), $0.int(1)) })
    return counts
  }

  /// Verified quantities (latest inspection of each complaint registered in the quarter), in
  /// hundredths, by item.
  func verifiedByItem() throws -> [String: Int] {
    let totals = Dictionary(
      uniqueKeysWithValues: try db.prepare(
        """
        SELECT ii.item, sum(ii.quantity_centi) FROM complaint c
        JOIN inspection i ON i.id = (SELECT max(id) FROM inspection WHERE complaint_id = c.id)
        JOIN inspection_item ii ON ii.inspection_id = i.id
        WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) GROUP BY ii.item
        """
      ).map(span) { ($0.text(0), $0.int(1)) })
    return totals
  }

  /// A budget or fund with its figures for the quarter, from the ledger.
  struct PayerFigures {
    var code: String
    var kind: String
    var currency: String
    var districtID: Int?
    var conservancyID: Int?
    var year: Int?
    var assessed = 0
    var approved = 0
    var paid = 0
    var outstanding = 0
    var paidToDate = 0
    var credited = 0
    var available = 0
  }

  /// Every budget and fund in scope with activity up to the quarter's end: approvals (net of
  /// releases) and payments dated in the quarter; credited, outstanding and available at its end.
  func payers(conservancies: [Int]) throws -> [PayerFigures] {
    var scope = ""
    var values: [SQLValue] = []
    if let districtID {
      let list = conservancies.map(String.init).joined(separator: ",")
      scope = " AND (o.district_id = ? OR o.conservancy_id IN (\(list.isEmpty ? "0" : list)))"
      values.append(.integer(Int64(districtID)))
    }
    var payers = try db.prepare(
      """
      SELECT o.code, o.kind, o.currency, o.district_id, o.conservancy_id, o.year,
        coalesce(sum(CASE WHEN a.kind = 'payable' AND t.kind IN ('reservation', 'release')
          AND t.on_date >= ? THEN e.amount_minor END), 0),
        coalesce(sum(CASE WHEN a.kind = 'paid' AND t.on_date >= ? THEN e.amount_minor END), 0),
        coalesce(sum(CASE WHEN a.kind = 'payable' THEN e.amount_minor END), 0),
        coalesce(sum(CASE WHEN a.kind = 'paid' THEN e.amount_minor END), 0),
        coalesce(sum(CASE WHEN a.id = o.id AND t.kind IN ('allocation', 'contribution', 'premium')
          THEN e.amount_minor END), 0),
        coalesce(sum(CASE WHEN a.id = o.id THEN e.amount_minor END), 0)
      FROM ledger_account o
      JOIN ledger_account a ON a.id = o.id OR a.owner_id = o.id
      JOIN ledger_entry e ON e.account_id = a.id
      JOIN ledger_transfer t ON t.id = e.transfer_id
      WHERE o.kind IN ('budget', 'fund') AND t.on_date <= ?\(scope)
      GROUP BY o.id ORDER BY o.kind, o.code
      """
    ).map([.text(from), .text(from), .text(to)] + values) { row in
      PayerFigures(
        code: row.text(0), kind: row.text(1), currency: row.text(2),
        districtID: row.optionalInt(3), conservancyID: row.optionalInt(4),
        year: row.optionalInt(5), approved: row.int(6), paid: row.int(7),
        outstanding: row.int(8), paidToDate: row.int(9), credited: row.int(10),
        available: row.int(11))
    }
    // Eligible assessments recorded in the quarter (the latest per complaint), by payer.
    let assessed = try db.prepare(
      """
      SELECT CASE WHEN k.code IS NULL THEN 'budget:' || d.code || ':' || substr(c.incident_date, 1, 4)
          ELSE 'fund:' || k.name_en END,
        sum(a.amount_minor)
      FROM assessment a JOIN complaint c ON c.id = a.complaint_id
      JOIN district d ON d.id = c.district_id
      LEFT JOIN (SELECT id, name_en, 1 AS code FROM conservancy) k
        ON k.id = c.conservancy_id AND d.country = 'KG'
      WHERE a.assessed_at BETWEEN ? AND ? AND a.outcome = 'eligible'\(districtFilter)
        AND a.id = (SELECT max(id) FROM assessment x WHERE x.complaint_id = a.complaint_id
          AND x.assessed_at <= ?)
      GROUP BY 1
      """
    ).map([.text(from), .text(toStamp)] + districtValue + [.text(toStamp)]) {
      ($0.text(0), $0.int(1))
    }
    for (code, amount) in assessed {
      if let index = payers.firstIndex(where: { $0.code == code }) {
        payers[index].assessed = amount
      } else {
        let parts = code.split(separator: ":")
        payers.append(
          PayerFigures(
            code: code, kind: String(parts[0]), currency: parts[0] == "fund" ? "KGS" : "KZT",
            districtID: nil, conservancyID: nil, year: parts.count > 2 ? Int(parts[2]) : nil,
            assessed: amount))
      }
    }
    return payers.sorted { ($0.kind, $0.code) < ($1.kind, $1.code) }
  }

  /// A decision event: what happened, the status it led to, and why.
  struct Decision {
    let kind: ComplaintEventKind
    let status: ComplaintStatus
    let reason: String?
    /// The code of an ineligible assessment's reason.
    let reasonCode: ReasonCode?
  }

  /// Decision events dated in the quarter: kind, new status, reason, and the reason's code for
  /// an ineligible assessment.
  func decisions() throws -> [Decision] {
    try db.prepare(
      """
      SELECT e.kind, e.to_status, e.reason,
        CASE WHEN e.kind = 'assessed' AND e.to_status = 'ineligible' THEN
          (SELECT a.reason_code FROM assessment a WHERE a.complaint_id = e.complaint_id
            AND a.reason = e.reason AND a.assessed_at <= e.at ORDER BY a.id DESC LIMIT 1)
        END
      FROM complaint_event e
      JOIN complaint c ON c.id = e.complaint_id
      WHERE e.at BETWEEN ? AND ?\(districtFilter)
        AND e.kind IN ('assessed', 'approved', 'rejected', 'paid', 'appealed')
      """
    ).map([.text(from), .text(toStamp)] + districtValue) {
      Decision(
        kind: ComplaintEventKind(rawValue: $0.text(0))!,
        status: ComplaintStatus(rawValue: $0.text(1))!, reason: $0.optionalText(2),
        reasonCode: $0.optionalText(3).flatMap(ReasonCode.init))
    }
  }

  /// For each complaint registered in the quarter: reported date, first inspection, first
  /// decision (approved, rejected or ineligible) and payment dates.
  func timelines() throws -> [(
    reported: String, inspected: String?, decided: String?, paid: String?
  )] {
    try db.prepare(
      """
      SELECT c.reported_date,
        (SELECT min(inspection_date) FROM inspection WHERE complaint_id = c.id),
        (SELECT min(substr(at, 1, 10)) FROM complaint_event WHERE complaint_id = c.id
          AND (kind IN ('approved', 'rejected') OR (kind = 'assessed' AND to_status = 'ineligible'))),
        (SELECT on_date FROM ledger_transfer WHERE complaint_id = c.id AND kind = 'payment')
      FROM complaint c WHERE c.reported_date BETWEEN ? AND ?\(districtFilter)
      """
    ).map(span) { ($0.text(0), $0.optionalText(1), $0.optionalText(2), $0.optionalText(3)) }
  }

  func hotspots(limit: Int) throws -> [(village: String, district: Int, count: Int)] {
    try db.prepare(
      """
      SELECT c.village, c.district_id, count(*) AS n FROM complaint c
      WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) AND c.village IS NOT NULL
      GROUP BY c.village, c.district_id ORDER BY n DESC, c.village LIMIT ?
      """
    ).map(span + [.integer(Int64(limit))]) { ($0.text(0), $0.int(1), $0.int(2)) }
  }

  /// Flags on complaints registered in the quarter: kind, complaint, the other complaint.
  func flags() throws -> [(kind: String, complaint: String, other: String?)] {
    try db.prepare(
      """
      SELECT f.kind, c.code, o.code FROM complaint_flag f JOIN complaint c ON c.id = f.complaint_id
      LEFT JOIN complaint o ON o.id = f.other_complaint_id
      WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) ORDER BY c.id, f.id
      """
    ).map(span) { ($0.text(0), $0.text(1), $0.optionalText(2)) }
  }

  /// Wildlife-crime incidents up to the quarter's end: conservancy, kind, date.
  func incidents() throws -> [(conservancy: Int, kind: String, date: String)] {
    try db.prepare(
      """
      SELECT conservancy_id, kind, incident_date FROM wildlife_incident
      WHERE incident_date <= ? ORDER BY incident_date, id
      """
    ).map([.text(to)]) { ($0.int(0), $0.text(1), $0.text(2)) }
  }

  /// Complaints registered, heads verified and money paid (by currency) in the quarter.
  func headline() throws -> (complaints: Int, heads: Int, paid: [String: Int]) {
    let complaints = try db.scalarInt(
      "SELECT count(*) FROM complaint c WHERE c.reported_date BETWEEN ? AND ?\(districtFilter)",
      span)
    let heads = try db.scalarInt(
      """
      SELECT coalesce(sum(ii.quantity_centi), 0) / 100 FROM complaint c
      JOIN inspection i ON i.id = (SELECT max(id) FROM inspection WHERE complaint_id = c.id)
      JOIN inspection_item ii ON ii.inspection_id = i.id JOIN item it ON it.code = ii.item
      WHERE c.reported_date BETWEEN ? AND ?\(districtFilter) AND it.unit = 'head'
      """, span)
    let paid = Dictionary(
      uniqueKeysWithValues: try db.prepare(
        """
        SELECT a.currency, sum(e.amount_minor) FROM ledger_transfer t
        JOIN ledger_entry e ON e.transfer_id = t.id JOIN ledger_account a ON a.id = e.account_id
        JOIN complaint c ON c.id = t.complaint_id
        WHERE t.kind = 'payment' AND a.kind = 'paid' AND t.on_date BETWEEN ? AND ?\(districtFilter)
        GROUP BY a.currency
        """
      ).map(span) { ($0.text(0), $0.int(1)) })
    return (complaints, heads, paid)
  }
}
