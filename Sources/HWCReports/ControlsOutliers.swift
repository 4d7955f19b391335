import HWCCore
import HWCRegister

/// What the controls report compares an inspector or a village with: all the complaints of the
/// district registered in the quarter.
struct DistrictBaseline {
  let districtID: Int
  let complaints: Int
  /// Complaints inspected at least once.
  let inspected: Int
  /// Of those, the ones whose first inspection verified the full claim.
  let fullClaim: Int
  /// The eligible amounts (minor units), in ascending order.
  let amounts: [Int]

  /// The median eligible amount (nearest rank), nil when there is none.
  var median: Int? { QuarterlyReport.percentile(amounts, 50) }

  /// The baseline of every district with complaints, by district id.
  static func all(_ complaints: [ControlsFigures.Complaint]) -> [Int: DistrictBaseline] {
    Dictionary(grouping: complaints, by: \.districtID).mapValues { mine in
      let tally = Tally(mine)
      return DistrictBaseline(
        districtID: mine[0].districtID, complaints: mine.count, inspected: tally.inspected,
        fullClaim: tally.fullClaim, amounts: tally.amounts)
    }
  }

  /// The district's row of the report.
  func json(code: String, name: String, _ country: Country) -> JSON {
    .object([
      ("code", .string(code)), ("name", .string(name)), ("currency", .string(country.currency)),
      ("complaints", .int(complaints)), ("inspected", .int(inspected)),
      ("full_claim", .int(fullClaim)), ("amounts", .int(amounts.count)),
      ("median_minor", .optional(median)),
    ])
  }
}

/// The figures of a group of complaints (an inspector's or a village's) and how they stand
/// against their district's.
struct Tally {
  /// Complaints inspected at least once.
  let inspected: Int
  /// Of those, the ones whose first inspection verified the full claim.
  let fullClaim: Int
  /// The eligible amounts (minor units), ascending.
  let amounts: [Int]
  /// The district the group belongs to (nil while the baselines themselves are counted).
  let baseline: DistrictBaseline?

  init(_ complaints: [ControlsFigures.Complaint], baseline: DistrictBaseline? = nil) {
    let inspected = complaints.filter { $0.inspector != nil }
    self.inspected = inspected.count
    fullClaim = inspected.filter(\.fullClaim).count
    amounts = complaints.compactMap(\.amount).sorted()
    self.baseline = baseline
  }

  /// The median eligible amount (nearest rank).
  var median: Int? { QuarterlyReport.percentile(amounts, 50) }

  /// The median against the district's, in hundredths (150 = 1.5 times), rounded half up.
  var ratioCenti: Int? {
    guard let median, let district = baseline?.median, district > 0 else { return nil }
    return (median * 200 + district) / (2 * district)
  }

  /// The amount rule holds (see `OutlierRule`).
  var amountOutlier: Bool {
    amounts.count >= OutlierRule.minimumComplaints
      && (ratioCenti ?? 0) >= OutlierRule.amountRatioCenti
  }

  /// The full-claim rule holds (see `OutlierRule`).
  var fullClaimOutlier: Bool {
    guard let baseline, inspected >= OutlierRule.minimumComplaints, baseline.inspected > 0
    else { return false }
    // fullClaim / inspected − district's fullClaim / inspected ≥ points / 100, in integers.
    let lead = 100 * (fullClaim * baseline.inspected - baseline.fullClaim * inspected)
    return lead >= OutlierRule.fullClaimPoints * inspected * baseline.inspected
  }

  /// Either rule holds.
  var isOutlier: Bool { amountOutlier || fullClaimOutlier }

  /// The amount and outlier fields every inspector's and village's row has.
  var amountFields: [(String, JSON)] {
    [
      ("district_inspected", .int(baseline?.inspected ?? 0)),
      ("district_full_claim", .int(baseline?.fullClaim ?? 0)),
      ("amounts", .int(amounts.count)), ("median_minor", .optional(median)),
      ("district_median_minor", .optional(baseline?.median)),
      ("ratio_centi", .optional(ratioCenti)),
      ("outlier", .bool(isOutlier)),
      ("outlier_amount", .bool(amountOutlier)), ("outlier_full_claim", .bool(fullClaimOutlier)),
      ("mark", .string(isOutlier ? "!" : "")),
    ]
  }
}

/// When an inspector or a village is marked as an outlier: with at least `minimumComplaints`
/// complaints, either the median amount is at least `amountRatioCenti`/100 times the district's
/// median (amounts inflated), or the share verified at the full claimed quantity is at least
/// `fullClaimPoints` percentage points above the district's (inspections that never find less).
/// The district includes the row's own complaints. Outliers are listed first.
enum OutlierRule {
  static let minimumComplaints = 5
  static let amountRatioCenti = 150
  static let fullClaimPoints = 25

  /// The rule as the report prints it.
  static var json: JSON {
    .object([
      ("minimum_complaints", .int(minimumComplaints)),
      ("amount_ratio_centi", .int(amountRatioCenti)), ("full_claim_points", .int(fullClaimPoints)),
    ])
  }

  /// The rows (each with its group, figures and complaint count), outliers first, then by
  /// complaints (most first), district and name.
  static func sorted(_ rows: [(key: GroupKey, tally: Tally, count: Int, json: JSON)]) -> [JSON] {
    func order(_ row: (key: GroupKey, tally: Tally, count: Int, json: JSON)) -> (
      Int, Int, Int, String
    ) {
      (row.tally.isOutlier ? 0 : 1, -row.count, row.key.districtID, row.key.name)
    }
    return rows.sorted { order($0) < order($1) }.map(\.json)
  }
}
