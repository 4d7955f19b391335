import Foundation
import HWCCLI
import HWCStore
import Testing

extension Workspace {
  /// Row counts of what a refused correction, withdrawal or revocation must leave alone: the
  /// tables `CLIMoneyTests.counts` covers (the audit log and ledger among them) and those they
  /// write.
  func correctionCounts() throws -> [String: Int] {
    var result = try CLIMoneyTests().counts(self)
    let raw = try Database(path: db, create: false)
    for table in [
      "correction", "correction_field", "correction_item", "complaint_flag", "herd_declaration",
      "emergency", "policy_value", "assessment",
    ] {
      result[table] = try raw.scalar(Int.self, "SELECT count(*) FROM \(table)") ?? 0
    }
    return result
  }

  /// `CLIMoneyTests.assessed()` with Kaztalov's 2026 budget of 1,000,000 KZT and the first of
  /// two approvals of KAZ-2026-0001 (aliya's); `approvals: 2` adds bolat's, which reserves it.
  static func approved(approvals: Int = 2) -> Workspace {
    let workspace = CLIMoneyTests().assessed()
    workspace.ok([
      "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "1000000",
      "--as", "tolkyn",
    ])
    for member in ["aliya", "bolat"].prefix(approvals) {
      workspace.ok(["approve", "KAZ-2026-0001", "--as", member])
    }
    return workspace
  }

  /// The status `complaint show --json` prints for `code`.
  func status(_ code: String) -> String? {
    (parseJSON(ok(["complaint", "show", code, "--json"]).out) as? [String: Any])?["status"]
      as? String
  }
}

/// `hwc complaint withdraw` through the CLI: an event with actor and reason, allowed until the
/// complaint is paid, an approved complaint's reservation released.
@Suite struct CLIWithdrawTests {
  @Test func withdrawingARegisteredComplaintRecordsAnEventWithActorAndReason() throws {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--as", "dauren"]))
    let done = workspace.ok([
      "complaint", "withdraw", "KAZ-2026-0001", "--reason", "the sheep came back", "--as",
      "dauren",
    ])
    #expect(done.out == "withdrew complaint KAZ-2026-0001 (was registered)\n")
    #expect(workspace.status("KAZ-2026-0001") == "withdrawn")
    let shown = workspace.ok(["complaint", "show", "KAZ-2026-0001"]).out
    #expect(shown.contains("2026-06-15 14:30 +05  withdrawn by dauren: the sheep came back"))
    let log = workspace.ok(["audit", "log", "--entity", "complaint:KAZ-2026-0001"]).out
    #expect(log.contains("dauren (clerk@district-office): hwc complaint withdraw — withdrawn"))
    #expect(log.contains(#""status":["registered","withdrawn"]"#))
    #expect(workspace.ok(["audit", "verify"]).code == 0)
  }

  @Test func withdrawingAnApprovedComplaintReleasesItsReservationInTheSameCommand() throws {
    let money = CLIMoneyTests()
    let workspace = Workspace.approved()
    let before = try money.object(
      workspace.ok(["budget", "show", "--district", "Kaztalov", "--year", "2026", "--json"]))
    #expect(money.integer(before["available_minor"]) == 100_000_000 - 15_570_000)
    let done = workspace.ok([
      "complaint", "withdraw", "KAZ-2026-0001", "--reason", "the herder withdrew the claim",
      "--as", "dauren", "--json",
    ])
    let json = try money.object(done)
    #expect(json["from"] as? String == "approved")
    #expect(money.integer(json["released_minor"]) == 15_570_000)
    let after = try money.object(
      workspace.ok(["budget", "show", "--district", "Kaztalov", "--year", "2026", "--json"]))
    #expect(money.integer(after["available_minor"]) == 100_000_000)
    #expect(money.integer(after["reserved_minor"]) == 0)
    // The report's outstanding (approved, not paid) no longer counts it.
    let report = try money.object(
      workspace.ok(["report", "quarterly", "--quarter", "2026-Q2", "--format", "json"]))
    let payers = try #require(
      (report["compensation"] as? [String: Any])?["payers"] as? [[String: Any]])
    #expect(payers.map { money.integer($0["outstanding_minor"]) } == [0])
    #expect(workspace.ok(["check"]).code == 0)
  }

  @Test func aWithdrawnComplaintIsLeftOutOfPendingAssessment() throws {
    let workspace = CLIRulesTests().registered()
    workspace.ok([
      "inspect", "KAZ-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=3",
      "--protected", "yes", "--as", "marat",
    ])
    workspace.ok([
      "complaint", "withdraw", "KAZ-2026-0001", "--reason", "settled", "--as", "dauren",
    ])
    let pending = workspace.ok(["assess", "--pending", "--as", "aliya"])
    #expect(pending.out.hasPrefix("assessed 0 complaints"))
    let single = workspace.run(["assess", "KAZ-2026-0001", "--as", "aliya"])
    #expect(single.code == 1)
    #expect(workspace.status("KAZ-2026-0001") == "withdrawn")
  }

  @Test func aPaidOrWithdrawnComplaintIsRefusedAndNothingIsWritten() throws {
    let workspace = Workspace.approved()
    workspace.ok(["pay", "KAZ-2026-0001", "--reference", "HALYK-1", "--as", "tolkyn"])
    let before = try workspace.correctionCounts()
    let paid = workspace.run([
      "complaint", "withdraw", "KAZ-2026-0001", "--reason", "too late", "--as", "dauren",
    ])
    #expect(paid.code == 1)
    #expect(
      paid.err
        == "hwc: KAZ-2026-0001 cannot be withdrawn: it is paid, and a payment is never undone "
        + "by the register\n")
    #expect(try workspace.correctionCounts() == before)

    workspace.ok(Workspace.register(["--ref", "KZT-F-2", "--as", "dauren"]))
    workspace.ok(["complaint", "withdraw", "KAZ-2026-0002", "--reason", "x", "--as", "dauren"])
    let counted = try workspace.correctionCounts()
    let again = workspace.run([
      "complaint", "withdraw", "KAZ-2026-0002", "--reason", "x", "--as", "dauren",
    ])
    #expect(again.code == 1)
    #expect(again.err == "hwc: KAZ-2026-0002 is already withdrawn\n")
    let foreign = workspace.run([
      "complaint", "withdraw", "KAZ-2026-0001", "--reason", "x", "--as", "saule",
    ])
    #expect(foreign.code == 1)
    #expect(foreign.err.hasPrefix("hwc: saule may not withdraw complaints in Kaztalov"))
    let blank = workspace.run([
      "complaint", "withdraw", "KAZ-2026-0002", "--reason", " ", "--as", "dauren",
    ])
    #expect(blank.err == "hwc: --reason: is required (up to 2000 characters)\n")
    let missing = workspace.run(["complaint", "withdraw", "KAZ-2026-0002", "--as", "dauren"])
    #expect(missing.code == 2)
    #expect(try workspace.correctionCounts() == counted)
  }
}
