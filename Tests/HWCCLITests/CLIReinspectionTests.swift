import Foundation
import HWCCLI
import HWCStore
import HWCTestSupport
import Testing

/// `hwc reinspect`, `hwc audit draws` and the approval gate through the CLI.
@Suite struct CLIReinspectionTests {
  /// The standard register with two Kaztalov inspectors, two commissioners and a treasurer,
  /// every draw sampled (reinspect_rate 1 from 2026), and Yerlan's wolf complaint inspected by
  /// Marat and assessed at 155,700 KZT. Everything happens on one day of one week, so the draw
  /// uses the genesis seed.
  func selected() -> Workspace {
    let workspace = Workspace.standard()
    for (name, role) in [
      ("marat", "inspector@Kaztalov"), ("olzhas", "inspector@Kaztalov"),
      ("aliya", "committee@Kaztalov"), ("bolat", "committee@Kaztalov"),
      ("tolkyn", "treasurer@Kaztalov"),
    ] {
      workspace.ok(["user", "add", name, "--role", role, "--as", "admin"])
    }
    workspace.ok([
      "policy", "set", "--scheme", "kz-state", "--key", "reinspect_rate", "--value", "1",
      "--from", "2026-01-01", "--retroactive", "--reason", "every draw sampled", "--as", "admin",
    ])
    workspace.ok([
      "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "500000",
      "--as", "tolkyn",
    ])
    workspace.ok(Workspace.register(["--as", "dauren"]))
    workspace.ok([
      "inspect", "KAZ-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=3",
      "--protected", "yes", "--as", "marat",
    ])
    return workspace
  }

  @Test func aSelectedComplaintIsReinspectedByAnotherInspectorBeforeItIsApproved() throws {
    let workspace = selected()
    let assess = workspace.ok(["assess", "KAZ-2026-0001", "--as", "dauren"])
    #expect(
      assess.out.contains(
        "re-inspection required: it was selected for re-inspection (draw of 2026-06-15, seed "
          + "entry 0:0000000000000000…); pending (hwc reinspect)"))
    let draws = workspace.ok(["audit", "draws", "--pending"])
    #expect(draws.out.contains("KAZ-2026-0001 assessed 2026-06-15 seed 0:0000000000000000 score "))
    #expect(draws.out.contains("rate 1.00 sampled; required: PENDING"))
    #expect(draws.out.hasSuffix("1 draws, 1 sampled, 0 above threshold, 0 honoured, 1 pending\n"))

    let before = try workspace.counts()
    let refused = workspace.run(["approve", "KAZ-2026-0001", "--as", "aliya"])
    #expect(refused.code == 1)
    #expect(
      refused.err.contains(
        "KAZ-2026-0001 was selected for re-inspection (draw of 2026-06-15, seed entry "
          + "0:0000000000000000…) and has none by another inspector: record one with hwc reinspect"
      ))
    #expect(try workspace.counts() == before)

    let same = workspace.run([
      "reinspect", "KAZ-2026-0001", "--date", "2026-06-10", "--item", "sheep_goat.adult=2",
      "--protected", "yes", "--as", "marat",
    ])
    #expect(same.code == 1)
    #expect(same.err.contains("marat recorded the inspection KAZ-2026-0001 was assessed with"))
    #expect(try workspace.counts() == before)

    let lower = workspace.ok([
      "reinspect", "KAZ-2026-0001", "--date", "2026-06-10", "--item", "sheep_goat.adult=2",
      "--protected", "yes", "--finding", "one carcass was a neighbour's", "--as", "olzhas",
    ])
    #expect(
      lower.out.hasSuffix(
        "of KAZ-2026-0001: it found less; re-assessed 155,700 KZT → 103,800 KZT\n"))
    let show = workspace.ok(["complaint", "show", "KAZ-2026-0001"])
    #expect(
      show.out.contains(
        "reinspect   honoured: re-inspected 2026-06-10 by olzhas, 155,700 KZT → 103,800 KZT"))
    let json = workspace.ok(["audit", "draws", "--json"])
    let summary = try #require(
      (parseJSON(json.out) as? [String: Any])?["summary"] as? [String: Any])
    #expect(summary["draws"] as? Int == 2)
    #expect(summary["honoured"] as? Int == 2)
    #expect(summary["pending"] as? Int == 0)

    workspace.ok(["approve", "KAZ-2026-0001", "--as", "aliya"])
    let approved = workspace.ok(["approve", "KAZ-2026-0001", "--as", "bolat", "--json"])
    #expect((parseJSON(approved.out) as? [String: Any])?["amount_minor"] as? Int == 10_380_000)
  }

  @Test func auditDrawsRefusesAnUnknownDistrictAndABadDate() {
    let workspace = selected()
    let district = workspace.run(["audit", "draws", "--district", "Atlantis"])
    #expect(district.code == 1)
    #expect(district.err.contains("'Atlantis' is not a district"))
    let date = workspace.run(["audit", "draws", "--from", "2026-13-01"])
    #expect(date.code == 1)
    #expect(date.err.contains("--from"))
  }
}
