import Foundation
import HWCCLI
import Testing

/// `hwc inspect`, `assess`, `emergency`, `incident`, `herd`, `policy` through the CLI.
@Suite struct CLIRulesTests {
  /// The standard register with an inspector and a committee member, and one wolf complaint.
  func registered() -> Workspace {
    let workspace = Workspace.standard()
    workspace.ok(["user", "add", "marat", "--role", "inspector@Kaztalov", "--as", "admin"])
    workspace.ok(["user", "add", "aliya", "--role", "committee@Kaztalov", "--as", "admin"])
    workspace.ok([
      "complaint", "register", "--claimant", Workspace.yerlan, "--district", "Kaztalov",
      "--type", "livestock_predation", "--species", "wolf", "--incident-date", "2026-06-01",
      "--reported-date", "2026-06-02", "--item", "sheep_goat.adult=3", "--as", "dauren",
    ])
    return workspace
  }

  @Test func inspectThenAssessPrintsTheAmountAndTheExplanation() throws {
    let workspace = registered()
    workspace.ok([
      "inspect", "KAZ-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=3",
      "--protected", "yes", "--as", "marat",
    ])
    let assessed = workspace.ok(["assess", "KAZ-2026-0001", "--explain", "--as", "aliya"])
    #expect(assessed.out.hasPrefix("KAZ-2026-0001: eligible, 155,700 KZT (kz-state"))
    #expect(
      assessed.out.contains(
        "3 × sheep_goat.adult × 12 MRP × 4,325 KZT (MRP from 2026-01-01) = 155,700 KZT"))
    // Printing again reads the stored assessment; it needs no actor and writes nothing.
    let again = workspace.ok(["assess", "KAZ-2026-0001", "--json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(again.out.utf8)) as? [String: Any])
    #expect(json["amount_minor"] as? Int == 15_570_000)
    #expect(json["outcome"] as? String == "eligible")
    #expect(json["policy_date"] as? String == "2026-06-01")
    #expect((json["lines"] as? [[String: Any]])?.first?["item"] as? String == "sheep_goat.adult")
  }

  @Test func assessingAnUninspectedComplaintIsRefusedWithExitOne() {
    let workspace = registered()
    let refused = workspace.run(["assess", "KAZ-2026-0001", "--as", "aliya"])
    #expect(refused.code == 1)
    #expect(refused.errLines.count == 1)
    #expect(refused.err.contains("record an inspection first"))
  }

  @Test func pendingAssessesWhatTheActorMayAndExitsZeroLeavingOtherPlacesForTheirStaff() throws {
    let workspace = registered()
    workspace.ok(["user", "add", "erlan", "--role", "inspector@Zhanibek", "--as", "admin"])
    workspace.ok([
      "claimant", "add", "--name", "Gulnara Sarsenova", "--id", Workspace.gulnara, "--district",
      "Zhanibek", "--as", "saule",
    ])
    workspace.ok([
      "complaint", "register", "--claimant", Workspace.gulnara, "--district", "Zhanibek",
      "--type", "livestock_predation", "--species", "wolf", "--incident-date", "2026-06-01",
      "--reported-date", "2026-06-02", "--item", "sheep_goat.adult=2", "--as", "saule",
    ])
    workspace.ok([
      "inspect", "KAZ-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=3",
      "--protected", "yes", "--as", "marat",
    ])
    workspace.ok([
      "inspect", "ZHA-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=2",
      "--protected", "yes", "--as", "erlan",
    ])
    // marat inspects in Kaztalov only: he assesses its complaint and leaves Zhanibek's.
    let pending = workspace.run(["assess", "--pending", "--as", "marat"])
    #expect(pending.code == 0, "\(pending)")
    #expect(pending.err == "")
    #expect(
      pending.out
        == "assessed 1 complaints: 1 eligible, 0 ineligible\n"
        + "skipped 1 complaints of Zhanibek: not your district\n")
    let json = workspace.ok(["complaint", "show", "ZHA-2026-0001", "--json"]).out
    #expect(json.contains(#""status":"inspected""#) || json.contains(#""status": "inspected""#))
  }

  @Test func assessTakesAnIdOrPendingButNotBoth() {
    let workspace = registered()
    #expect(workspace.run(["assess", "--as", "aliya"]).code == 2)
    #expect(workspace.run(["assess", "KAZ-2026-0001", "--pending", "--as", "aliya"]).code == 2)
  }

