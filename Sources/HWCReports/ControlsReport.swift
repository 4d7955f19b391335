import HWCCore
import HWCDomain
import HWCRegister

/// The controls report (`hwc report controls`, SPEC §13, issue #16): who inspected what and how
/// generously, village by village, claimants with many complaints in a season, flags the
/// committee overrode, and the re-inspection draws. Built once as one ordered value and rendered
/// as text (through `controls.LANG.txt`), CSV and JSON, so the three cannot disagree.
///
/// Complaints are counted by registration (reported) date in the quarter, as in the quarterly
/// report; draws by the (office-local) date of the assessment that made them. Amounts are the latest eligible
/// assessment's, in minor units (`_minor`), compared within a district, never across currencies.
public struct ControlsReport: Sendable {
  /// The report as one ordered value: what JSON prints, what CSV flattens, what templates see.
  public let value: JSON
  public let quarter: Quarter

  /// A claimant is listed when they have more than this many complaints in a season, unless the
  /// report is asked for another limit (`--repeat N`).
  public static let defaultRepeatLimit = 3

  /// Builds the report of `quarter` (optionally one district) as the register stands `today`,
  /// with names and words of `words`; claimants with more than `repeatLimit` complaints in a
  /// season are listed.
  public static func build(
    register: Register, quarter: Quarter, district name: String? = nil, words: Words,
    repeatLimit: Int = defaultRepeatLimit, today: CalendarDate
  ) throws -> ControlsReport {
    let reference = register.reference
    let district = try name.map { try reference.requireDistrict($0) }
    let figures = register.controlsFigures(
      from: quarter.first, to: quarter.last, district: district)
    return try register.snapshot {
      let complaints = try figures.complaints()
      let baselines = DistrictBaseline.all(complaints)
      let districtName = { (id: Int) in reference.district(id: id).map { words.name($0.name) } ?? ""
      }
      let fields: [(String, JSON)] = [
        ("report", .string("controls")), ("quarter", .string(quarter.description)),
        ("from", .string(quarter.first.description)), ("to", .string(quarter.last.description)),
        ("as_of", .string(today.description)), ("complete", .bool(today > quarter.last)),
        ("lang", .string(words.lang)),
        ("district", district.map { .string(words.name($0.name)) } ?? .null),
        ("anchor", .optional(try register.auditAnchor()?.description)),
        ("complaints", .int(complaints.count)),
        ("rule", OutlierRule.json),
        (
          "districts",
          .array(
            reference.districts.compactMap { d in
              baselines[d.id].map { $0.json(code: d.code, name: words.name(d.name), d.country) }
            })
        ),
        ("inspectors", .array(inspectors(complaints, baselines, reference, districtName))),
        ("villages", .array(villages(complaints, baselines, reference, districtName))),
        (
          "repeated",
          repeated(try figures.repeatedClaimants(moreThan: repeatLimit), repeatLimit, districtName)
        ),
        ("overridden", overridden(try figures.overriddenFlags(), words, districtName)),
        ("draws", draws(try figures.draws())),
      ]
      return ControlsReport(value: .object(fields), quarter: quarter)
    }
  }

  /// One row per inspector and district: the complaints whose first inspection was theirs.
  static func inspectors(
    _ complaints: [ControlsFigures.Complaint], _ baselines: [Int: DistrictBaseline],
    _ reference: Reference, _ districtName: (Int) -> String
  ) -> [JSON] {
    let currency = { (id: Int) in reference.district(id: id)?.country.currency ?? "" }
    let groups = Dictionary(grouping: complaints.filter { $0.inspector != nil }) {
      GroupKey(name: $0.inspector!, districtID: $0.districtID)
    }
    let rows = groups.map { key, mine in
      let reinspected = mine.compactMap(\.reinspection)
      let tally = Tally(mine, baseline: baselines[key.districtID]!)
      let fields: [(String, JSON)] = [
        ("key", .string("\(key.name):\(reference.district(id: key.districtID)?.code ?? "")")),
        ("inspector", .string(key.name)), ("district", .string(districtName(key.districtID))),
        ("currency", .string(currency(key.districtID))),
        ("inspected", .int(mine.count)), ("full_claim", .int(tally.fullClaim)),
        ("reinspected", .int(reinspected.count)),
        ("found_less", .int(reinspected.filter(\.foundLess).count)),
      ]
      return (key, tally, mine.count, JSON.object(fields + tally.amountFields))
    }
    return OutlierRule.sorted(rows)
  }

