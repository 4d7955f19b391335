import HWCBench
import HWCCore
import HWCDomain
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// The register's reads for `make bench` (`Register+BenchReads.swift`) and its baseline import
/// SQL (`BaselineImport.swift`), on the bench generator's ~200 rows.
@Suite struct BenchReadsTests {
  /// A fresh register at `name` in `directory`, with an officer, an inspector and a committee
  /// member for every bench place.
  static func register(_ directory: TemporaryDirectory, _ name: String) throws -> Register {
    let (register, _) = try Register.initialize(
      path: directory.file(name), admin: "admin", clock: .fixed("2026-11-30T12:00:00Z"))
    let scopes = BenchPlaces.districts.map(\.name) + ["Shamshy", "Baiboosun"]
    let admin = try register.actor(named: "admin")
    for role in ["officer", "inspector", "committee"] {
      _ = try register.addUser(name: role, roles: scopes.map { "\(role)@\($0)" }, actor: admin)
    }
    return register
  }

  @Test func theBenchReadsCountAndChooseWhatTheRegisterHolds() throws {
    let directory = TemporaryDirectory()
    let summary = try BenchGeneratorTests.generate(directory)
    let register = try Self.register(directory, "bench.sqlite")
    #expect(try register.busiestDecisionQuarter() == nil)
    var errors: [String] = []
    let observer = ImportObserver(rowError: { errors.append($0) }, progress: { _, _ in })
    _ = try register.importComplaints(
      path: directory.file("complaints.csv"), options: ImportOptions(),
      actor: register.actor(named: "officer"), observer: observer)
    #expect(
      try register.benchFacts()
        == Register.BenchFacts(
          complaints: 200, flaggedComplaints: summary.duplicates, assessments: 0,
          eligibleAssessments: 0))
    _ = try register.importInspections(
      path: directory.file("inspections.csv"), options: ImportOptions(),
      actor: register.actor(named: "inspector"), observer: observer)
    let assessed = try register.assessPending(actor: register.actor(named: "committee")) {
      errors.append($0)
    }
    #expect(errors == [])
    let facts = try register.benchFacts()
    #expect(facts.assessments == assessed.assessed)
    #expect(facts.eligibleAssessments == assessed.eligible)
    #expect(assessed.eligible > 0)

    // Every eligible assessment is of a complaint still assessed, listed in registration order.
    let decidable = try register.decidableComplaints()
    #expect(decidable.count == assessed.eligible)
    let first = try #require(decidable.first)
    let record = try register.complaint(code: first.code)
    #expect(record.status == ComplaintStatus.assessed.rawValue)
    #expect(record.district == first.district)
    #expect(record.conservancy == first.conservancy)
    #expect(record.incidentDate.hasPrefix("\(first.incidentYear)-"))
    #expect(decidable.allSatisfy { $0.amountMinor > 0 })
    #expect(decidable.filter { $0.scheme == .kgBuffer }.allSatisfy { $0.conservancy != nil })
    let ids = try decidable.map { try register.complaint(code: $0.code).id }
    #expect(ids == ids.sorted())

