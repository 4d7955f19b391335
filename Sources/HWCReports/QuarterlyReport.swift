import HWCCore
import HWCDomain
import HWCRegister

/// The quarterly conflict report (SPEC §9), built once as one ordered value and rendered as text
/// (through `quarterly.LANG.txt`), CSV and JSON, so the three cannot disagree.
///
/// Complaints are counted by registration (reported) date in the quarter; verified losses and
/// processing times belong to those complaints; decisions and money are counted by the date they
/// happened. Money fields end in `_minor` (integer 1/100 units) and come from the ledger.
public struct QuarterlyReport: Sendable {
  /// The report as one ordered value: what JSON prints, what CSV flattens, what templates see.
  public let value: JSON
  public let quarter: Quarter

  /// The damage types in report order.
  static let damageTypes = [
    "livestock_predation", "disease_spread", "pasture_trampling", "hay_loss", "crop_invasion",
    "water_depletion",
  ]
  /// How many flagged complaints the report lists; it says how many more there are.
  static let flagExamples = 8

  static let speciesOrder = ["saiga", "wolf", "snow_leopard", "brown_bear", "wild_boar", "other"]

  /// Builds the report of `quarter` (optionally one district) as the register stands `today`,
  /// with names and words in `lang` (English or Russian).
  public static func build(
    register: Register, quarter: Quarter, district name: String? = nil, lang: String = "en",
    today: CalendarDate
  ) throws -> QuarterlyReport {
    try build(
      register: register, quarter: quarter, district: name, words: Words(lang: lang), today: today)
  }

  /// Builds the report of `quarter` (optionally one district) as the register stands `today`,
  /// with names and words of `words`.
  public static func build(
    register: Register, quarter: Quarter, district name: String? = nil, words: Words,
    today: CalendarDate
  ) throws -> QuarterlyReport {
    try build(
      registers: [register], anchor: { try register.auditAnchor()?.description },
      quarter: quarter, district: name, words: words, today: today)
  }

