import Foundation
import HWCCLI
import HWCStore
import HWCTestSupport
import Testing

/// `hwc complaint import`, `audit verify`, `check` and `backup` through the CLI.
@Suite struct CLIMaintenanceTests {
  /// Rows 2 and 5 are good; 3 and 4 are not.
  static let mixed =
    Workspace.csvHeader
    + "F-1,880512300411,,Kaztalov,,Zhalpaktal,livestock_predation,wolf,2026-06-01,2026-06-02,"
    + "sheep_goat.adult=3\n"
    + "F-2,880512300411,,Kaztalov,,Zhalpaktal,hay_loss,saiga,2026-02-30,2026-06-02,hay=1\n"
    + "F-3,900715400236,,Kaztalov,,,hay_loss,saiga,2026-06-01,2026-06-02,hay=1\n"
    + "F-4,880512300411,,Kaztalov,,Zhalpaktal,hay_loss,saiga,2026-06-01,2026-06-02,hay=1\n"

  @Test func importingABadFileExitsOneListingEveryBadRowAndWritesNothing() throws {
    let workspace = Workspace.standard()
    let csv = try workspace.write("field.csv", Self.mixed)
    let before = try workspace.counts()
    let outcome = workspace.run(["complaint", "import", csv, "--as", "dauren"])
    #expect(outcome.code == 1, "\(outcome)")
    #expect(
      outcome.errLines == [
        "field.csv:3: incident_date: 2026-02-30 is not a date (YYYY-MM-DD)",
        "field.csv:4: claimant_id: no claimant with national ID 90********36, "
          + "and no claimant_name to add them",
        "hwc: 2 of 4 rows are invalid; nothing was imported "
          + "(fix them, or use --skip-invalid --rejects FILE)",
      ])
    #expect(outcome.out == "")
    let json = workspace.run(["complaint", "import", csv, "--as", "dauren", "--json"])
    #expect(json.code == 1)
    let summary = try #require(parseJSON(json.out) as? [String: Any])
    #expect((summary["rows"] as? [Any])?.isEmpty == true, "a refused import lists no complaint")
    #expect(try workspace.counts() == before)
    let dry = workspace.run(["complaint", "import", csv, "--dry-run", "--as", "dauren"])
    #expect(dry.code == 1)
    #expect(dry.errLines == Array(outcome.errLines.prefix(2)))
    #expect(try workspace.counts() == before)
  }

  @Test func importingAGoodFileTwiceImportsItOnce() throws {
    let workspace = Workspace.standard()
    let csv = try workspace.write(
      "field.csv",
      Workspace.csvHeader
        + "F-1,900715400236,Gulnara Sarsenova,Kaztalov,,Kaztalovka,hay_loss,saiga,2026-06-01,"
        + "2026-06-02,hay=2\n"
        + "F-2,880512300411,,Kaztalov,,Zhalpaktal,crop_invasion,saiga,2026-06-01,2026-06-02,"
        + "crop.wheat=1.5\n")
    let dry = workspace.ok(["complaint", "import", csv, "--dry-run", "--as", "dauren"])
    #expect(dry.out.hasPrefix("dry run: 2 rows checked, 2 would be imported"))
    let none = parseJSON(workspace.ok(["complaint", "list", "--json"]).out) as? [Any]
    #expect(none?.count == 0)
    let first = workspace.ok(["complaint", "import", csv, "--as", "dauren"])
    #expect(
      first.out
        == "field.csv:2  F-1  KAZ-2026-0001  new\nfield.csv:3  F-2  KAZ-2026-0002  new\n"
        + "imported 2 complaints from 2 rows, 1 new claimants\n")
    let before = try workspace.counts()
    let second = workspace.ok(["complaint", "import", csv, "--as", "dauren", "--json"])
    let summary = try #require(parseJSON(second.out) as? [String: Any])
    #expect(summary["created"] as? Int == 0)
    #expect(summary["unchanged"] as? Int == 2)
    #expect(summary["committed"] as? Bool == true)
    #expect(try workspace.counts() == before)
  }

  @Test func skipInvalidNeedsRejects() throws {
    let workspace = Workspace.standard()
    let csv = try workspace.write("field.csv", Self.mixed)
    let before = try workspace.counts()
    for words in [["--skip-invalid"], ["--rejects", workspace.path("rejects.csv")]] {
      let outcome = workspace.run(["complaint", "import", csv, "--as", "dauren"] + words)
      #expect(outcome.code == 2, "\(outcome)")
      #expect(outcome.errLines.last?.hasPrefix("usage: hwc complaint import") == true)
    }
    #expect(try workspace.counts() == before)
    let rejects = workspace.path("rejects.csv")
    let skipped = workspace.ok(
      ["complaint", "import", csv, "--as", "dauren", "--skip-invalid", "--rejects", rejects])
    // Every good row was imported: exit 0 (`ok`), each listed, the rejected ones counted.
    #expect(
      skipped.out
        == "field.csv:2  F-1  KAZ-2026-0001  new\nfield.csv:5  F-4  KAZ-2026-0002  new\n"
        + "imported 2 complaints from 4 rows; 2 rejected, written to \(rejects)\n")
    #expect(skipped.errLines.count == 2)
    #expect(try workspace.counts()["complaint"] == before["complaint"]! + 2)
    let written = try String(contentsOfFile: rejects, encoding: .utf8)
    #expect(written.hasPrefix("line,ref,claimant_id,"))
    #expect(written.split(separator: "\n").count == 3)
  }

  /// A register with one complaint, tampered with through a raw connection as `sqlite3` would.
  static func tamper(_ workspace: Workspace, _ sql: String) throws {
    try Tamper.register(at: workspace.db, sql)
  }

  @Test func auditVerifyPassesOnACleanRegisterAndNamesTheTamperedEntity() throws {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--as", "dauren"]))
    let clean = workspace.ok(["audit", "verify"])
    #expect(clean.err == "")
    #expect(workspace.ok(["check"]).out.contains("audit chain: ok"))
    try Self.tamper(workspace, "UPDATE complaint_item SET quantity_centi = 9900")
    let outcome = workspace.run(["audit", "verify"])
    #expect(outcome.code == 1)
    #expect(outcome.errLines.count == 1)
    #expect(
      outcome.err.hasPrefix("hwc: audit verification failed: complaint:KAZ-2026-0001"),
      "\(outcome)")
    let check = workspace.run(["check"])
    #expect(check.code == 1)
    #expect(check.err.contains("complaint:KAZ-2026-0001"), "\(check)")
  }

  @Test func editingTheLogItselfIsNamedByEntry() throws {
    let workspace = Workspace.standard()
    try Self.tamper(workspace, "UPDATE audit_entry SET action = 'edited' WHERE id = 2")
    let outcome = workspace.run(["audit", "verify", "--json"])
    #expect(outcome.code == 1)
    let json = try #require(parseJSON(outcome.out) as? [String: Any])
    #expect(json["ok"] as? Bool == false)
    #expect((json["problem"] as? String)?.hasPrefix("audit entry #2") == true, "\(outcome)")
  }

  @Test func checkPassesOnACleanRegister() {
    let workspace = Workspace.standard()
    let outcome = workspace.ok(["check"])
    #expect(outcome.err == "")
    #expect(outcome.out.hasPrefix("schema: ok\nintegrity: ok\n"), "\(outcome)")
  }

  @Test func checkAndAuditVerifyNameAGuardTriggerLeftDropped() throws {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--as", "dauren"]))
    try Database(path: workspace.db, create: false).execute(
      "DROP TRIGGER complaint_event_no_delete")
    let named = "trigger complaint_event_no_delete is missing (hwc's migrations create it)"
    let check = workspace.run(["check"])
    #expect(check.code == 1, "\(check)")
    #expect(check.out.hasPrefix("schema: \(named)\nintegrity: ok\n"), "\(check)")
    #expect(check.errLines == ["hwc: check failed: schema: \(named)"])
    let verify = workspace.run(["audit", "verify"])
    #expect(verify.code == 1, "\(verify)")
    #expect(
      verify.errLines == [
        "hwc: audit verification failed: schema: \(named); the records were not compared with the log"
      ])
  }

  @Test func backupWritesANewFileAndRefusesAnExistingOne() throws {
    let workspace = Workspace.standard()
    let copy = workspace.path("copy.sqlite")
    workspace.ok(["backup", copy])
    let listed = workspace.ok(["claimant", "list", "--db", copy])
    #expect(listed.out.contains("Yerlan Bekov"))
    let existing = try workspace.write("keep.txt", "keep me\n")
    let refused = workspace.run(["backup", existing])
    #expect(refused.code == 1)
    #expect(refused.errLines.count == 1)
    #expect(refused.err.hasPrefix("hwc: "))
    #expect(refused.err.contains("\(existing) already exists"), "\(refused)")
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me\n")
  }

  @Test func backupToAnExistingFileNamesTheArgumentNotAnOptionBackupLacks() throws {
    let workspace = Workspace.standard()
    let existing = try workspace.write("keep.txt", "keep me\n")
    let refused = workspace.run(["backup", existing])
    #expect(refused.code == 1)
    // `hwc backup` takes FILE as an argument; it has no --file option to point the user at.
    #expect(!refused.err.contains("--file"), "\(refused)")
    #expect(refused.err.hasPrefix("hwc: FILE: \(existing) already exists"), "\(refused)")
  }
}

