import HWCCore
import HWCDomain
import HWCRules
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// A register of office WKO-KAZTALOV (Kaztalov district), with an unscoped officer, treasurer
/// and inspector and a Kaztalov claimant.
final class OfficeFixture {
  let directory = TemporaryDirectory()
  let register: Register
  let path: String

  init() throws {
    path = directory.file("office.sqlite")
    let reference = try Register.shippedReference()
    let office = try Register.resolveOffice(
      code: "WKO-KAZTALOV", districts: ["Kaztalov"], conservancies: [], reference: reference)
    (register, _) = try Register.initialize(
      path: path, admin: "admin", clock: Fixture.clock, office: office)
    let admin = try register.actor(named: "admin")
    for (name, role) in [
      ("national", "officer"), ("ministry", "treasurer"), ("marat", "inspector"),
    ] {
      _ = try register.addUser(name: name, roles: [role], actor: admin)
    }
    _ = try register.addClaimant(
      ClaimantDraft(
        name: "Yerlan Bekov", nationalID: Fixture.yerlan, district: "Kaztalov",
        village: "Zhalpaktal", herd: ["sheep_goat=20"]), actor: actor("national"))
  }

  func actor(_ name: String) throws -> Actor { try register.actor(named: name) }

  /// Every table's row count, the audit's among them: what a refusal must leave alone.
  func counts() throws -> [String: Int] {
    let tables = try register.db.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).map { $0.text("name") }
    var result: [String: Int] = [:]
    for table in tables {
      result[table] = try register.db.scalar(Int.self, "SELECT count(*) FROM \(table)") ?? 0
    }
    return result
  }

  /// Runs `body`, which must be refused with exactly `sentence`, writing nothing.
  func expectRefusal(
    _ sentence: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
  ) throws {
    let before = try counts()
    var thrown: (any Error)?
    do { try body() } catch { thrown = error }
    #expect(
      thrown.map { "\($0)" } == sentence, "got \(thrown.map { "\($0)" } ?? "success")",
      sourceLocation: sourceLocation)
    #expect(try counts() == before, "a refused command wrote", sourceLocation: sourceLocation)
  }
}

/// Offices (issue #15 item 1): `init --office` and the scope of an office register.
@Suite struct OfficeTests {
  let reference: Reference
  init() throws { reference = try Register.shippedReference() }

  func refusal(_ code: String, _ districts: [String], _ conservancies: [String] = [])
    -> DomainError?
  {
    do {
      _ = try Register.resolveOffice(
        code: code, districts: districts, conservancies: conservancies, reference: reference)
      return nil
    } catch { return error }
  }

