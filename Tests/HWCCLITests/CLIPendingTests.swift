import Foundation
import Testing

/// `hwc assess --pending` goes on past a complaint it cannot assess, and says why.
@Suite struct CLIPendingTests {
  @Test func aMissingRateBlocksOnlyItsOwnComplaintAndIsNamed() throws {
    let workspace = Workspace.standard()
    workspace.ok(["user", "add", "marat", "--role", "inspector@Kaztalov", "--as", "admin"])
    workspace.ok(["user", "add", "aliya", "--role", "committee@Kaztalov", "--as", "admin"])
    // Policy values are in force from 2023-01-01: an incident of 2022 has no rate.
    for (incident, reported) in [("2022-12-20", "2022-12-21"), ("2026-06-01", "2026-06-02")] {
      workspace.ok([
        "complaint", "register", "--claimant", Workspace.yerlan, "--district", "Kaztalov",
        "--type", "livestock_predation", "--species", "wolf", "--incident-date", incident,
        "--reported-date", reported, "--item", "sheep_goat.adult=3", "--as", "dauren",
      ])
    }
    for code in ["KAZ-2022-0001", "KAZ-2026-0001"] {
      workspace.ok([
        "inspect", code, "--date", "2026-06-03", "--item", "sheep_goat.adult=3", "--protected",
        "yes", "--as", "marat",
      ])
    }
    let pending = workspace.run(["assess", "--pending", "--as", "aliya"])
    #expect(pending.code == 1)
    #expect(
      pending.out == "assessed 1 complaints: 1 eligible, 0 ineligible; 1 could not be assessed\n")
    #expect(
      pending.err
        == "hwc: KAZ-2022-0001: policy kz-state has no value for "
        + "'deadline_days.livestock_predation' in force on 2022-12-20\n")
    func status(_ code: String) throws -> String? {
      let shown = workspace.ok(["complaint", "show", code, "--json"]).out
      return try #require(parseJSON(shown) as? [String: Any])["status"] as? String
    }
    #expect(try status("KAZ-2022-0001") == "inspected")
    #expect(try status("KAZ-2026-0001") == "assessed")
  }
}
