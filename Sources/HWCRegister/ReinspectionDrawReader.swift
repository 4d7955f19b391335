import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// Recomputes re-inspection draws from the register alone: eligible assessments, the audit
/// entries that fix each week's seed, the policy in force, and re-inspections.
struct ReinspectionDrawReader {
  let db: Database
  let zone: OfficeZone
  let policy: Policy
  let reference: Reference

  /// One eligible assessment, as read.
  private struct Drawn {
    let id: Int
    let complaintID: Int
    let code: String
    let districtID: Int
    let incidentDate: CalendarDate
    let inspectionID: Int?
    let scheme: Scheme
    let amount: Int
    let currency: String
    let assessedAt: String
  }

  /// A week's seed: the entry whose hash it is, and the entries of the hour before the week.
  struct Seed {
    let position: Int
    let hash: [UInt8]
    let entriesInLastHour: Int
  }

  /// The draws of eligible assessments, all or of one district or complaint.
  func draws(districtID: Int?, complaintID: Int?) throws -> [ReinspectionDraw] {
    var filter = ""
    var values: [any SQLBindable] = []
    if let districtID {
      filter += " AND c.district_id = ?"
      values.append(districtID)
    }
    if let complaintID {
      filter += " AND a.complaint_id = ?"
      values.append(complaintID)
    }
    let drawn = try db.prepare(
      """
      SELECT a.id, a.complaint_id, c.code, c.district_id, c.incident_date, a.inspection_id,
        a.scheme, a.amount_minor, a.currency, a.assessed_at
      FROM assessment a JOIN complaint c ON c.id = a.complaint_id
      WHERE a.outcome = 'eligible'\(filter) ORDER BY a.id
      """
    ).map(with: values) {
      Drawn(
        id: $0.int("id"), complaintID: $0.int("complaint_id"), code: $0.text("code"),
        districtID: $0.int("district_id"),
        incidentDate: CalendarDate($0.text("incident_date"))!,
        inspectionID: $0.optionalInt("inspection_id"),
        scheme: Scheme(rawValue: $0.text("scheme")) ?? .kzState, amount: $0.int("amount_minor"),
        currency: $0.text("currency"), assessedAt: $0.text("assessed_at"))
    }
    var seeds: [CalendarDate: Seed] = [:]
    var draws: [ReinspectionDraw] = []
    draws.reserveCapacity(drawn.count)
    for assessment in drawn {
      let assessedOn =
        zone.localDate(ofTimestamp: assessment.assessedAt) ?? assessment.incidentDate
      let week = ReinspectionDrawRule.weekStart(of: assessedOn)
      let seed: Seed
      if let known = seeds[week] {
        seed = known
      } else {
        seed = try self.seed(before: zone.startTimestamp(of: week))
        seeds[week] = seed
      }
      draws.append(try draw(assessment, assessedOn: assessedOn, week: week, seed: seed))
    }
    return draws
  }

  /// The draw of one assessment with its week's seed.
  private func draw(_ assessment: Drawn, assessedOn: CalendarDate, week: CalendarDate, seed: Seed)
    throws -> ReinspectionDraw
  {
    let score = ReinspectionDrawRule.score(seed: seed.hash, complaint: assessment.code)
    let scheme = assessment.scheme
    let on = assessment.incidentDate
    let rate = try? policy.value(scheme, "reinspect_rate", on: on).centi
    let other = try? policy.value(scheme, "reinspect_other_inspector", on: on).centi > 0
    var threshold: Int?
    if let value = try? policy.value(scheme, "reinspect_threshold", on: on).centi {
      switch scheme {
      case .kzState:
        threshold = (try? policy.value(scheme, "mrp", on: on).centi).map { value * $0 / 100 }
      case .kgBuffer:
        threshold = value
      }
    }
    let sampled = rate.map { ReinspectionDrawRule.sampled(score, rateCenti: $0) } ?? false
    let above = threshold.map { assessment.amount >= $0 } ?? false
    return ReinspectionDraw(
      complaint: assessment.code, districtID: assessment.districtID, scheme: scheme,
      assessmentID: assessment.id, assessedOn: assessedOn, amountMinor: assessment.amount,
      currency: assessment.currency, seedPosition: seed.position,
      seedHash: SHA256.hex(seed.hash), weekStart: week,
      entriesInHourBeforeSeed: seed.entriesInLastHour,
      score: ReinspectionDrawRule.fraction(score), rateCenti: rate, thresholdMinor: threshold,
      otherInspector: other, sampled: sampled, aboveThreshold: above,
      reinspection: try reinspection(honouring: assessment, otherInspector: other ?? true))
  }

