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
    /// The hash in hex, as each draw names it (made once a week, not once a draw).
    let hex: String

    init(position: Int, hash: [UInt8], entriesInLastHour: Int) {
      self.position = position
      self.hash = hash
      self.entriesInLastHour = entriesInLastHour
      self.hex = SHA256.hex(hash)
    }
  }

  /// The draws of eligible assessments, all or of one district or complaint; with `from` or
  /// `to`, only those recorded (UTC) within a day of those dates, which holds every assessment
  /// recorded on them in office time (the caller keeps the exact ones).
  func draws(
    districtID: Int?, complaintID: Int?, from: CalendarDate? = nil, to: CalendarDate? = nil
  ) throws -> [ReinspectionDraw] {
    var draws: [ReinspectionDraw] = []
    try eachDraw(districtID: districtID, complaintID: complaintID, from: from, to: to) {
      draws.append($0)
    }
    return draws
  }

  /// Calls `body` with each draw `draws` returns, in assessment order, holding none of them:
  /// a quarter of a national register holds hundreds of thousands.
  func eachDraw(
    districtID: Int?, complaintID: Int?, from: CalendarDate? = nil, to: CalendarDate? = nil,
    _ body: (ReinspectionDraw) throws -> Void
  ) throws {
    var filter = ""
    var values: [any SQLBindable] = []
    // A stored timestamp starts with its UTC date, within a day of the office's date.
    if let from {
      filter += " AND a.assessed_at >= ?"
      values.append(from.adding(days: -1).description)
    }
    if let to {
      filter += " AND a.assessed_at < ?"
      values.append(to.adding(days: 2).description)
    }
    if let districtID {
      filter += " AND c.district_id = ?"
      values.append(districtID)
    }
    if let complaintID {
      filter += " AND a.complaint_id = ?"
      values.append(complaintID)
    }
    let reinspections = try self.reinspections(complaintID: complaintID)
    var seeds: [CalendarDate: Seed] = [:]
    var rules: [RuleKey: Rules] = [:]
    // The office date of a timestamp depends on its minute at most (offsets are whole minutes).
    var dates: [Substring: CalendarDate] = [:]
    try db.prepare(
      """
      SELECT a.id, a.complaint_id, c.code, c.district_id, c.incident_date, a.inspection_id,
        a.scheme, a.amount_minor, a.currency, a.assessed_at
      FROM assessment a JOIN complaint c ON c.id = a.complaint_id
      WHERE a.outcome = 'eligible'\(filter) ORDER BY a.id
      """
    ).eachRow(with: values) { row in
      let assessment = Drawn(
        id: row.int(0), complaintID: row.int(1), code: row.text(2), districtID: row.int(3),
        incidentDate: CalendarDate(row.text(4))!, inspectionID: row.optionalInt(5),
        scheme: Scheme(rawValue: row.text(6)) ?? .kzState, amount: row.int(7),
        currency: row.text(8), assessedAt: row.text(9))
      let minute = assessment.assessedAt.prefix(16)
      let assessedOn: CalendarDate
      if minute.count == 16, let known = dates[minute] {
        assessedOn = known
      } else {
        assessedOn =
          zone.localDate(ofTimestamp: assessment.assessedAt) ?? assessment.incidentDate
        if minute.count == 16 { dates[minute] = assessedOn }
      }
      let week = ReinspectionDrawRule.weekStart(of: assessedOn)
      let seed: Seed
      if let known = seeds[week] {
        seed = known
      } else {
        seed = try self.seed(before: zone.startTimestamp(of: week))
        seeds[week] = seed
      }
      let key = RuleKey(scheme: assessment.scheme, on: assessment.incidentDate)
      let rule = rules[key] ?? self.rules(key)
      rules[key] = rule
      try body(
        try draw(
          assessment, assessedOn: assessedOn, week: week, seed: seed, rules: rule,
          reinspections: reinspections[assessment.complaintID] ?? []))
    }
  }

  /// The scheme and incident date that fix a draw's rules.
  private struct RuleKey: Hashable {
    let scheme: Scheme
    let on: CalendarDate
  }

  /// The re-inspection policy in force for a scheme on an incident date (nil where missing).
  private struct Rules {
    let rateCenti: Int?
    let thresholdMinor: Int?
    let otherInspector: Bool?
  }

  /// The re-inspection policy of `key`: the rate, the threshold in minor units (a kz-state
  /// threshold is in MRP) and whether another inspector is required.
  private func rules(_ key: RuleKey) -> Rules {
    let (scheme, on) = (key.scheme, key.on)
    var threshold: Int?
    if let value = try? policy.value(scheme, "reinspect_threshold", on: on).centi {
      switch scheme {
      case .kzState:
        threshold = (try? policy.value(scheme, "mrp", on: on).centi).map { value * $0 / 100 }
      case .kgBuffer:
        threshold = value
      }
    }
    return Rules(
      rateCenti: try? policy.value(scheme, "reinspect_rate", on: on).centi,
      thresholdMinor: threshold,
      otherInspector: try? policy.value(scheme, "reinspect_other_inspector", on: on).centi > 0)
  }

  /// The draw of one assessment with its week's seed and its rules.
  private func draw(
    _ assessment: Drawn, assessedOn: CalendarDate, week: CalendarDate, seed: Seed, rules: Rules,
    reinspections: [Recorded]
  ) throws -> ReinspectionDraw {
    let score = ReinspectionDrawRule.score(seed: seed.hash, complaint: assessment.code)
    let sampled =
      rules.rateCenti.map { ReinspectionDrawRule.sampled(score, rateCenti: $0) } ?? false
    let above = rules.thresholdMinor.map { assessment.amount >= $0 } ?? false
    return ReinspectionDraw(
      complaint: assessment.code, districtID: assessment.districtID, scheme: assessment.scheme,
      assessmentID: assessment.id, assessedOn: assessedOn, amountMinor: assessment.amount,
      currency: assessment.currency, seedPosition: seed.position, seedHash: seed.hex,
      weekStart: week, entriesInHourBeforeSeed: seed.entriesInLastHour,
      score: ReinspectionDrawRule.fraction(score), rateCenti: rules.rateCenti,
      thresholdMinor: rules.thresholdMinor, otherInspector: rules.otherInspector,
      sampled: sampled, aboveThreshold: above,
      reinspection: try reinspection(
        honouring: assessment, among: reinspections,
        otherInspector: rules.otherInspector ?? true))
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

  /// A recorded re-inspection (an inspection made of an assessment), read once for all draws.
  struct Recorded {
    let inspector: Int
    /// The assessment it re-checked.
    let of: Int
    let value: ReinspectionDraw.Reinspection
  }

  /// Every re-inspection (of one complaint, or all), by complaint, in inspection order: one
  /// query, so a draw looks its own up in memory.
  private func reinspections(complaintID: Int?) throws -> [Int: [Recorded]] {
    var found: [Int: [Recorded]] = [:]
    try db.prepare(
      """
      SELECT i.complaint_id, i.id, i.inspection_date, i.inspector_id, u.name, i.reinspection_of,
        b.amount_minor AS before,
        (SELECT CASE WHEN n.outcome = 'eligible' THEN n.amount_minor ELSE 0 END FROM assessment n
         WHERE n.complaint_id = i.complaint_id AND n.inspection_id = i.id ORDER BY n.id LIMIT 1)
          AS after
      FROM inspection i JOIN app_user u ON u.id = i.inspector_id
      JOIN assessment b ON b.id = i.reinspection_of
      WHERE i.reinspection_of IS NOT NULL\(complaintID == nil ? "" : " AND i.complaint_id = ?")
      ORDER BY i.id
      """
    ).eachRow(with: complaintID.map { [$0] } ?? []) { row in
      found[row.int("complaint_id"), default: []].append(
        Recorded(
          inspector: row.int("inspector_id"), of: row.int("reinspection_of"),
          value: ReinspectionDraw.Reinspection(
            inspectionID: row.int("id"), date: CalendarDate(row.text("inspection_date"))!,
            inspector: row.text("name"), amountBefore: row.int("before"),
            amountAfter: row.optionalInt("after") ?? row.int("before"),
            foundLess: !row.isNull("after"))))
    }
    return found
  }

  /// The first re-inspection that honours a draw of `assessment`, among its complaint's
  /// `recorded` ones: made of this assessment or a later one (or the one it was assessed from),
  /// by an inspector other than the one whose field inspection the assessment used when the
  /// policy requires another person.
  private func reinspection(
    honouring assessment: Drawn, among recorded: [Recorded], otherInspector: Bool
  ) throws -> ReinspectionDraw.Reinspection? {
    let candidates = recorded.filter {
      $0.of >= assessment.id || $0.value.inspectionID == assessment.inspectionID
    }
    guard !candidates.isEmpty else { return nil }
    let fieldInspector = try db.scalar(
      Int.self,
      """
      SELECT inspector_id FROM inspection
      WHERE complaint_id = ? AND id <= ? AND reinspection_of IS NULL ORDER BY id DESC LIMIT 1
      """, with: [assessment.complaintID, assessment.inspectionID ?? 0])
    return candidates.first { !otherInspector || $0.inspector != fieldInspector }?.value
  }
}
