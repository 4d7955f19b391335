import HWCCore
import Testing

@testable import HWCRegister

/// An inspection import written as checked (`InspectionImportWriter`: nothing changed the
/// register since the check) writes, byte for byte, what looking every row up again under the
/// lock writes: inspections, items, status changes, events and audit entries.
@Suite struct InspectionImportKnownStateTests {
  /// Two complaints inspected, the first twice (the second time with other items), and a row
  /// restating the second's inspection.
  static let csv = """
    complaint,date,protected,vet_certificate,finding,items
    KAZ-2026-0001,2026-06-03,no,,"fence broken, two carcasses",sheep_goat.adult=2
    KAZ-2026-0002,2026-06-04,yes,VC-7,,sheep_goat.adult=1
    KAZ-2026-0001,2026-06-05,no,,recounted,sheep_goat.adult=3
    KAZ-2026-0002,2026-06-04,yes,VC-7,,sheep_goat.adult=1

    """

  /// Two registered complaints, then the inspections imported; with `recheck`, the import looks
  /// every row up again (its own connection changes a temporary table between the phases).
  static func inspected(recheck: Bool) throws -> Fixture {
    let fixture = try Fixture()
    for ref in ["F-1", "F-2"] {
      _ = try fixture.register.registerComplaint(
        fixture.draft { $0.ref = ref }, actor: fixture.actor("dauren"))
    }
    if recheck {
      fixture.register.afterImportValidation = {
        try fixture.register.db.execute(
          "CREATE TEMP TABLE IF NOT EXISTS nudge(x); INSERT INTO nudge VALUES (1)")
      }
    }
    let path = fixture.directory.file("inspections.csv")
    try TextFile.write(csv, to: path)
    var errors: [String] = []
    let summary = try fixture.register.importInspections(
      path: path, options: ImportOptions(), actor: fixture.actor("marat"),
      observer: ImportObserver(rowError: { errors.append($0) }, progress: { _, _ in }))
    #expect(errors == [])
    #expect(Tally(summary) == Tally(rows: 4, created: 3, unchanged: 1, committed: true))
    return fixture
  }

  @Test func writingAsCheckedWritesWhatLookingUpAgainWrites() throws {
    let checked = try Self.inspected(recheck: false)
    let written = try ImportKnownStateTests.dump(checked)
    #expect(written == (try ImportKnownStateTests.dump(try Self.inspected(recheck: true))))
    #expect(written.filter { $0.hasPrefix("inspection: ") }.count == 3)
    #expect(try checked.register.verifyAudit().problem == nil)
  }
}