  @Test func anOfficeIsStoredAuditedAndReadBackOnOpening() throws {
    let fixture = try OfficeFixture()
    let reopened = try Register.open(path: fixture.path)
    #expect(reopened.office?.code == "WKO-KAZTALOV")
    #expect(reopened.office?.districtCodes == ["KAZ"])
    #expect(reopened.office?.conservancyCodes == [])
    #expect(try reopened.verifyAudit().problem == nil)
    #expect(try reopened.check().allSatisfy { $0.problem == nil })
    let entity = try reopened.db.scalar(
      String.self, "SELECT change FROM audit_entry WHERE kind = 40")
    #expect(entity == "WKO-KAZTALOV")
    #expect(throws: SQLiteError.self) {
      try reopened.db.execute("UPDATE office SET code = 'OTHER'")
    }
  }

  @Test func aRegisterWithoutAnOfficeServesEveryDistrict() throws {
    let fixture = try Fixture()
    #expect(fixture.register.office == nil)
    _ = try fixture.register.registerComplaint(
      fixture.draft { $0.district = "Zhanibek" }, actor: fixture.actor("national"))
  }

  @Test func conservanciesMustLieInTheOfficesDistricts() throws {
    let office = try Register.resolveOffice(
      code: "CHU-1", districts: ["Chuy", "Chuy"], conservancies: ["Shamshy"], reference: reference)
    #expect(office.districtCodes.count == 1)
    #expect(office.conservancyCodes == ["Shamshy"])
    #expect(
      refusal("WKO-1", ["Kaztalov"], ["Shamshy"])?.description
        == "--conservancy: Shamshy lies in none of the office's districts (Kaztalov)")
  }

  @Test(arguments: ["wko", "W", String(repeating: "A", count: 33), "WKO KAZ", "WKO_1", "ВКО"])
  func badOfficeCodesAreRefusedNamingTheField(code: String) {
    #expect(refusal(code, ["Kaztalov"])?.field == .office)
  }

  @Test func unknownOrMissingDistrictsAreRefusedNamingTheField() {
    #expect(refusal("WKO-1", ["Atlantis"])?.field == .district)
    #expect(
      refusal("WKO-1", [])?.description == "--district: an office needs at least one --district")
    #expect(refusal("WKO-1", ["Kaztalov"], ["Atlantis"])?.field == .conservancy)
  }

  @Test func anOfficeIsRefusedOnARegisterThatExists() throws {
    let fixture = try Fixture()
    let office = try Register.resolveOffice(
      code: "WKO-1", districts: ["Kaztalov"], conservancies: [], reference: reference)
    #expect(throws: DomainError.self) {
      _ = try Register.initialize(path: fixture.path, admin: "admin", office: office)
    }
    #expect(fixture.register.office == nil)
    #expect(try Register.open(path: fixture.path).office == nil)
  }

  @Test func rolesOutsideTheOfficeAreRefusedAtUserAdd() throws {
    let fixture = try OfficeFixture()
    let admin = try fixture.actor("admin")
    try fixture.expectRefusal("Zhanibek is not a district of office WKO-KAZTALOV") {
      _ = try fixture.register.addUser(name: "saule", roles: ["officer@Zhanibek"], actor: admin)
    }
    try fixture.expectRefusal("Chuy is not a district of office WKO-KAZTALOV") {
      _ = try fixture.register.addUser(name: "bakyt", roles: ["officer@Shamshy"], actor: admin)
    }
    _ = try fixture.register.addUser(name: "dauren", roles: ["officer@Kaztalov"], actor: admin)
  }

  @Test func registeringOutsideTheOfficeIsRefusedWhateverTheRole() throws {
    let fixture = try OfficeFixture()
    let officer = try fixture.actor("national")
    let draft = Fixture.draftFor(district: "Zhanibek")
    try fixture.expectRefusal("Zhanibek is not a district of office WKO-KAZTALOV") {
      _ = try fixture.register.registerComplaint(draft, actor: officer)
    }
    try fixture.expectRefusal("Zhanibek is not a district of office WKO-KAZTALOV") {
      _ = try fixture.register.addClaimant(
        ClaimantDraft(name: "Gulnara Sarsenova", nationalID: Fixture.gulnara, district: "Zhanibek"),
        actor: officer)
    }
    let inside = try fixture.register.registerComplaint(
      Fixture.draftFor(district: "Kaztalov"), actor: officer)
    #expect(inside.complaint.code == "KAZ-2026-0001")
  }

  @Test func emergenciesBudgetsAndFundsOutsideTheOfficeAreRefused() throws {
    let fixture = try OfficeFixture()
    try fixture.expectRefusal("Zhanibek is not a district of office WKO-KAZTALOV") {
      _ = try fixture.register.declareEmergency(
        district: "Zhanibek", from: "2026-05-01", to: "2026-06-30", decree: "No. 1",
        actor: fixture.actor("admin"))
    }
    try fixture.expectRefusal("Zhanibek is not a district of office WKO-KAZTALOV") {
      _ = try fixture.register.allocateBudget(
        district: "Zhanibek", year: "2026", amount: "1000", actor: fixture.actor("ministry"))
    }
    try fixture.expectRefusal("Chuy is not a district of office WKO-KAZTALOV") {
      _ = try fixture.register.contributeToFund(
        conservancy: "Shamshy", amount: "1000", source: "donor", actor: fixture.actor("ministry"))
    }
    _ = try fixture.register.allocateBudget(
      district: "Kaztalov", year: "2026", amount: "1000", actor: fixture.actor("ministry"))
  }

  @Test func anImportRowOfAnotherDistrictIsRefusedByLineWritingNothing() throws {
    let fixture = try Fixture()
    let office = try OfficeFixture()
    let path = try fixture.csv(
      "field.csv",
      [
        ComplaintCSVRow(),
        .with {
          $0.ref = "F-2"
          $0.district = "Zhanibek"
        },
      ])
    let before = try office.counts()
    let reported = ReportedLines()
    let summary = try office.register.importComplaints(
      path: path, options: ImportOptions(), actor: office.actor("national"),
      observer: ImportObserver(rowError: { reported.lines.append($0) }, progress: { _, _ in }))
    #expect(!summary.committed)
    #expect(
      reported.lines == ["field.csv:3: row: Zhanibek is not a district of office WKO-KAZTALOV"])
    #expect(try office.counts() == before)
  }

  /// Inspecting, assessing, approving and paying a complaint of a district the office does not
  /// serve are refused with the office's sentence, even for roles that cover the district. Such
  /// a complaint cannot be made in an office register, so the office is stored afterwards.
  @Test func actingOnAComplaintOutsideTheOfficeIsRefused() throws {
    let fixture = try Fixture.money()
    try fixture.allocate("200000")
    let registered = try fixture.register.registerComplaint(
      fixture.draft(), actor: fixture.actor("dauren")
    ).complaint.code
    let assessed = try fixture.assessed { $0.ref = "F-2" }
    let approved = try fixture.assessed { $0.ref = "F-3" }
    _ = try fixture.register.approve(code: approved, actor: fixture.actor("aliya"))
    _ = try fixture.register.approve(code: approved, actor: fixture.actor("bolat"))
    let zhanibek = try Register.resolveOffice(
      code: "WKO-ZHANIBEK", districts: ["Zhanibek"], conservancies: [], reference: reference)
    try fixture.register.db.transaction { try fixture.register.storeOffice(zhanibek, by: "admin") }
    let sentence = "Kaztalov is not a district of office WKO-ZHANIBEK"
    try fixture.expectRefusal(sentence) {
      _ = try fixture.register.inspect(
        code: registered,
        InspectionDraft(date: "2026-06-10", items: ["sheep_goat.adult=3"], protected: "yes"),
        actor: fixture.actor("marat"))
    }
    try fixture.expectRefusal(sentence) {
      _ = try fixture.register.assess(code: assessed, actor: fixture.actor("dauren"))
    }
    try fixture.expectRefusal(sentence) {
      _ = try fixture.register.approve(code: assessed, actor: fixture.actor("aliya"))
    }
    try fixture.expectRefusal(sentence) {
      _ = try fixture.register.pay(
        code: approved, reference: "PO-1", actor: fixture.actor("tolkyn"))
    }
  }
}

extension Fixture {
  /// Yerlan's wolf complaint in `district`.
  static func draftFor(district: String) -> ComplaintDraft {
    ComplaintDraft(
      nationalID: Fixture.yerlan, district: district, type: "livestock_predation",
      species: "wolf", incidentDate: "2026-06-01", reportedDate: "2026-06-02",
      items: ["sheep_goat.adult=3"], ref: nil, village: "Zhalpaktal")
  }
}
