import HWCCore
import HWCDomain
import HWCStore
import Testing

@testable import HWCRegister

@Suite struct InspectionTests {
  func registered() throws -> Fixture {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    return fixture
  }

  func inspection(_ change: (inout InspectionDraft) -> Void = { _ in }) -> InspectionDraft {
    var draft = InspectionDraft(
      date: "2026-06-03", items: ["sheep_goat.adult=2"], protected: "yes", finding: "two carcasses")
    change(&draft)
    return draft
  }

  @Test func anInspectionMovesTheComplaintToInspectedWithAnEvent() throws {
    let fixture = try registered()
    _ = try fixture.register.inspect(
      code: "KAZ-2026-0001", inspection(), actor: fixture.actor("marat"))
    let complaint = try fixture.register.complaint(code: "kaz-2026-0001")
    #expect(complaint.status == "inspected")
    #expect(complaint.events.map(\.kind) == ["registered", "inspected"])
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test func aReInspectionIsANewRowAndTheLatestCounts() throws {
    let fixture = try registered()
    let marat = try fixture.actor("marat")
    let first = try fixture.register.inspect(code: "KAZ-2026-0001", inspection(), actor: marat)
    let second = try fixture.register.inspect(
      code: "KAZ-2026-0001", inspection { $0.items = ["sheep_goat.adult=3"] }, actor: marat)
    #expect(second > first)
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM inspection") == 2)
  }

  @Test(
    arguments: [
      ("dauren", "KAZ-2026-0001", ["date": "2026-06-03"], "dauren may not inspect complaints"),
      ("marat", "KAZ-2026-0099", [:], "ID: there is no complaint KAZ-2026-0099"),
      ("marat", "KAZ-2026-0001", ["date": "2026-06-31"], "--date: 2026-06-31 is not a date"),
      ("marat", "KAZ-2026-0001", ["date": "2026-06-16"], "--date: 2026-06-16 is in the future"),
      (
        "marat", "KAZ-2026-0001", ["date": "2026-05-31"],
        "--date: 2026-05-31 is before the incident"
      ),
      ("marat", "KAZ-2026-0001", ["protected": "maybe"], "--protected: 'maybe' is not yes or no"),
      ("marat", "KAZ-2026-0001", ["items": "hay=1"], "--item: hay is not accepted"),
      (
        "marat", "KAZ-2026-0001", ["items": "sheep_goat.adult=1.5"],
        "--item: sheep_goat.adult is counted in whole heads"
      ),
    ] as [(String, String, [String: String], String)])
  func refusalsNameTheFieldAndWriteNothing(
    actor: String, code: String, changes: [String: String], message: String
  ) throws {
    let fixture = try registered()
    let before = try fixture.counts()
    let draft = inspection { draft in
      if let date = changes["date"] { draft.date = date }
      if let protected = changes["protected"] { draft.protected = protected }
      if let items = changes["items"] { draft.items = [items] }
    }
    #expect {
      _ = try fixture.register.inspect(code: code, draft, actor: fixture.actor(actor))
    } throws: { ($0 as? DomainError)?.description.hasPrefix(message) == true }
    #expect(try fixture.counts() == before)
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM inspection") == 0)
  }

  @Test func inspectionImportIsAllOrNothingAndIdempotent() throws {
    let fixture = try registered()
    let marat = try fixture.actor("marat")
    let csv = fixture.directory.file("inspections.csv")
    try TextFile.write(
      """
      complaint,date,protected,vet_certificate,finding,items
      KAZ-2026-0001,2026-06-03,no,,"fence broken, two carcasses",sheep_goat.adult=2
      KAZ-2026-0009,2026-06-03,yes,,,sheep_goat.adult=1

      """, to: csv)
    var errors: [String] = []
    let observer = ImportObserver(rowError: { errors.append($0) }, progress: { _, _ in })
    let refused = try fixture.register.importInspections(
      path: csv, options: ImportOptions(), actor: marat, observer: observer)
    #expect(!refused.committed)
    #expect(errors == ["inspections.csv:3: complaint: there is no complaint KAZ-2026-0009"])
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM inspection") == 0)

    try TextFile.write(
      """
      complaint,date,protected,vet_certificate,finding,items
      KAZ-2026-0001,2026-06-03,no,,"fence broken, two carcasses",sheep_goat.adult=2

      """, to: csv)
    let first = try fixture.register.importInspections(
      path: csv, options: ImportOptions(), actor: marat, observer: observer)
    let again = try fixture.register.importInspections(
      path: csv, options: ImportOptions(), actor: marat, observer: observer)
    #expect(first.created == 1)
    #expect(again.created == 0)
    #expect(again.unchanged == 1)
    #expect(try fixture.register.db.scalar(Int.self, "SELECT count(*) FROM inspection") == 1)
  }
}
