import Foundation
import HWCCore
import HWCDomain
import Testing

@testable import HWCRegister

/// An import checks every row before it takes the write lock, then writes under it without a
/// savepoint per row; what another officer changed in between is found again under the lock,
/// so the result is what an import holding the lock from the start would give.
@Suite struct ImportPhasesTests {
  /// A row of Gulnara, not yet a claimant, with her name to add her.
  static let gulnaraRow = ComplaintCSVRow.with {
    $0.ref = "G-1"
    $0.claimantID = Fixture.gulnara
    $0.claimantName = "Gulnara Sarsenova"
  }

  /// Has another officer register ref F-1 with other items once the import has checked its
  /// rows and before it writes them.
  static func registerF1WithOtherItemsBeforeWriting(_ fixture: Fixture) {
    fixture.register.afterImportValidation = {
      _ = try fixture.register.registerComplaint(
        fixture.draft {
          $0.ref = "F-1"
          $0.items = ["sheep_goat.adult=5"]
        }, actor: fixture.actor("dauren"))
    }
  }

  @Test func aClaimantAddedBetweenCheckingAndWritingIsUsedNotAddedAgain() throws {
    let fixture = try Fixture()
    let path = try fixture.csv(
      "field.csv", [Self.gulnaraRow, .with { $0.ref = "G-2" }, .with { $0.ref = "F-3" }])
    var addedID: Int?
    fixture.register.afterImportValidation = {
      addedID =
        try fixture.register.addClaimant(
          ClaimantDraft(
            name: "Gulnara Sarsenova", nationalID: Fixture.gulnara, district: "Kaztalov"),
          actor: fixture.actor("dauren")
        ).id
    }
    let before = try fixture.counts()
    let run = try fixture.importComplaints(path)
    #expect(run.errors == [])
    #expect(run.tally == Tally(rows: 3, created: 3, committed: true))
    let after = try fixture.counts()
    #expect(after["claimant"] == before["claimant"]! + 1)
    #expect(after["complaint"] == before["complaint"]! + 3)
    let claimantOfG1 = try fixture.register.db.scalar(
      Int.self, "SELECT claimant_id FROM complaint WHERE external_ref = 'G-1'")
    #expect(claimantOfG1 != nil && claimantOfG1 == addedID)
  }

  @Test func aRefRegisteredWithTheSameDetailsBetweenThePhasesIsUnchanged() throws {
    let fixture = try Fixture()
    let path = try fixture.csv("field.csv", [ComplaintCSVRow(), .with { $0.ref = "F-2" }])
    fixture.register.afterImportValidation = {
      _ = try fixture.register.registerComplaint(
        fixture.draft { $0.ref = "F-1" }, actor: fixture.actor("dauren"))
    }
    let before = try fixture.counts()
    let run = try fixture.importComplaints(path)
    #expect(run.errors == [])
    #expect(run.tally == Tally(rows: 2, created: 1, unchanged: 1, committed: true))
    #expect(try fixture.counts()["complaint"] == before["complaint"]! + 2)
  }

  @Test func aRefRegisteredWithOtherDetailsBetweenThePhasesRefusesTheWholeFile() throws {
    let fixture = try Fixture()
    let path = try fixture.csv("field.csv", [.with { $0.ref = "F-2" }, ComplaintCSVRow()])
    Self.registerF1WithOtherItemsBeforeWriting(fixture)
    let before = try fixture.counts()
    let run = try fixture.importComplaints(path)
    #expect(
      run.errors == [
        "field.csv:3: ref: 'F-1' is already complaint KAZ-2026-0001, registered with different "
          + "details"
      ])
    #expect(run.tally == Tally(rows: 2, created: 1, rejected: 1, committed: false))
    // Only what the other officer registered in between is there.
    #expect(try fixture.counts()["complaint"] == before["complaint"]! + 1)
    #expect(try fixture.counts()["claimant"] == before["claimant"]!)
  }

  @Test func withSkipInvalidARowRefusedUnderTheLockGoesToTheRejectsFile() throws {
    let fixture = try Fixture()
    let path = try fixture.csv(
      "field.csv", [.with { $0.ref = "F-2" }, ComplaintCSVRow(), .with { $0.ref = "F-3" }])
    let rejects = fixture.directory.file("rejects.csv")
    Self.registerF1WithOtherItemsBeforeWriting(fixture)
    let before = try fixture.counts()
    let run = try fixture.importComplaints(
      path, options: ImportOptions(skipInvalid: true, rejectsPath: rejects))
    #expect(run.tally == Tally(rows: 3, created: 2, rejected: 1, committed: true))
    #expect(try fixture.counts()["complaint"] == before["complaint"]! + 3)
    let text = try String(contentsOfFile: rejects, encoding: .utf8)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 2, "\(text)")
    #expect(lines.last?.hasPrefix("3,F-1,") == true, "\(text)")
    #expect(
      lines.last?.hasSuffix("KAZ-2026-0001, registered with different details\"") == true,
      "\(text)")
  }

  @Test func aUserDisabledBetweenThePhasesWritesNothing() throws {
    let fixture = try Fixture()
    let path = try fixture.csv("field.csv", [ComplaintCSVRow()])
    fixture.register.afterImportValidation = {
      try fixture.register.disableUser(
        name: "dauren", reason: "left the office", actor: fixture.actor("admin"))
    }
    let before = try fixture.counts()
    #expect(
      throws: DomainError.notPermitted(
        "user dauren is disabled; only an administrator can enable them again")
    ) {
      _ = try fixture.importComplaints(path)
    }
    #expect(try fixture.counts()["complaint"] == before["complaint"]!)
  }

  @Test func theImportReadsFirstThenTakesTheLockOnceAndRunsNoSavepoint() throws {
    let fixture = try Fixture()
    let trace = fixture.directory.file("trace.sql")
    try fixture.register.db.traceStatements(to: trace)
    let run = try fixture.importComplaints(
      try fixture.csv("field.csv", ComplaintImportTests.goodRows))
    #expect(run.tally == Tally(rows: 3, created: 3, claimantsCreated: 1, committed: true))
    let statements = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
    let begins = statements.filter { $0.hasPrefix("BEGIN") }
    #expect(begins == ["BEGIN DEFERRED;", "BEGIN IMMEDIATE;"])
    #expect(!statements.contains { $0.uppercased().hasPrefix("SAVEPOINT") })
    // The rows are read before the lock is taken and written after it.
    let lock = try #require(statements.firstIndex(of: "BEGIN IMMEDIATE;"))
    #expect(!statements[..<lock].contains { $0.hasPrefix("INSERT") })
    #expect(statements[lock...].contains { $0.hasPrefix("INSERT INTO complaint(") })
  }
}
