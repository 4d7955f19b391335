import HWCBench
import HWCCore
import HWCDomain
import HWCTestSupport
import Testing

@testable import HWCRegister

/// The `make bench` generator on ~200 rows: files that parse, IDs that validate, and a fresh
/// register that imports every complaint and every inspection form.
@Suite struct BenchGeneratorTests {
  static let plan = BenchPlan(rows: 200)

  /// Writes the plan's two files into `directory`.
  static func generate(_ directory: TemporaryDirectory, _ plan: BenchPlan = plan) throws
    -> BenchSummary
  {
    try BenchGenerator(plan: plan).write(
      complaints: directory.file("complaints.csv"), inspections: directory.file("inspections.csv"))
  }

  static func records(_ path: String) throws -> [[String]] {
    var reader = try CSVReader(path: path)
    var records: [[String]] = []
    while let record = try reader.next() { records.append(record.fields) }
    return records
  }

  @Test func theComplaintCSVParsesAndEveryNationalIDIsValid() throws {
    let directory = TemporaryDirectory()
    let summary = try Self.generate(directory)
    let records = try Self.records(directory.file("complaints.csv"))
    #expect(records.first == BenchGenerator.complaintHeader)
    #expect(records.count == 201)
    #expect(summary.rows == 200)
    #expect(summary.claimants == 50)
    var refs = Set<String>()
    for fields in records.dropFirst() {
      #expect(fields.count == 11)
      let district = try #require(BenchPlaces.districts.first { $0.name == fields[3] })
      #expect(throws: Never.self) { try NationalID(fields[1], country: district.country) }
      #expect(refs.insert(fields[0]).inserted, "ref \(fields[0]) twice")
    }
    #expect(Set(records.dropFirst().map { $0[1] }).count == 50)
  }

  @Test func theSameSeedWritesTheSameFiles() throws {
    let first = TemporaryDirectory()
    let second = TemporaryDirectory()
    _ = try Self.generate(first)
    _ = try Self.generate(second)
    for name in ["complaints.csv", "inspections.csv"] {
      #expect(try Self.records(first.file(name)) == Self.records(second.file(name)))
    }
  }

  @Test func everyRowImportsAndTheInspectionsNameTheImportedComplaints() throws {
    let directory = TemporaryDirectory()
    let summary = try Self.generate(directory)
    let (register, _) = try Register.initialize(
      path: directory.file("bench.sqlite"), admin: "admin",
      clock: .fixed("2026-11-30T12:00:00Z"))
    let scopes = BenchPlaces.districts.map(\.name) + ["Shamshy", "Baiboosun"]
    let admin = try register.actor(named: "admin")
    for role in ["officer", "inspector"] {
      _ = try register.addUser(
        name: role, roles: scopes.map { "\(role)@\($0)" }, actor: admin)
    }
    var errors: [String] = []
    let observer = ImportObserver(rowError: { errors.append($0) }, progress: { _, _ in })
    let complaints = try register.importComplaints(
      path: directory.file("complaints.csv"), options: ImportOptions(),
      actor: register.actor(named: "officer"), observer: observer)
    #expect(errors == [])
    #expect(complaints.created == 200)
    #expect(complaints.claimantsCreated == 50)
    // The only possible duplicates are the second forms the generator wrote.
    let flagged =
      try register.db.scalar(
        Int.self,
        "SELECT count(DISTINCT complaint_id) FROM complaint_flag") ?? 0
    #expect(flagged == summary.duplicates)
    for code in summary.sampleCodes {
      #expect(
        try register.db.scalar(
          Int.self, "SELECT count(*) FROM complaint WHERE code = ?", with: [code])
          == 1)
    }
    let inspections = try register.importInspections(
      path: directory.file("inspections.csv"), options: ImportOptions(),
      actor: register.actor(named: "inspector"), observer: observer)
    #expect(errors == [])
    #expect(inspections.created == summary.inspections)
    #expect(summary.inspections > 150)
  }
}