/// `hwc audit anchor` and `hwc audit verify --anchor`.
@Suite struct CLIAnchorTests {
  @Test func anAnchorPrintedEarlierIsCheckedByVerify() throws {
    let workspace = Workspace.standard()
    let printed = workspace.ok(["audit", "anchor"]).out
    #expect(printed.hasPrefix("anchor "))
    let anchor = String(printed.dropFirst("anchor ".count).dropLast())
    let json = try #require(
      parseJSON(workspace.ok(["audit", "anchor", "--json"]).out) as? [String: Any])
    #expect(json["anchor"] as? String == anchor)
    let held = workspace.ok(["audit", "verify", "--anchor", anchor])
    #expect(held.out.hasSuffix("; anchor \(anchor) is held\n"))
    // The same entry with another hash: the chain no longer holds what was printed.
    let entry = anchor.split(separator: ":")[0]
    let forged = "\(entry):0000000000000000"
    let refused = workspace.run(["audit", "verify", "--anchor", forged])
    #expect(refused.code == 1)
    #expect(
      refused.errLines.first?.hasPrefix(
        "hwc: audit verification failed: audit entry #\(entry) is now")
        == true)
  }

  @Test(arguments: ["12", "12:xyz", "-3:0123456789abcdef"])
  func aMalformedAnchorIsRefusedNamingTheOption(text: String) {
    let workspace = Workspace.standard()
    let outcome = workspace.run(["audit", "verify", "--anchor", text])
    #expect(outcome.code == 1)
    #expect(outcome.errLines.count == 1)
    #expect(outcome.err.contains("--anchor"), "\(outcome)")
  }
}
