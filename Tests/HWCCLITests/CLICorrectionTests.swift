import Foundation
import HWCCLI
import Testing

/// `hwc complaint correct` and `hwc claimant correct` through the CLI: checked as registration
/// is, old and new values kept in the history with actor and reason, nothing written on refusal.
@Suite struct CLICorrectionTests {
  static let correct = ["complaint", "correct", "KAZ-2026-0001"]

  @Test func aCorrectionKeepsTheOldAndNewValuesInTheComplaintsHistory() throws {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--ref", "KZT-F-1", "--as", "dauren"]))
    let done = workspace.ok(
      Self.correct + [
        "--village", "Akshat", "--item", "sheep_goat.adult=2", "--item", "sheep_goat.young=1",
        "--reported-date", "2026-06-03", "--reason", "typed from the wrong form", "--as", "dauren",
      ])
    #expect(
      done.out == """
        corrected complaint KAZ-2026-0001
          items: sheep_goat.adult=3 -> sheep_goat.adult=2;sheep_goat.young=1
          reported_date: 2026-06-02 -> 2026-06-03
          village: (none) -> Akshat

        """)
    let shown = workspace.ok(["complaint", "show", "KAZ-2026-0001"]).out
    #expect(shown.contains("items       sheep_goat.adult=2, sheep_goat.young=1"))
    #expect(shown.contains("incident    2026-06-01, reported 2026-06-03"))
    #expect(
      shown.contains(
        """
          2026-06-15 14:30 +05  corrected by dauren: typed from the wrong form
              items: sheep_goat.adult=3 -> sheep_goat.adult=2;sheep_goat.young=1
              reported_date: 2026-06-02 -> 2026-06-03
              village: (none) -> Akshat
        """))
    let json = try #require(
      parseJSON(workspace.ok(["complaint", "show", "KAZ-2026-0001", "--json"]).out)
        as? [String: Any])
    #expect(json["status"] as? String == "registered")
    let events = try #require(json["events"] as? [[String: Any]])
    let changes = try #require(events.last?["changes"] as? [[String: Any]])
    #expect(changes.first?["old"] as? String == "sheep_goat.adult=3")
    #expect(events.last?["actor"] as? String == "dauren")
    // The registered items stay as they were; the correction holds the new ones.
    let log = workspace.ok(["audit", "log", "--entity", "complaint:KAZ-2026-0001"]).out
    #expect(log.contains("hwc complaint correct — corrected complaint:KAZ-2026-0001"))
    #expect(log.contains(#""village":[null,"Akshat"]"#))
    #expect(workspace.ok(["audit", "verify"]).code == 0)
    #expect(workspace.ok(["check"]).code == 0)
  }

  @Test func theCorrectedItemsAreWhatTheInspectionIsCheckedAgainstAndFlaggedAgain() throws {
    let workspace = CLIRulesTests().registered()
    // Yerlan declared 20 sheep and goats: 25 claimed is flagged, as at registration.
    workspace.ok(
      Self.correct + ["--item", "sheep_goat.adult=25", "--reason", "25, not 3", "--as", "dauren"])
    let shown = workspace.ok(["complaint", "show", "KAZ-2026-0001"]).out
    #expect(
      shown.contains("flag        above_herd: 25 sheep_goat claimed, 20 declared in the herd"))
    let receipt = workspace.ok(["receipt", "KAZ-2026-0001"]).out
    #expect(receipt.contains("25"))
    workspace.ok([
      "inspect", "KAZ-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=25",
      "--protected", "yes", "--as", "marat",
    ])
    // 25 × 12 MRP × 4,325 KZT = 1,297,500 KZT.
    let assessed = workspace.ok(["assess", "KAZ-2026-0001", "--as", "aliya"])
    #expect(assessed.out.hasPrefix("KAZ-2026-0001: eligible, 1,297,500 KZT"))
  }

  @Test(arguments: [
    (
      ["--item", "pasture.light=3"],
      "hwc: --item: pasture.light is not accepted for livestock_predation"
    ),
    (["--incident-date", "2026-07-01"], "hwc: --incident-date: 2026-07-01 is in the future"),
    (["--reported-date", "2026-05-30"], "hwc: --reported-date: 2026-05-30 is before the incident"),
    (["--species", "tiger"], "hwc: --species: 'tiger' is not a species"),
    (["--type", "hay_loss"], "hwc: --item: sheep_goat.adult is not accepted for hay_loss"),
    (["--conservancy", "Shamshy"], "hwc: --conservancy: Shamshy is in Chuy, not in Kaztalov"),
    (["--village", "Zhalpaktal", "--item", "sheep_goat.adult=3"], "hwc: nothing to correct"),
    (["--ref", "KZT-F-2"], "hwc: --ref: 'KZT-F-2' is already complaint KAZ-2026-0002"),
  ])
  func anInvalidCorrectionIsRefusedAsRegistrationWouldBeAndWritesNothing(
    options: [String], message: String
  ) throws {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--village", "Zhalpaktal", "--as", "dauren"]))
    workspace.ok(Workspace.register(["--ref", "KZT-F-2", "--as", "dauren"]))
    let before = try workspace.correctionCounts()
    let refused = workspace.run(Self.correct + options + ["--reason", "typo", "--as", "dauren"])
    #expect(refused.code == 1)
    #expect(refused.errLines.count == 1)
    #expect(refused.err.hasPrefix(message), "\(refused)")
    #expect(try workspace.correctionCounts() == before)
  }

  @Test func afterAnInspectionTheWayIsAnAppealAndOnlyTheDistrictsOfficerCorrects() throws {
    let workspace = CLIRulesTests().registered()
    let before = try workspace.correctionCounts()
    let foreign = workspace.run(
      Self.correct + ["--village", "Akshat", "--reason", "typo", "--as", "saule"])
    #expect(foreign.code == 1)
    #expect(foreign.err.hasPrefix("hwc: saule may not correct complaints in Kaztalov"))
    workspace.ok([
      "inspect", "KAZ-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=3",
      "--protected", "yes", "--as", "marat",
    ])
    let counted = try workspace.correctionCounts()
    #expect(counted["correction"] == before["correction"])
    let inspected = workspace.run(
      Self.correct + ["--village", "Akshat", "--reason", "typo", "--as", "dauren"])
    #expect(inspected.code == 1)
    #expect(
      inspected.err
        == "hwc: KAZ-2026-0001 is inspected: its details are corrected only before an "
        + "inspection; after one, the way is an appeal (hwc appeal KAZ-2026-0001 --reason T, "
        + "once it is decided), which reopens it for correction and a new inspection\n")
    #expect(try workspace.correctionCounts() == counted)
    // Assessed, then appealed: reopened, it may be corrected again.
    workspace.ok(["assess", "KAZ-2026-0001", "--as", "aliya"])
    workspace.ok(["appeal", "KAZ-2026-0001", "--reason", "4 sheep, not 3", "--as", "dauren"])
    workspace.ok(
      Self.correct + ["--item", "sheep_goat.adult=4", "--reason", "4 sheep", "--as", "dauren"])
    #expect(workspace.status("KAZ-2026-0001") == "appealed")
  }

  @Test func aFieldFormImportedAgainAfterACorrectionIsStillTheSameComplaint() throws {
    let workspace = Workspace.standard()
    let csv = try workspace.write(
      "field.csv",
      Workspace.csvHeader
        + "F-1,\(Workspace.yerlan),,Kaztalov,,,livestock_predation,wolf,2026-06-01,2026-06-02,"
        + "sheep_goat.adult=3\n")
    workspace.ok(["complaint", "import", csv, "--as", "dauren"])
    workspace.ok(
      Self.correct + [
        "--ref", "F-1/A", "--village", "Akshat", "--item", "sheep_goat.adult=2", "--reason",
        "form re-numbered", "--as", "dauren",
      ])
    let before = try workspace.correctionCounts()
    let again = workspace.ok(["complaint", "import", csv, "--as", "dauren"])
    #expect(
      again.out
        == "field.csv:2  F-1  KAZ-2026-0001  already registered\n"
        + "imported 0 complaints from 1 rows, 1 already registered (unchanged)\n")
    #expect(try workspace.correctionCounts() == before)
    // The same old reference with other details is refused, never a second complaint.
    let other = try workspace.write(
      "other.csv",
      Workspace.csvHeader
        + "F-1,\(Workspace.yerlan),,Kaztalov,,,livestock_predation,wolf,2026-06-01,2026-06-02,"
        + "sheep_goat.adult=9\n")
    let refused = workspace.run(["complaint", "import", other, "--as", "dauren"])
    #expect(refused.code == 1)
    #expect(refused.err.contains("'F-1' is already complaint KAZ-2026-0001"))
    #expect(try workspace.correctionCounts() == before)
  }

  @Test func aClaimantsCorrectionKeepsTheOldValuesAndClaimantShowListsThem() throws {
    let workspace = Workspace.standard()
    let done = workspace.ok([
      "claimant", "correct", Workspace.yerlan, "--name", "Yerlan Bekuly", "--village", "Akshat",
      "--herd", "sheep_goat=240", "--herd", "cattle=18", "--reason", "as on the ID card",
      "--as", "dauren",
    ])
    #expect(
      done.out == """
        corrected claimant Yerlan Bekuly (88********11)
          herd: sheep_goat=20 -> cattle=18, sheep_goat=240
          name: Yerlan Bekov -> Yerlan Bekuly
          village: Zhalpaktal -> Akshat

        """)
    let shown = workspace.ok(["claimant", "show", Workspace.yerlan]).out
    #expect(shown.contains("claimant     Yerlan Bekuly"))
    #expect(shown.contains("herd         cattle=18, sheep_goat=240"))
    #expect(
      shown.contains(
        """
        corrected    2026-06-15 14:30 +05 by dauren: as on the ID card
                       herd: sheep_goat=20 -> cattle=18, sheep_goat=240
                       name: Yerlan Bekov -> Yerlan Bekuly
                       village: Zhalpaktal -> Akshat
        """))
    let json = try #require(
      parseJSON(workspace.ok(["claimant", "show", Workspace.yerlan, "--json"]).out)
        as? [String: Any])
    let corrections = try #require(json["corrections"] as? [[String: Any]])
    #expect(corrections.first?["reason"] as? String == "as on the ID card")
    // A herd given again replaces it: a class left out is declared with 0 heads.
    workspace.ok([
      "claimant", "correct", Workspace.yerlan, "--herd", "sheep_goat=200", "--reason", "recount",
      "--as", "dauren",
    ])
    #expect(
      workspace.ok(["claimant", "show", Workspace.yerlan]).out.contains(
        "herd         cattle=0, sheep_goat=200"))
    #expect(workspace.ok(["audit", "verify"]).code == 0)
  }

  @Test(arguments: [
    (["--herd", "sheep=3"], "dauren", "hwc: --herd: 'sheep=3' is not CLASS=HEADS"),
    (["--name", " "], "dauren", "hwc: --name: is required"),
    (
      ["--district", "Chuy"], "dauren",
      "hwc: --district: Chuy is a KG district and the claimant's national ID is of KZ"
    ),
    (["--name", "Yerlan Bekov"], "dauren", "hwc: nothing to correct"),
    (["--district", "Zhanibek"], "dauren", "hwc: dauren may not move claimants in Zhanibek"),
    (["--name", "Yerlan Bekuly"], "saule", "hwc: saule may not correct claimants in Kaztalov"),
  ])
  func anInvalidClaimantCorrectionIsRefusedAndWritesNothing(
    options: [String], actor: String, message: String
  ) throws {
    let workspace = Workspace.standard()
    let before = try workspace.correctionCounts()
    let refused = workspace.run(
      ["claimant", "correct", Workspace.yerlan] + options + ["--reason", "typo", "--as", actor])
    #expect(refused.code == 1)
    #expect(refused.errLines.count == 1)
    #expect(refused.err.hasPrefix(message), "\(refused)")
    #expect(!refused.err.contains(Workspace.yerlan))
    #expect(try workspace.correctionCounts() == before)
  }
}
