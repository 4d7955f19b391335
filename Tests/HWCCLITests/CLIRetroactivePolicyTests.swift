import Foundation
import HWCCLI
import Testing

/// `hwc policy set --retroactive` (SPEC §5) and the yak rates of kz-state (SPEC §5.1) through
/// the CLI.
@Suite struct CLIRetroactivePolicyTests {
  static let mrp = [
    "policy", "set", "--scheme", "kz-state", "--key", "mrp", "--value", "4500", "--from",
    "2026-03-01",
  ]

  @Test func aValueFromBeforeTodayIsRefusedWithoutRetroactiveAndAReason() throws {
    let workspace = Workspace.standard()
    let before = try workspace.correctionCounts()
    let refused = workspace.run(Self.mrp + ["--as", "admin"])
    #expect(refused.code == 1)
    #expect(
      refused.err
        == "hwc: --from: 2026-03-01 is before today (2026-06-15): a retroactive change needs "
        + "--retroactive --reason T, changes no stored assessment, and lists the assessments it "
        + "makes out of date\n")
    let alone = workspace.run(Self.mrp + ["--retroactive", "--as", "admin"])
    #expect(alone.code == 2)
    #expect(alone.err.hasPrefix("hwc: --retroactive and --reason T go together"))
    let future = workspace.run([
      "policy", "set", "--scheme", "kz-state", "--key", "mrp", "--value", "4500", "--from",
      "2027-01-01", "--retroactive", "--reason", "x", "--as", "admin",
    ])
    #expect(future.code == 1)
    #expect(future.err.hasPrefix("hwc: --from: 2027-01-01 is not before today (2026-06-15)"))
    #expect(try workspace.correctionCounts() == before)
  }

  @Test func aRetroactiveValueListsTheAssessmentsItMakesOutOfDateAndChangesNone() throws {
    let money = CLIMoneyTests()
    let workspace = money.assessed()
    // A second complaint, of February: before the new value, so not out of date.
    workspace.ok(
      Workspace.register().map { $0 == "2026-06-01" ? "2026-02-03" : $0 }
        .map { $0 == "2026-06-02" ? "2026-02-04" : $0 } + ["--as", "dauren"])
    workspace.ok([
      "inspect", "KAZ-2026-0002", "--date", "2026-02-05", "--item", "sheep_goat.adult=3",
      "--protected", "yes", "--as", "marat",
    ])
    workspace.ok(["assess", "KAZ-2026-0002", "--as", "aliya"])
    let before = workspace.ok(["assess", "KAZ-2026-0001", "--json"]).out
    let done = workspace.ok(
      Self.mrp + ["--retroactive", "--reason", "the budget law of 2026-02-20", "--as", "admin"])
    #expect(
      done.out == """
        kz-state mrp = 4500 from 2026-03-01 (retroactive); no stored assessment was changed
        1 assessment(s) out of date; approving them needs a re-assessment (hwc assess ID):
          KAZ-2026-0001  assessed  155,700 KZT  mrp: 4325 (from 2026-01-01) -> 4500 (from 2026-03-01)

        """)
    #expect(workspace.ok(["assess", "KAZ-2026-0001", "--json"]).out == before)
    let log = workspace.ok(["audit", "log", "--actor", "admin", "--limit", "2"]).out
    #expect(log.contains("hwc policy set — create correction:1"))
    #expect(workspace.ok(["audit", "verify"]).code == 0)
  }

  @Test func approvingAnOutOfDateAssessmentIsRefusedUntilItIsAssessedAgain() throws {
    let money = CLIMoneyTests()
    let workspace = Workspace.approved(approvals: 1)
    workspace.ok(Self.mrp + ["--retroactive", "--reason", "budget law", "--as", "admin"])
    let before = try workspace.correctionCounts()
    let refused = workspace.run(["approve", "KAZ-2026-0001", "--as", "bolat"])
    #expect(refused.code == 1)
    #expect(
      refused.err
        == "hwc: the assessment of KAZ-2026-0001 is out of date: a retroactive policy change "
        + "made mrp: 4325 (from 2026-01-01) -> 4500 (from 2026-03-01) on its policy date; "
        + "re-assess it with 'hwc assess KAZ-2026-0001' before it is approved\n")
    #expect(try workspace.correctionCounts() == before)
    // 3 × 12 MRP × 4,500 KZT = 162,000 KZT; the new assessment needs two new approvals.
    let again = workspace.ok(["assess", "KAZ-2026-0001", "--as", "dauren"])
    #expect(again.out.hasPrefix("KAZ-2026-0001: eligible, 162,000 KZT"), "\(again)")
    let first = try money.object(
      workspace.ok(["approve", "KAZ-2026-0001", "--as", "bolat", "--json"]))
    #expect(first["status"] as? String == "assessed")
    let second = try money.object(
      workspace.ok(["approve", "KAZ-2026-0001", "--as", "aliya", "--json"]))
    #expect(money.integer(second["amount_minor"]) == 16_200_000)
    // An assessment that is not out of date is printed, not made again.
    let counted = try workspace.correctionCounts()
    workspace.ok(["assess", "KAZ-2026-0001", "--as", "dauren"])
    #expect(try workspace.correctionCounts() == counted)
  }

  @Test func aYakComplaintInAKazakhDistrictIsAssessedWithTheSeededYakRates() throws {
    let workspace = CLIRulesTests().registered()
    workspace.ok([
      "complaint", "register", "--claimant", Workspace.yerlan, "--district", "Kaztalov",
      "--type", "livestock_predation", "--species", "wolf", "--incident-date", "2026-06-10",
      "--reported-date", "2026-06-11", "--item", "yak.adult=2", "--item", "yak.young=1",
      "--as", "dauren",
    ])
    workspace.ok([
      "inspect", "KAZ-2026-0002", "--date", "2026-06-12", "--item", "yak.adult=2", "--item",
      "yak.young=1", "--protected", "yes", "--as", "marat",
    ])
    // 2 × 70 MRP × 4,325 KZT = 605,500 KZT; 1 × 25 MRP × 4,325 KZT = 108,125 KZT; 713,625 KZT.
    let assessed = workspace.ok(["assess", "KAZ-2026-0002", "--explain", "--as", "aliya"])
    #expect(assessed.out.hasPrefix("KAZ-2026-0002: eligible, 713,625 KZT"), "\(assessed)")
    #expect(
      assessed.out.contains(
        "2 × yak.adult × 70 MRP × 4,325 KZT (MRP from 2026-01-01) = 605,500 KZT"))
    #expect(
      assessed.out.contains(
        "1 × yak.young × 25 MRP × 4,325 KZT (MRP from 2026-01-01) = 108,125 KZT"))
    // Seeded from 2023-01-01, as every other kz-state rate, so earlier incidents are covered.
    let shown = workspace.ok(["policy", "show", "--scheme", "kz-state", "--on", "2023-01-01"]).out
    #expect(shown.contains("rate.yak.adult"))
    #expect(shown.contains("rate.yak.young"))
  }
}