  /// Builds the report of `quarter` (optionally one district) pooled over `registers` — the
  /// offices' replicas, whose districts and conservancies are disjoint — as they stand `today`,
  /// with names and words of `words`: the figures of `PooledQuarterlyFigures`, read with every
  /// register on a snapshot of its own, under the anchor `anchor` gives (read on the snapshots).
  /// Names come from the first register's reference data; `registers` must not be empty.
  public static func build(
    registers: [Register], anchor: () throws -> String?, quarter: Quarter,
    district name: String? = nil, words: Words, today: CalendarDate
  ) throws -> QuarterlyReport {
    precondition(!registers.isEmpty, "a quarterly report needs at least one register")
    let lang = words.lang
    let reference = registers[0].reference
    let district = try name.map { try reference.requireDistrict($0) }
    let conservancies = reference.conservancies.filter {
      district == nil || $0.districtID == district!.id
    }
    func queries(_ q: Quarter) -> PooledQuarterlyFigures {
      PooledQuarterlyFigures(
        registers.map { $0.quarterlyFigures(from: q.first, to: q.last, district: district) })
    }
    let now = queries(quarter)
    let name = { (localized: LocalizedName) in words.name(localized) }
    return try Register.snapshot(registers) {
      var fields: [(String, JSON)] = [
        ("report", .string("quarterly")), ("quarter", .string(quarter.description)),
        ("from", .string(quarter.first.description)), ("to", .string(quarter.last.description)),
        ("as_of", .string(today.description)), ("complete", .bool(today > quarter.last)),
        ("lang", .string(lang)), ("district", district.map { .string(name($0.name)) } ?? .null),
        ("anchor", .optional(try anchor())),
      ]

      // Complaints by district × damage type.
      let cells = try now.complaintsByDistrictAndType()
      let districts = reference.districts.filter { district == nil || $0.id == district!.id }
      var rows: [JSON] = []
      var typeTotals = [String: Int]()
      var maxDistrict = 0
      for d in districts {
        var byType: [(String, JSON)] = []
        var total = 0
        for type in damageTypes {
          let count = cells.first { $0.districtID == d.id && $0.damageType == type }?.count ?? 0
          byType.append((type, .int(count)))
          total += count
          typeTotals[type, default: 0] += count
        }
        maxDistrict = max(maxDistrict, total)
        rows.append(
          .object([
            ("code", .string(d.code)), ("name", .string(name(d.name))),
            ("country", .string(d.country.rawValue)), ("by_type", .object(byType)),
            ("total", .int(total)),
          ]))
      }
      let total = typeTotals.values.reduce(0, +)
      fields.append(
        (
          "complaints",
          .object([
            ("total", .int(total)), ("max_district", .int(maxDistrict)),
            ("districts", .array(rows)),
            ("by_type", .object(damageTypes.map { ($0, .int(typeTotals[$0] ?? 0)) })),
          ])
        ))

      // By species.
      let species = try now.complaintsBySpecies()
      let speciesRows = speciesOrder.map { code in
        JSON.object([
          ("code", .string(code)),
          ("name", .string(reference.species[code].map(name) ?? code)),
          ("complaints", .int(species[code] ?? 0)),
        ])
      }
      fields.append(
        (
          "species",
          .object([
            ("max", .int(species.values.max() ?? 0)), ("rows", .array(speciesRows)),
          ])
        ))

      // Verified losses.
      fields.append(("losses", .array(try losses(now.verifiedByItem(), reference, words))))

      // Compensation per scheme and payer.
      let payers = try now.payers()
      fields.append(("compensation", compensation(payers, words: words)))

      // Decisions.
      fields.append(("decisions", decisions(try now.decisions(), words)))

      // Processing times.
      fields.append(("processing", processing(try now.timelines(), words)))

      // Hotspots.
      let hotspots = try now.hotspots(limit: 5)
      fields.append(
        (
          "hotspots",
          .object([
            ("max", .int(hotspots.first?.count ?? 0)),
            (
              "rows",
              .array(
                hotspots.map { spot in
                  .object([
                    ("village", .string(spot.village)),
                    (
                      "district",
                      .string(reference.district(id: spot.districtID).map { name($0.name) } ?? "")
                    ),
                    ("complaints", .int(spot.count)),
                  ])
                })
            ),
          ])
        ))

      // Flagged possible duplicates.
      let flags = try now.flags()
      fields.append(
        (
          "flags",
          .object([
            ("near_duplicate", .int(flags.filter { $0.kind == "near_duplicate" }.count)),
            ("above_herd", .int(flags.filter { $0.kind == "above_herd" }.count)),
            (
              "examples",
              .array(
                flags.prefix(QuarterlyReport.flagExamples).map { flag in
                  .object([
                    ("kind", .string(flag.kind)),
                    ("label", .string(FlagKind(rawValue: flag.kind).map(words.flag) ?? flag.kind)),
                    ("complaint", .string(flag.complaint)),
                    ("other", flag.other.map(JSON.string) ?? .null),
                  ])
                })
            ),
            // How many flags the examples leave out, so the report can say so.
            ("examples_left_out", .int(max(0, flags.count - QuarterlyReport.flagExamples))),
          ])
        ))

      // Wildlife-crime incidents per conservancy.
      let incidents = try now.incidents()
      fields.append(
        (
          "incidents",
          .array(
            conservancies.map { conservancy in
              let mine = incidents.filter { $0.conservancyID == conservancy.id }
              let inQuarter = mine.filter { $0.date >= quarter.first.description }
              let last = mine.last.flatMap { CalendarDate($0.date) }
              let suspendedUntil = last.map { $0.adding(days: 365) }
              return .object([
                ("conservancy", .string(name(conservancy.name))),
                ("poaching", .int(inQuarter.filter { $0.kind == "poaching" }.count)),
                (
                  "retaliatory_killing",
                  .int(inQuarter.filter { $0.kind == "retaliatory_killing" }.count)
                ),
                ("last_incident", last.map { .string($0.description) } ?? .null),
                (
                  "suspended_until",
                  suspendedUntil.flatMap { $0 >= quarter.first ? .string($0.description) : nil }
                    ?? .null
                ),
              ])
            })
        ))

      // Change against the previous quarter and the same quarter a year earlier.
      fields.append(
        (
          "trend",
          try trend(
            now: now.headline(), previous: queries(quarter.previous).headline(),
            yearAgo: queries(quarter.yearBefore).headline(), quarter: quarter, words: words)
        ))

      // Re-inspection draws made by assessments recorded in the quarter, tallied per register
      // and added up (a draw and its re-inspection are in one office's register).
      let tally = try registers.map {
        try $0.reinspectionTally(from: quarter.first, to: quarter.last, district: district)
      }.reduce(DrawTally(), +)
      fields.append(("controls", controls(tally)))
      return QuarterlyReport(value: .object(fields), quarter: quarter)
    }
  }
}
