import Foundation
import HWCBench
import HWCCore
import HWCRegister

/// The national figures of `make bench` (issue #15): one office register per seeded district,
/// each of a tenth of the rows (imported, inspected and assessed; nothing else is measured on
/// it), enrolled in a national register, keyed, exported and accepted; then the national report.
///
/// Ten offices need ten disjoint sets of districts and the reference data seeds nine: seeding
/// more would put new rows into every register's report (and every golden file), so the bench
/// runs nine offices of ROWS/10 complaints each — the per-office size asked for, 90% of the
/// pooled volume. `bundle_s` and `accept_s` are the medians over the offices, `national_report_s`
/// one `hwc national report quarterly` over all of them; each a whole `hwc` process.
extension BenchRun {
  var national: String { out + "/national" }

  mutating func measureNational(quarter: String) throws {
    let rows = max(1, plan.rows / 10)
    let ministry = ["--national", national] + BenchUsers.actor(BenchUsers.admin)
    try runHWC(
      [
        "national", "init", "--national", national, "--admin", BenchUsers.admin,
        "--new-password-file", BenchUsers.secretFile(BenchUsers.admin),
      ])
    var bundles: [Double] = []
    var accepts: [Double] = []
    for (index, district) in BenchPlaces.districts.enumerated() {
      let code = "BENCH-" + district.code
      let database = "\(out)/office-\(district.code).sqlite"
      let places =
        ["--district", district.name]
        + (district.conservancy.map { ["--conservancy", $0.name] } ?? [])
      var officePlan = BenchPlan(rows: rows, seed: plan.seed &+ UInt64(index + 1))
      officePlan.districts = [district.name]
      let complaints = "\(out)/office-\(district.code)-complaints.csv"
      let inspections = "\(out)/office-\(district.code)-inspections.csv"
      _ = try BenchGenerator(plan: officePlan).write(
        complaints: complaints, inspections: inspections)
      try runHWC(["init", "--office", code] + places + BenchUsers.initialAdmin(), on: database)
      let scopes = [district.name] + (district.conservancy.map { [$0.name] } ?? [])
      for addition in BenchUsers.additions(scopes: scopes) {
        try runHWC(["user", "add"] + addition, on: database)
      }
      let enrolled = try runHWC(["national", "enroll", "--office", code] + places + ministry)
      guard
        let key = enrolled.stdout.split(separator: "\n").map(String.init)
          .first(where: OfficeBundle.isHex64)
      else { throw BenchError(description: "national enroll printed no key for \(code)") }
      try runHWC(
        ["office", "key", "--set", key] + BenchUsers.actor(BenchUsers.admin), on: database)
      try runHWC(
        ["complaint", "import", complaints] + BenchUsers.actor(BenchUsers.officer), on: database)
      try runHWC(
        ["inspection", "import", inspections] + BenchUsers.actor(BenchUsers.inspector),
        on: database)
      try runHWC(
        ["assess", "--pending"] + BenchUsers.actor(BenchUsers.committee[0]), on: database)
      let bundle = "\(out)/office-\(district.code).hwcb"
      bundles.append(
        try runHWC(
          ["office", "export", bundle] + BenchUsers.actor(BenchUsers.treasurer), on: database
        ).seconds)
      accepts.append(try runHWC(["national", "accept", bundle] + ministry).seconds)
      note(
        "office \(code): \(rows) complaints; exported in "
          + "\(BenchFigures.format(bundles.last!, 3)) s, accepted in "
          + "\(BenchFigures.format(accepts.last!, 3)) s")
    }
    figures.bundleSeconds = Self.median(bundles)
    figures.acceptSeconds = Self.median(accepts)
    let report = ["national", "report", "quarterly", "--quarter", quarter, "--national", national]
    try runHWC(report)  // untimed: warms the cache, as for the single report
    figures.nationalReportSeconds = try runHWC(report).seconds
    note(
      "national report \(quarter) over \(BenchPlaces.districts.count) offices in "
        + "\(BenchFigures.format(figures.nationalReportSeconds, 3)) s")
  }
}