    // Every assessment happened on the fixed clock's day.
    #expect(try register.busiestDecisionQuarter() == "2026-Q4")
  }

  /// The bench confirms, by another inspector, the inspection of each complaint whose draw
  /// requires a re-inspection, so that its approvals are not refused.
  @Test func theBenchNamesTheReinspectionsTheDrawsRequireAndNoneOnceRecorded() throws {
    let directory = TemporaryDirectory()
    _ = try BenchGeneratorTests.generate(directory)
    let register = try Self.register(directory, "bench.sqlite")
    let admin = try register.actor(named: "admin")
    let scopes = BenchPlaces.districts.map(\.name) + ["Shamshy", "Baiboosun"]
    _ = try register.addUser(
      name: "reinspector", roles: scopes.map { "inspector@\($0)" }, actor: admin)
    let observer = ImportObserver(rowError: { _ in }, progress: { _, _ in })
    _ = try register.importComplaints(
      path: directory.file("complaints.csv"), options: ImportOptions(),
      actor: register.actor(named: "officer"), observer: observer)
    _ = try register.importInspections(
      path: directory.file("inspections.csv"), options: ImportOptions(),
      actor: register.actor(named: "inspector"), observer: observer)
    _ = try register.assessPending(actor: register.actor(named: "committee")) { _ in }
    let needing = try register.decidableComplaints().filter {
      try register.reinspectionDraws(code: $0.code).contains { !$0.honoured }
    }
    let complaint = try #require(needing.first)
    let found = try #require(try register.benchReinspection(code: complaint.code))
    let record = try register.complaint(code: complaint.code)
    #expect(!found.items.isEmpty)
    // A complaint whose draws are honoured needs none.
    let other = try #require(
      try register.decidableComplaints().first {
        try register.reinspectionDraws(code: $0.code).allSatisfy(\.honoured)
      })
    #expect(try register.benchReinspection(code: other.code) == nil)
    let result = try register.reinspect(
      code: complaint.code,
      InspectionDraft(
        date: "2026-11-30", items: found.items, protected: found.protected ? "yes" : "no"),
      actor: register.actor(named: "reinspector"))
    #expect(!result.foundLess)
    #expect(try register.benchReinspection(code: complaint.code) == nil)
    #expect(try register.complaint(code: complaint.code).status == record.status)
  }

  @Test func theBaselineSQLNumbersTheComplaintsAsTheImportDoes() throws {
    let directory = TemporaryDirectory()
    _ = try BenchGeneratorTests.generate(directory)
    let imported = try Self.register(directory, "imported.sqlite")
    _ = try imported.importComplaints(
      path: directory.file("complaints.csv"), options: ImportOptions(),
      actor: imported.actor(named: "officer"),
      observer: ImportObserver(rowError: { _ in }, progress: { _, _ in }))

    // What the sqlite3 tool does: foreign keys off (its default), and `.import` into a table of
    // text columns named by the header.
    let baseline = try Self.register(directory, "baseline.sqlite")
    let records = try BenchGeneratorTests.records(directory.file("complaints.csv"))
    let header = try #require(records.first)
    try baseline.db.execute(
      "CREATE TABLE bench_rows(\(header.map { "\"\($0)\" TEXT" }.joined(separator: ", ")))")
    let insert = try baseline.db.prepare(
      "INSERT INTO bench_rows VALUES (\(header.map { _ in "?" }.joined(separator: ", ")))")
    for record in records.dropFirst() { try insert.run(with: record) }
    try baseline.db.execute("PRAGMA foreign_keys = OFF")
    try baseline.db.execute(BaselineImport.sql(stagingTable: "bench_rows"))

    let listing =
      "SELECT c.code, c.external_ref, c.status, c.incident_date, "
      + "(SELECT group_concat(entry, ';') FROM (SELECT item || '=' || quantity_centi AS entry "
      + "FROM complaint_item WHERE complaint_id = c.id ORDER BY item)) AS items "
      + "FROM complaint c ORDER BY c.code"
    func rows(_ register: Register) throws -> [[String]] {
      try register.db.prepare(listing).map {
        [
          $0.text("code"), $0.text("external_ref"), $0.text("status"), $0.text("incident_date"),
          $0.text("items"),
        ]
      }
    }
    let loaded = try rows(baseline)
    #expect(loaded.count == 200)
    #expect(loaded == (try rows(imported)))
    #expect(try baseline.db.scalar(Int.self, "SELECT count(*) FROM claimant") == 50)
    let missing = try baseline.db.prepare("PRAGMA foreign_key_check(complaint)").map { _ in 1 }
      .count
    // Every complaint names a claimant the baseline loaded (the tool checks no foreign keys).
    #expect(missing == 0)
  }
}
