import Foundation
import HWCCLI
import Testing

/// `hwc emergency revoke|correct|list` and overlapping declarations through the CLI.
@Suite struct CLIEmergencyCorrectionTests {
  /// The rules workspace with Kaztalov's emergency #1 (2026-04-01 to 2026-05-31) and a saiga
  /// complaint of 2026-04-14 (KAZ-2026-0002), inspected.
  func saiga() -> Workspace {
    let workspace = CLIRulesTests().registered()
    workspace.ok([
      "emergency", "declare", "--district", "Kaztalov", "--from", "2026-04-01", "--to",
      "2026-05-31", "--decree", "WKO-117", "--as", "admin",
    ])
    workspace.ok([
      "complaint", "register", "--claimant", Workspace.yerlan, "--district", "Kaztalov",
      "--type", "pasture_trampling", "--species", "saiga", "--incident-date", "2026-04-14",
      "--reported-date", "2026-04-16", "--item", "pasture.moderate=10", "--as", "dauren",
    ])
    workspace.ok([
      "inspect", "KAZ-2026-0002", "--date", "2026-04-18", "--item", "pasture.moderate=10",
      "--protected", "yes", "--as", "marat",
    ])
    return workspace
  }

  @Test func anOverlappingEmergencyInTheSameDistrictIsRefusedNamingTheOther() throws {
    let workspace = saiga()
    let before = try workspace.correctionCounts()
    let refused = workspace.run([
      "emergency", "declare", "--district", "Kaztalov", "--from", "2026-05-31", "--to",
      "2026-06-30", "--decree", "WKO-131", "--as", "admin",
    ])
    #expect(refused.code == 1)
    #expect(
      refused.err
        == "hwc: --from: 2026-05-31 to 2026-06-30 overlaps emergency #1 (decree WKO-117, "
        + "Kaztalov, 2026-04-01 to 2026-05-31); correct that one (hwc emergency correct 1) "
        + "instead of declaring another\n")
    #expect(try workspace.correctionCounts() == before)
    // The next day, or another district, is no overlap.
    workspace.ok([
      "emergency", "declare", "--district", "Kaztalov", "--from", "2026-06-01", "--to",
      "2026-06-30", "--decree", "WKO-131", "--as", "admin",
    ])
    workspace.ok([
      "emergency", "declare", "--district", "Zhanibek", "--from", "2026-04-01", "--to",
      "2026-05-31", "--decree", "WKO-140", "--as", "admin",
    ])
  }

  @Test func aRevokedEmergencyNoLongerMakesSaigaDamagePayable() throws {
    let workspace = saiga()
    let revoked = workspace.ok([
      "emergency", "revoke", "1", "--reason", "declared for the wrong district", "--as", "admin",
    ])
    #expect(
      revoked.out
        == "revoked emergency #1 (decree WKO-117, Kaztalov, 2026-04-01 to 2026-05-31)\n")
    let assessed = workspace.ok(["assess", "KAZ-2026-0002", "--as", "aliya"])
    #expect(assessed.out.hasPrefix("KAZ-2026-0002: ineligible"), "\(assessed)")
    let listed = workspace.ok(["emergency", "list"]).out
    #expect(listed.contains("revoked"))
    #expect(
      listed.contains("revoked 2026-06-15 14:30 +05 by admin: declared for the wrong district"))
    // A revoked emergency leaves its window free for a new declaration.
    workspace.ok([
      "emergency", "declare", "--district", "Kaztalov", "--from", "2026-04-10", "--to",
      "2026-04-20", "--decree", "WKO-118", "--as", "admin",
    ])
    let again = workspace.run(["emergency", "revoke", "#1", "--reason", "x", "--as", "admin"])
    #expect(again.code == 1)
    #expect(again.err.hasSuffix("is already revoked\n"))
    #expect(workspace.ok(["audit", "verify"]).code == 0)
  }

  @Test func anEmergencyAnAssessmentUsedIsRefusedNamingTheComplaintsAndTheWay() throws {
    let workspace = saiga()
    // 10 ha × 0.5 MRP × 4,325 KZT = 21,625 KZT, under emergency #1.
    let assessed = workspace.ok(["assess", "KAZ-2026-0002", "--as", "aliya"])
    #expect(assessed.out.hasPrefix("KAZ-2026-0002: eligible, 21,625 KZT"))
    let before = try workspace.correctionCounts()
    let revoke = workspace.run(["emergency", "revoke", "1", "--reason", "wrong", "--as", "admin"])
    #expect(revoke.code == 1)
    #expect(
      revoke.err
        == "hwc: emergency #1 (decree WKO-117, Kaztalov, 2026-04-01 to 2026-05-31) cannot be "
        + "revoked: the assessments of KAZ-2026-0002 used it; appeal those complaints first (hwc "
        + "appeal ID --reason T), so that they are assessed again after the change, then revoke "
        + "it\n")
    let correct = workspace.run([
      "emergency", "correct", "1", "--from", "2026-04-20", "--reason", "wrong", "--as", "admin",
    ])
    #expect(correct.code == 1)
    #expect(correct.err.contains("cannot be corrected: the assessments of KAZ-2026-0002 used it"))
    #expect(try workspace.correctionCounts() == before)
    // Appealed, the complaint no longer stands on it: the window is corrected.
    workspace.ok(["appeal", "KAZ-2026-0002", "--reason", "emergency window", "--as", "dauren"])
    let done = workspace.ok([
      "emergency", "correct", "1", "--from", "2026-04-20", "--decree", "WKO-117/2",
      "--reason", "the decree's window starts on 20 April", "--as", "admin",
    ])
    #expect(
      done.out == """
        corrected emergency #1 (decree WKO-117/2, Kaztalov, 2026-04-20 to 2026-05-31)
          decree: WKO-117 -> WKO-117/2
          from: 2026-04-01 -> 2026-04-20

        """)
    let listed = workspace.ok(["emergency", "list"]).out
    #expect(listed.contains("from: 2026-04-01 -> 2026-04-20"))
    let log = workspace.ok(["audit", "log", "--entity", "emergency:1"]).out
    #expect(log.contains(#""from_date":["2026-04-01","2026-04-20"]"#))
    // Re-inspected and re-assessed, the incident of 14 April is no longer covered.
    workspace.ok([
      "inspect", "KAZ-2026-0002", "--date", "2026-04-18", "--item", "pasture.moderate=10",
      "--protected", "yes", "--as", "marat",
    ])
    let reassessed = workspace.ok(["assess", "KAZ-2026-0002", "--as", "aliya"])
    #expect(reassessed.out.hasPrefix("KAZ-2026-0002: ineligible"))
  }

  @Test func correctionRefusalsNameTheFieldAndWriteNothing() throws {
    let workspace = saiga()
    workspace.ok([
      "emergency", "declare", "--district", "Kaztalov", "--from", "2026-06-01", "--to",
      "2026-06-30", "--decree", "WKO-131", "--as", "admin",
    ])
    let before = try workspace.correctionCounts()
    for (words, message) in [
      (["--to", "2026-06-05"], "hwc: --from: 2026-04-01 to 2026-06-05 overlaps emergency #2"),
      (["--to", "2026-03-01"], "hwc: --to: 2026-03-01 is before --from 2026-04-01"),
      (["--from", "2026-02-30"], "hwc: --from: 2026-02-30 is not a date"),
      (["--decree", "WKO-117"], "hwc: nothing to correct"),
    ] {
      let refused = workspace.run(
        ["emergency", "correct", "1"] + words + ["--reason", "x", "--as", "admin"])
      #expect(refused.code == 1)
      #expect(refused.err.hasPrefix(message), "\(refused)")
    }
    let unknown = workspace.run(["emergency", "revoke", "9", "--reason", "x", "--as", "admin"])
    #expect(unknown.err.hasPrefix("hwc: there is no emergency 9"))
    let officer = workspace.run(["emergency", "revoke", "1", "--reason", "x", "--as", "dauren"])
    #expect(officer.err.hasPrefix("hwc: dauren may not revoke emergencies"))
    #expect(try workspace.correctionCounts() == before)
  }
}
