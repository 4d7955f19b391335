import HWCCore
import HWCDomain
import HWCRules
import HWCStore

extension ControlsFigures {
  private var districtFilter: String { district == nil ? "" : " AND c.district_id = ?" }
  private var span: [any SQLBindable] {
    [from.description, to.description] + (district.map { [$0.id] } ?? [])
  }

  /// Every complaint registered in the span, in registration order: its first inspection's
  /// inspector and whether that inspection verified the full claim (every claimed item, as last
  /// corrected, at least as claimed; an item not verified counts as none), the latest
  /// assessment's amount when eligible, its flags, and the first inspection after the first one
  /// by another inspector with whether it verified less of any item than the first did.
  public func complaints() throws -> [Complaint] {
    let eligible = Assessment.Outcome.eligible.sqlLiteral
    return try db.prepare(
      """
      WITH c AS (
        SELECT c.id, c.code, c.district_id, c.village,
          (SELECT min(id) FROM inspection WHERE complaint_id = c.id) AS first_id,
          \(ReadSQL.latestAssessment(of: "c.id")) AS assessment_id
        FROM complaint c WHERE c.reported_date BETWEEN ? AND ?\(districtFilter)
      ), f AS (
        SELECT c.*, i.inspector_id,
          (SELECT min(r.id) FROM inspection r WHERE r.complaint_id = c.id AND r.id > c.first_id
            AND r.inspector_id <> i.inspector_id) AS reinspection_id
        FROM c LEFT JOIN inspection i ON i.id = c.first_id
      )
      SELECT f.code, f.district_id, f.village, u.name AS inspector,
        f.first_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM (\(ReadSQL.claimedItems(of: "f.id"))) claimed
          WHERE claimed.quantity_centi > coalesce((SELECT v.quantity_centi FROM inspection_item v
            WHERE v.inspection_id = f.first_id AND v.item = claimed.item), 0)) AS full_claim,
        CASE WHEN a.outcome = \(eligible) THEN a.amount_minor END AS amount_minor,
        (SELECT count(*) FROM complaint_flag g WHERE g.complaint_id = f.id) AS flags,
        ru.name AS reinspector, r.inspection_date AS reinspected,
        EXISTS (SELECT 1 FROM inspection_item v WHERE v.inspection_id = f.first_id
          AND v.quantity_centi > coalesce((SELECT w.quantity_centi FROM inspection_item w
            WHERE w.inspection_id = r.id AND w.item = v.item), 0)) AS found_less
      FROM f LEFT JOIN app_user u ON u.id = f.inspector_id
      LEFT JOIN assessment a ON a.id = f.assessment_id
      LEFT JOIN inspection r ON r.id = f.reinspection_id
      LEFT JOIN app_user ru ON ru.id = r.inspector_id
      ORDER BY f.id
      """
    ).map(with: span) { row in
      let reinspection = row.optionalText("reinspector").map {
        Reinspection(
          inspector: $0, date: row.text("reinspected"), foundLess: row.bool("found_less"))
      }
      return Complaint(
        code: row.text("code"), districtID: row.int("district_id"),
        village: row.optionalText("village"), inspector: row.optionalText("inspector"),
        fullClaim: row.bool("full_claim"), amount: row.optionalInt("amount_minor"),
        flags: row.int("flags"), reinspection: reinspection)
    }
  }

  /// Claimants with more than `limit` complaints in a season (the calendar year of the incident)
  /// of which at least one was registered in the span, most complaints first.
  public func repeatedClaimants(moreThan limit: Int) throws -> [RepeatedClaimant] {
    try db.prepare(
      """
      SELECT k.national_id, k.name, k.district_id, CAST(substr(c.incident_date, 1, 4) AS INTEGER)
          AS season, count(*) AS complaints,
        sum(c.reported_date BETWEEN ?1 AND ?2) AS in_span
      FROM complaint c JOIN claimant k ON k.id = c.claimant_id
      WHERE (c.claimant_id, substr(c.incident_date, 1, 4)) IN (
        SELECT c.claimant_id, substr(c.incident_date, 1, 4) FROM complaint c
        WHERE c.reported_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR c.district_id = ?3))
        AND (?3 IS NULL OR c.district_id = ?3)
      GROUP BY c.claimant_id, season HAVING count(*) > ?4
      ORDER BY complaints DESC, season, k.name, k.id
      """
    ).map(with: [from.description, to.description, district?.id, limit]) {
      RepeatedClaimant(
        maskedID: NationalID.mask($0.text("national_id")), name: $0.text("name"),
        districtID: $0.int("district_id"), season: $0.int("season"),
        complaints: $0.int("complaints"), inSpan: $0.int("in_span"))
    }
  }

  /// Flags on complaints registered in the span whose complaint was approved (by the second
  /// committee member) or paid at some point, in registration order.
  public func overriddenFlags() throws -> [OverriddenFlag] {
    let decided: [ComplaintStatus] = [.approved, .paid]
    return try db.prepare(
      """
      SELECT c.code, c.district_id, c.village, f.kind, o.code AS other, c.status
      FROM complaint c JOIN complaint_flag f ON f.complaint_id = c.id
      LEFT JOIN complaint o ON o.id = f.other_complaint_id
      WHERE c.reported_date BETWEEN ? AND ?\(districtFilter)
        AND EXISTS (SELECT 1 FROM complaint_event e WHERE e.complaint_id = c.id
          AND e.to_status IN (\(decided.sqlLiteral)))
      ORDER BY c.id, f.id
      """
    ).map(with: span) {
      OverriddenFlag(
        complaint: $0.text("code"), districtID: $0.int("district_id"),
        village: $0.optionalText("village"), kind: $0.text("kind"),
        other: $0.optionalText("other"),
        status: ComplaintStatus(rawValue: $0.text("status")) ?? .registered)
    }
  }
}