  @Test func inspectRefusalsNameTheOption() {
    let workspace = registered()
    let refused = workspace.run([
      "inspect", "KAZ-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=3",
      "--protected", "perhaps", "--as", "marat",
    ])
    #expect(refused.code == 1)
    #expect(refused.err == "hwc: --protected: 'perhaps' is not yes or no\n")
    let missing = workspace.run([
      "inspect", "KAZ-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=3",
      "--as", "marat",
    ])
    #expect(missing.code == 2)
    #expect(missing.err.contains("missing '--protected"))
  }

  @Test func aSaigaComplaintIsPaidOnlyUnderAnEmergency() {
    let workspace = registered()
    workspace.ok([
      "complaint", "register", "--claimant", Workspace.yerlan, "--district", "Kaztalov",
      "--type", "pasture_trampling", "--species", "saiga", "--incident-date", "2026-04-14",
      "--reported-date", "2026-04-16", "--item", "pasture.moderate=10", "--as", "dauren",
    ])
    workspace.ok([
      "emergency", "declare", "--district", "Kaztalov", "--from", "2026-04-14", "--to",
      "2026-05-31", "--decree", "WKO-117", "--as", "admin",
    ])
    workspace.ok([
      "inspect", "KAZ-2026-0002", "--date", "2026-04-18", "--item", "pasture.moderate=10",
      "--protected", "yes", "--as", "marat",
    ])
    let assessed = workspace.ok(["assess", "KAZ-2026-0002", "--as", "aliya"])
    // 10 ha × 0.5 MRP × 4,325 KZT = 21,625 KZT.
    #expect(assessed.out.hasPrefix("KAZ-2026-0002: eligible, 21,625 KZT"))
  }

  @Test func policyShowSetAndCheck() throws {
    let workspace = Workspace.standard()
    let shown = workspace.ok([
      "policy", "show", "--scheme", "kz-state", "--on", "2025-06-01", "--json",
    ])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any])
    let values = try #require(json["values"] as? [[String: Any]])
    let mrp = values.first { $0["key"] as? String == "mrp" }
    #expect(mrp?["value"] as? String == "3932")
    #expect(mrp?["effective_from"] as? String == "2025-01-01")

    workspace.ok([
      "policy", "set", "--scheme", "kz-state", "--key", "mrp", "--value", "4500", "--from",
      "2027-01-01", "--as", "admin",
    ])
    let rewrite = workspace.run([
      "policy", "set", "--scheme", "kz-state", "--key", "mrp", "--value", "1", "--from",
      "2026-01-01", "--as", "admin",
    ])
    #expect(rewrite.code == 1)
    #expect(rewrite.err.hasPrefix("hwc: --from: mrp already has a value from 2027-01-01"))
    let notAdmin = workspace.run([
      "policy", "set", "--scheme", "kz-state", "--key", "mrp", "--value", "4600", "--from",
      "2028-01-01", "--as", "dauren",
    ])
    #expect(notAdmin.code == 1)
    let check = workspace.ok(["policy", "check"])
    // Every item has a rate: kz-state's yak rates are seeded (SPEC §5.1, migration 0010).
    #expect(check.out.contains("kz-state rate.hay: not reviewed for over a year"))
    #expect(!check.out.contains("no value at all"))
  }

  @Test func herdInsureAndIncidentRecordThroughTheCLI() {
    let workspace = Workspace.standard()
    workspace.ok([
      "claimant", "add", "--name", "Asel", "--id", Workspace.asel, "--district", "Chuy",
      "--conservancy", "Shamshy", "--as", "bakyt",
    ])
    let insured = workspace.ok([
      "herd", "insure", "--claimant", Workspace.asel, "--season", "2026", "--class", "yak",
      "--heads", "3", "--as", "bakyt",
    ])
    #expect(insured.out == "insured: record #1, premium due 1,500 KGS\n")
    workspace.ok([
      "incident", "record", "--conservancy", "Shamshy", "--kind", "retaliatory_killing",
      "--date", "2026-03-01", "--as", "bakyt",
    ])
    let wrongKind = workspace.run([
      "incident", "record", "--conservancy", "Shamshy", "--kind", "accident", "--date",
      "2026-03-01", "--as", "bakyt",
    ])
    #expect(wrongKind.code == 1)
    #expect(wrongKind.err.hasPrefix("hwc: --kind: 'accident' is not poaching"))
    workspace.ok(["audit", "verify"])
  }
}