  /// The seed of draws in the week starting at UTC `boundary`: the last entry of the last
  /// command recorded before it (by time, then id), else the last legacy entry before it, else
  /// the genesis seed.
  func seed(before boundary: String) throws -> Seed {
    let hourBefore = OfficeZone.timestamp(seconds: (OfficeZone.seconds(boundary) ?? 0) - 3600)
    let head = try lastCommand(before: boundary).flatMap { try lastEntry(upToCommand: $0) }
    // The entries recorded in the hour before: up to the seed, less those up to the hour.
    let earlier = try lastCommand(before: hourBefore).flatMap { try lastEntry(upToCommand: $0) }
    let burst = head.map { $0.id - (earlier?.id ?? 0) } ?? 0
    if let head { return Seed(position: head.id, hash: head.hash, entriesInLastHour: burst) }
    if let legacy = try db.prepare(
      "SELECT id, hash FROM audit_log WHERE at < ? ORDER BY id DESC LIMIT 1"
    ).first(with: [boundary], { ($0.int("id"), $0.text("hash")) }),
      let hash = Hex.bytes(legacy.1)
    {
      return Seed(position: legacy.0, hash: hash, entriesInLastHour: 0)
    }
    return Seed(position: 0, hash: ReinspectionDrawRule.genesisSeed, entriesInLastHour: 0)
  }

  /// The last command recorded before `instant` (by time, then id), found by its index.
  private func lastCommand(before instant: String) throws -> Int? {
    try db.scalar(
      Int.self, "SELECT id FROM audit_command WHERE at < ? ORDER BY at DESC, id DESC LIMIT 1",
      with: [instant])
  }

  /// The last entry made by command `command` or an earlier one. An entry names the latest
  /// command or a new one, so command ids never decrease along the chain (whose ids run without
  /// gaps): a binary search over entry ids, each step a primary-key lookup, finds it without an
  /// index on `command_id`.
  private func lastEntry(upToCommand command: Int) throws -> (id: Int, hash: [UInt8])? {
    let read = try db.prepare("SELECT id, command_id, hash FROM audit_entry WHERE id = ?")
    func entry(_ id: Int?) throws -> (id: Int, command: Int, hash: [UInt8])? {
      guard let id else { return nil }
      return try read.first(with: [id]) { ($0.int("id"), $0.int("command_id"), $0.blob("hash")) }
    }
    guard
      var low = try entry(db.scalar(Int.self, "SELECT min(id) FROM audit_entry")),
      low.command <= command,
      var high = try entry(db.scalar(Int.self, "SELECT max(id) FROM audit_entry"))
    else { return nil }
    if high.command <= command { return (high.id, high.hash) }
    // low.command <= command < high.command
    while high.id - low.id > 1 {
      guard let middle = try entry(low.id + (high.id - low.id) / 2) else {
        // A gap in the ids (never made by hwc): read the range between the two.
        let id = try db.scalar(
          Int.self,
          "SELECT max(id) FROM audit_entry WHERE id > ? AND id < ? AND command_id <= ?",
          with: [low.id, high.id, command])
        return try entry(id).map { ($0.id, $0.hash) } ?? (low.id, low.hash)
      }
      if middle.command <= command { low = middle } else { high = middle }
    }
    return (low.id, low.hash)
  }

  /// The first re-inspection that honours a draw of `assessment`: recorded for this assessment
  /// or a later one (or the one it was made from), by an inspector other than the one whose
  /// field inspection the assessment used when the policy requires another person.
  private func reinspection(honouring assessment: Drawn, otherInspector: Bool) throws
    -> ReinspectionDraw.Reinspection?
  {
    let fieldInspector = try db.scalar(
      Int.self,
      """
      SELECT inspector_id FROM inspection
      WHERE complaint_id = ? AND id <= ? AND reinspection_of IS NULL ORDER BY id DESC LIMIT 1
      """, with: [assessment.complaintID, assessment.inspectionID ?? 0])
    let found = try db.prepare(
      """
      SELECT i.id, i.inspection_date, i.inspector_id, u.name, i.reinspection_of,
        b.amount_minor AS before,
        (SELECT CASE WHEN n.outcome = 'eligible' THEN n.amount_minor ELSE 0 END FROM assessment n
         WHERE n.complaint_id = i.complaint_id AND n.inspection_id = i.id ORDER BY n.id LIMIT 1)
          AS after
      FROM inspection i JOIN app_user u ON u.id = i.inspector_id
      JOIN assessment b ON b.id = i.reinspection_of
      WHERE i.complaint_id = ? AND (i.reinspection_of >= ? OR i.id = ?)
      ORDER BY i.id
      """
    ).map(with: [assessment.complaintID, assessment.id, assessment.inspectionID ?? 0]) { row in
      (
        inspector: row.int("inspector_id"),
        value: ReinspectionDraw.Reinspection(
          inspectionID: row.int("id"), date: CalendarDate(row.text("inspection_date"))!,
          inspector: row.text("name"), amountBefore: row.int("before"),
          amountAfter: row.optionalInt("after") ?? row.int("before"),
          foundLess: !row.isNull("after"))
      )
    }
    return found.first { !otherInspector || $0.inspector != fieldInspector }?.value
  }
}