  /// One row per village and district (complaints without a village are left out).
  static func villages(
    _ complaints: [ControlsFigures.Complaint], _ baselines: [Int: DistrictBaseline],
    _ reference: Reference, _ districtName: (Int) -> String
  ) -> [JSON] {
    let currency = { (id: Int) in reference.district(id: id)?.country.currency ?? "" }
    let groups = Dictionary(grouping: complaints.filter { $0.village != nil }) {
      GroupKey(name: $0.village!, districtID: $0.districtID)
    }
    let rows = groups.map { key, mine in
      let baseline = baselines[key.districtID]!
      let tally = Tally(mine, baseline: baseline)
      let below = tally.median.map { median in baseline.amounts.filter { $0 < median }.count }
      let fields: [(String, JSON)] = [
        ("key", .string("\(reference.district(id: key.districtID)?.code ?? ""):\(key.name)")),
        ("village", .string(key.name)), ("district", .string(districtName(key.districtID))),
        ("currency", .string(currency(key.districtID))),
        ("complaints", .int(mine.count)), ("inspected", .int(tally.inspected)),
        ("full_claim", .int(tally.fullClaim)),
        ("flags", .int(mine.reduce(0) { $0 + $1.flags })),
        ("district_below_median", below.map(JSON.int) ?? .null),
        ("district_amounts", .int(baseline.amounts.count)),
      ]
      return (key, tally, mine.count, JSON.object(fields + tally.amountFields))
    }
    return OutlierRule.sorted(rows)
  }

  /// Claimants with more complaints in a season than `limit`, the national ID masked.
  static func repeated(
    _ claimants: [ControlsFigures.RepeatedClaimant], _ limit: Int,
    _ districtName: (Int) -> String
  ) -> JSON {
    .object([
      ("limit", .int(limit)),
      (
        "rows",
        .array(
          claimants.map { claimant in
            .object([
              ("key", .string("\(claimant.maskedID):\(claimant.season)")),
              ("national_id_masked", .string(claimant.maskedID)), ("name", .string(claimant.name)),
              ("district", .string(districtName(claimant.districtID))),
              ("season", .int(claimant.season)), ("complaints", .int(claimant.complaints)),
              ("in_quarter", .int(claimant.inSpan)),
            ])
          })
      ),
    ])
  }

  /// Flagged complaints that were approved or paid nonetheless, with counts by kind.
  static func overridden(
    _ flags: [ControlsFigures.OverriddenFlag], _ words: Words, _ districtName: (Int) -> String
  ) -> JSON {
    .object([
      ("near_duplicate", .int(flags.filter { $0.kind == FlagKind.nearDuplicate.rawValue }.count)),
      ("above_herd", .int(flags.filter { $0.kind == FlagKind.aboveHerd.rawValue }.count)),
      (
        "rows",
        .array(
          flags.map { flag in
            .object([
              ("complaint", .string(flag.complaint)), ("kind", .string(flag.kind)),
              ("label", .string(FlagKind(rawValue: flag.kind).map(words.flag) ?? flag.kind)),
              ("other", flag.other.map(JSON.string) ?? .null),
              ("district", .string(districtName(flag.districtID))),
              ("village", flag.village.map(JSON.string) ?? .null),
              ("status", .string(flag.status.rawValue)),
              ("status_label", .string(words.status(flag.status))),
            ])
          })
      ),
    ])
  }
}

/// An inspector or a village within one district.
struct GroupKey: Hashable {
  let name: String
  let districtID: Int
}

extension ControlsReport {
  /// The report in `format`; text goes through template `controls` of `setup`'s language.
  public func render(_ format: ReportFormat, setup: ReportSetup) throws -> String {
    switch format {
    case .json: return value.text(pretty: true) + "\n"
    case .csv: return value.csv
    case .text: return try setup.render("controls", value.templateValue)
    }
  }
}
