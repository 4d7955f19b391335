import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// What the rules need beyond the complaint itself, for every claimant and place at once: the
/// money and heads already committed (approved or paid) per claimant and year, insured heads,
/// emergencies and wildlife incidents. Read with one aggregate query per table instead of a
/// scan of the claimant's complaints per complaint assessed (`assess --pending`).
///
/// Assessing never changes these facts (only approvals, payments, rejections, appeals and new
/// records do), so they stay true through a pending run until another connection writes: the
/// run compares `PRAGMA data_version` in each batch's transaction and reads them again then.
struct AssessmentFacts {
  /// A claimant in a place (a scheme's code, or a conservancy's id) in a year or season.
  struct Key: Hashable {
    let claimant: Int
    let place: String
    let year: Int
  }

  /// `PRAGMA data_version` when read: another connection's commit changes it.
  let version: Int
  /// Committed money per claimant, scheme and incident year, in minor units.
  var approvedMinor: [Key: Int] = [:]
  /// Committed quantities per claimant, conservancy and incident year: hundredths per item.
  var compensatedCenti: [Key: [String: Int]] = [:]
  /// Insured heads per claimant, conservancy and season, by livestock class.
  var insuredHeads: [Key: [String: Int]] = [:]
  /// Declared emergencies (not revoked) per district id, by start date.
  var emergencies: [Int: [EmergencyFacts]] = [:]
  /// Wildlife incidents per conservancy id, by date and id.
  var incidents: [Int: [WildlifeIncident]] = [:]

  /// Reads every fact with a few set-based queries; inside the caller's transaction.
  static func load(_ db: Database, version: Int) throws -> AssessmentFacts {
    var facts = AssessmentFacts(version: version)
    let committed = ComplaintStatus.allCases.filter(\.isCommitted).sqlLiteral
    try db.prepare(
      """
      SELECT c.claimant_id, a.scheme, CAST(substr(c.incident_date, 1, 4) AS INTEGER) AS year,
        sum(a.amount_minor) AS amount
      FROM complaint c JOIN assessment a ON a.id = \(ReadSQL.latestAssessment(of: "c.id"))
      WHERE c.status IN (\(committed))
      GROUP BY c.claimant_id, a.scheme, year
      """
    ).eachRow {
      let key = Key(claimant: $0.int(0), place: $0.text(1), year: $0.int(2))
      facts.approvedMinor[key] = $0.int(3)
    }
    try db.prepare(
      """
      SELECT c.claimant_id, c.conservancy_id, CAST(substr(c.incident_date, 1, 4) AS INTEGER) AS year,
        l.item, sum(l.quantity_centi) AS centi
      FROM complaint c JOIN assessment a ON a.id = \(ReadSQL.latestAssessment(of: "c.id"))
      JOIN assessment_line l ON l.assessment_id = a.id
      WHERE c.status IN (\(committed)) AND c.conservancy_id IS NOT NULL
      GROUP BY c.claimant_id, c.conservancy_id, year, l.item
      """
    ).eachRow {
      let key = Key(claimant: $0.int(0), place: String($0.int(1)), year: $0.int(2))
      facts.compensatedCenti[key, default: [:]][$0.text(3)] = $0.int(4)
    }
    try db.prepare(
      """
      SELECT claimant_id, conservancy_id, season, livestock_class, sum(heads) AS heads
      FROM herd_insurance GROUP BY claimant_id, conservancy_id, season, livestock_class
      """
    ).eachRow {
      let key = Key(claimant: $0.int(0), place: String($0.int(1)), year: $0.int(2))
      facts.insuredHeads[key, default: [:]][$0.text(3)] = $0.int(4)
    }
    try db.prepare(
      """
      SELECT district_id, decree, from_date, to_date FROM emergency
      WHERE \(ReadSQL.notRevoked(emergency: "emergency.id")) ORDER BY district_id, from_date
      """
    ).eachRow {
      facts.emergencies[$0.int(0), default: []].append(
        EmergencyFacts(
          decree: $0.text(1), from: CalendarDate($0.text(2))!, to: CalendarDate($0.text(3))!))
    }
    try db.prepare(
      """
      SELECT conservancy_id, id, kind, incident_date FROM wildlife_incident
      ORDER BY conservancy_id, incident_date, id
      """
    ).eachRow {
      facts.incidents[$0.int(0), default: []].append(
        WildlifeIncident(id: $0.int(1), kind: $0.text(2), date: CalendarDate($0.text(3))!))
    }
    return facts
  }

  /// The engine's input for a pending (inspected, so not committed) complaint, with its latest
  /// inspection; nil when its district is unknown.
  func input(
    _ complaint: ComplaintHeader, inspection: InspectionFacts?, reference: Reference
  ) -> AssessmentInput? {
    guard let district = reference.district(id: complaint.districtID) else { return nil }
    let conservancy = complaint.conservancyID.flatMap { reference.conservancy(id: $0) }
    let year = complaint.incidentDate.year
    let coverage = Coverage(district: district, conservancy: conservancy, incidentYear: year)
    let claimant = complaint.claimantID
    let approved =
      approvedMinor[Key(claimant: claimant, place: coverage.scheme.rawValue, year: year)] ?? 0
    var insured: [String: Int] = [:]
    var compensated: [String: Int] = [:]
    if let conservancy {
      let key = Key(claimant: claimant, place: String(conservancy.id), year: year)
      insured = insuredHeads[key] ?? [:]
      // Whole heads per item, as the per-complaint query sums and divides them.
      for (item, centi) in compensatedCenti[key] ?? [:] {
        if let livestockClass = reference.items[item]?.livestockClass {
          compensated[livestockClass, default: 0] += centi / 100
        }
      }
    }
    return AssessmentInput(
      complaint: complaint.code, scheme: coverage.scheme, district: district.name.en,
      damageType: complaint.type, species: complaint.species,
      incidentDate: complaint.incidentDate, reportedDate: complaint.reportedDate,
      inspection: inspection, items: reference.items,
      emergencies: emergencies[district.id] ?? [], alreadyApprovedMinor: approved,
      conservancy: conservancy?.name.en, memberWithPaidPremium: !insured.isEmpty,
      insuredHeads: insured, compensatedHeads: compensated,
      incidents: conservancy.map { incidents[$0.id] ?? [] } ?? [])
  }
}
