import HWCCore

/// Writes the bench's complaint CSV and the matching inspection CSV, streaming, from a seed.
///
/// Rows come in rounds: round `k` holds the `k`-th complaint of every herder, so the file runs
/// roughly in date order. Each herder's incidents lie at least 8 days apart, so the only
/// possible duplicates are the second forms the plan asks for (`duplicateShare`). Complaint
/// codes (`KAZ-2026-0001`) are predicted the way a fresh register numbers them — by district
/// and reported year, in file order — so the inspection forms can name them.
public struct BenchGenerator {
  public let plan: BenchPlan

  public init(plan: BenchPlan) { self.plan = plan }

  /// The complaint CSV header (SPEC §8).
  public static let complaintHeader = [
    "ref", "claimant_id", "claimant_name", "district", "conservancy", "village", "type", "species",
    "incident_date", "reported_date", "items",
  ]
  /// The inspection CSV header (SPEC §8).
  public static let inspectionHeader = [
    "complaint", "date", "protected", "vet_certificate", "finding", "items",
  ]

  static let findings = [
    "", "", "", "tracks and carcasses seen", "damage as described", "fence broken, pen open",
    "trampled along the migration corridor", "herder's account confirmed by neighbours",
    "partly grazed before, counted the rest", "remains found, 2 km from the winter camp",
  ]

  /// Writes both files and returns what they hold.
  public func write(complaints complaintPath: String, inspections inspectionPath: String) throws
    -> BenchSummary
  {
    let root = SplitMix64(seed: plan.seed)
    var claimantDraws = root.fork(1)
    var rowDraws = root.fork(2)
    var inspectionDraws = root.fork(3)
    let claimants = BenchClaimants.make(
      count: plan.claimants, in: plan.districts, &claimantDraws)
    let complaints = try TextFile(path: complaintPath)
    let inspections = try TextFile(path: inspectionPath)
    try complaints.write(CSVWriter.row(Self.complaintHeader))
    try inspections.write(CSVWriter.row(Self.inspectionHeader))

    let perClaimant = (plan.rows + claimants.count - 1) / claimants.count
    let slot = max(1, plan.firstIncident.days(to: plan.lastIncident) / perClaimant)
    var previous = [(incident: CalendarDate, damage: BenchDamage)?](
      repeating: nil, count: claimants.count)
    var sequence: [String: Int] = [:]
    var summary = BenchSummary()
    summary.claimants = claimants.count
    summary.sampleClaimant = claimants.first
    let sampleEvery = max(1, plan.rows / 16)

    for row in 0..<plan.rows {
      let round = row / claimants.count
      let index = row % claimants.count
      let claimant = claimants[index]
      var incident: CalendarDate
      var damage: BenchDamage
      if let earlier = previous[index], rowDraws.chance(plan.duplicateShare) {
        // A second form for the same loss: a neighbour's or a relative's, days later.
        incident = earlier.incident.adding(days: rowDraws.int(0...3))
        damage = earlier.damage
        summary.duplicates += 1
      } else {
        let offset = round * slot + rowDraws.below(max(1, slot - 8))
        incident = plan.firstIncident.adding(days: offset)
        if incident > plan.lastIncident { incident = plan.lastIncident }
        damage = BenchDamageModel.damage(in: claimant.district, month: incident.month, &rowDraws)
      }
      previous[index] = (incident, damage)
      let late = rowDraws.int(4...12)
      let delay = rowDraws.weighted([(0, 0.4), (1, 0.3), (2, 0.15), (3, 0.07), (late, 0.08)])
      let reported = incident.adding(days: delay)
      let key = "\(claimant.district.code)-\(reported.year)"
      let seq = (sequence[key] ?? 0) + 1
      sequence[key] = seq
      let number = String(seq)
      let code = key + "-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
      let village =
        rowDraws.chance(0.8) ? claimant.village : rowDraws.pick(claimant.district.villages)
      try complaints.write(
        CSVWriter.row([
          "\(claimant.district.code)-F-\(row + 1)", claimant.nationalID, claimant.name,
          claimant.district.name, claimant.conservancy ?? "", village, damage.type,
          damage.species, incident.description, reported.description, damage.itemsText,
        ]))
      summary.rows += 1
      summary.types[damage.type, default: 0] += 1
      summary.years[incident.year, default: 0] += 1
      if row % sampleEvery == 0 { summary.sampleCodes.append(code) }

      if inspectionDraws.chance(plan.inspectedShare) {
        try inspections.write(
          CSVWriter.row(inspection(code: code, reported: reported, damage, &inspectionDraws)))
        summary.inspections += 1
      }
    }
    try complaints.commit()
    try inspections.commit()
    return summary
  }

  /// One field inspection form: a few days after the report, mostly confirming the claim.
  private func inspection(
    code: String, reported: CalendarDate, _ damage: BenchDamage, _ rng: inout SplitMix64
  ) -> [String] {
    let date = reported.adding(days: rng.int(1...10))
    let confirmed = rng.chance(0.75)
    let items = damage.items.map { item -> String in
      var centi = item.centi
      if !confirmed {
        centi =
          item.key.contains(".adult") || item.key.contains(".young")
          ? max(100, centi - 100) : centi * 4 / 5
      }
      return "\(item.key)=\(Decimal2.format(centi))"
    }
    let certificate =
      damage.type == "disease_spread" && rng.chance(0.85)
      ? "VET-\(date.year)-\(rng.int(100...99999))" : ""
    return [
      code, date.description, rng.chance(0.7) ? "yes" : "no", certificate,
      rng.pick(Self.findings), items.joined(separator: ";"),
    ]
  }
}
