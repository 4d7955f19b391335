import Foundation
import HWCCLI
import HWCStore
import HWCTestSupport
import Testing

/// `hwc budget`, `hwc fund`, `hwc approve`, `reject`, `pay` and `appeal` through the CLI.
@Suite struct CLIMoneyTests {
  /// The standard register with an inspector, three Kaztalov commissioners, treasurers of
  /// Kaztalov and Shamshy, and Yerlan's wolf complaint inspected and assessed at 155,700 KZT.
  func assessed() -> Workspace {
    let workspace = Workspace.standard()
    for (name, role) in [
      ("marat", "inspector@Kaztalov"), ("aliya", "committee@Kaztalov"),
      ("bolat", "committee@Kaztalov"), ("chingiz", "committee@Kaztalov"),
      ("tolkyn", "treasurer@Kaztalov"), ("kubat", "treasurer@Shamshy"),
    ] {
      workspace.ok(["user", "add", name, "--role", role, "--as", "admin"])
    }
    workspace.ok(Workspace.register(["--as", "dauren"]))
    workspace.ok([
      "inspect", "KAZ-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=3",
      "--protected", "yes", "--as", "marat",
    ])
    workspace.ok(["assess", "KAZ-2026-0001", "--as", "dauren"])
    return workspace
  }

  /// Row counts of the ledger tables and of what `Workspace.counts()` covers (the audit log).
  func counts(_ workspace: Workspace) throws -> [String: Int] {
    var result = try workspace.counts()
    let raw = try Database(path: workspace.db, create: false)
    for table in [
      "ledger_account", "ledger_transfer", "ledger_entry", "approval", "complaint_event",
    ] {
      result[table] = try raw.scalar(Int.self, "SELECT count(*) FROM \(table)") ?? 0
    }
    return result
  }

  func object(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [String: Any]
  {
    try #require(
      parseJSON(outcome.out, sourceLocation: sourceLocation) as? [String: Any],
      sourceLocation: sourceLocation)
  }

  /// A JSON value that is an integer, not a fraction or a string.
  func integer(_ value: Any?) -> Int? {
    guard let number = value as? NSNumber, !(value is String),
      number.doubleValue == Double(number.intValue)
    else { return nil }
    return number.intValue
  }

  /// True when every `…_minor` field of a printed JSON document is written as a whole number.
  func minorFieldsAreWholeNumbers(_ text: String) -> Bool {
    let fields = text.split(separator: "\n").filter { $0.contains("_minor\": ") }
    return !fields.isEmpty
      && fields.allSatisfy { line in
        let value = line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)
        let digits = value.hasSuffix(",") ? value.dropLast() : Substring(value)
        return !digits.isEmpty && digits.allSatisfy(\.isNumber)
      }
  }

  static let moneyCommands: [[String]] = [
    ["budget", "allocate"], ["budget", "show"], ["fund", "contribute"], ["fund", "show"],
    ["approve"], ["reject"], ["pay"], ["appeal"],
  ]

  @Test(arguments: moneyCommands)
  func everyMoneyCommandHasHelp(path: [String]) throws {
    let spec = try #require(CLI.commands.first { $0.path == path })
    let help = Workspace().run(path + ["--help"], environment: [:])
    #expect(help.code == 0)
    #expect(help.err == "")
    #expect(help.out.hasPrefix(spec.abstract))
    #expect(help.out.contains("usage: hwc \(path.joined(separator: " "))"))
    #expect(help.out.contains("  --json"))
    if spec.traits.contains(.mutating) { #expect(help.out.contains("  --as USER")) }
  }

  @Test func helpSaysWhoDecidesAndInWhatUnits() {
    let workspace = Workspace()
    let approve = workspace.run(["approve", "--help"], environment: [:]).out
    #expect(approve.contains("two distinct committee members"))
    #expect(approve.contains("over-commit"))
    let allocate = workspace.run(["budget", "allocate", "--help"], environment: [:]).out
    #expect(allocate.contains("--amount 1500000 is 1,500,000 KZT"))
    let pay = workspace.run(["pay", "--help"], environment: [:]).out
    #expect(pay.contains("complaint is paid once; a bank reference pays one complaint"))
  }

  @Test func budgetAllocateAndShowPrintTextAndIntegerMinorUnits() throws {
    let workspace = assessed()
    let text = workspace.ok([
      "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "1500000",
      "--as", "tolkyn",
    ])
    #expect(
      text.out == "allocated: transfer #1; budget:KAZ:2026 now has 1,500,000 KZT available\n")
    #expect(text.err == "")
    let json = workspace.ok([
      "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "0.5",
      "--as", "tolkyn", "--json",
    ])
    #expect(minorFieldsAreWholeNumbers(json.out), "\(json.out)")
    let created = try object(json)
    #expect(integer(created["id"]) == 2)
    let balances = try #require(created["balances"] as? [String: Any])
    #expect(balances["account"] as? String == "budget:KAZ:2026")
    #expect(balances["currency"] as? String == "KZT")
    #expect(integer(balances["credited_minor"]) == 150_000_050)
    #expect(integer(balances["available_minor"]) == 150_000_050)
    #expect(integer(balances["reserved_minor"]) == 0)
    #expect(integer(balances["paid_minor"]) == 0)
    let show = workspace.ok(["budget", "show", "--district", "Kaztalov", "--year", "2026"])
    let rows = show.out.split(separator: "\n").filter { !$0.hasPrefix("-") }
    #expect(
      rows.map { $0.split(separator: " ").joined(separator: " ") } == [
        "budget:KAZ:2026 KZT", "allocated 1,500,000.50 KZT", "reserved 0 KZT", "paid 0 KZT",
        "available 1,500,000.50 KZT",
      ])
    let shown = try object(
      workspace.ok(["budget", "show", "--district", "Kaztalov", "--year", "2026", "--json"]))
    #expect(
      shown.keys.sorted() == [
        "account", "available_minor", "credited_minor", "currency", "paid_minor", "reserved_minor",
      ])
    #expect(integer(shown["available_minor"]) == 150_000_050)
  }

  @Test func fundContributeAndShowPrintSom() throws {
    let workspace = assessed()
    let text = workspace.ok([
      "fund", "contribute", "--conservancy", "Shamshy", "--amount", "25000", "--source", "donor",
      "--as", "kubat",
    ])
    #expect(text.out == "credited: transfer #1; fund:Shamshy now has 25,000 KGS available\n")
    let shown = try object(workspace.ok(["fund", "show", "--conservancy", "Shamshy", "--json"]))
    #expect(shown["account"] as? String == "fund:Shamshy")
    #expect(shown["currency"] as? String == "KGS")
    #expect(integer(shown["credited_minor"]) == 2_500_000)
    #expect(integer(shown["available_minor"]) == 2_500_000)
    let table = workspace.ok(["fund", "show", "--conservancy", "Shamshy"])
    #expect(table.out.contains("credited"))
    #expect(table.out.contains("25,000 KGS"))
  }

  @Test func approvePayAndAppealTellWhatHappened() throws {
    let workspace = assessed()
    workspace.ok([
      "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "200000",
      "--as", "tolkyn",
    ])
    let vote = workspace.ok(["approve", "KAZ-2026-0001", "--as", "aliya"])
    #expect(
      vote.out
        == "recorded aliya's approval of KAZ-2026-0001 (155,700 KZT); a second committee member "
        + "must approve it\n")
    let approval = workspace.ok(["approve", "KAZ-2026-0001", "--as", "bolat", "--json"])
    #expect(minorFieldsAreWholeNumbers(approval.out), "\(approval.out)")
    let reserved = try object(approval)
    #expect(reserved["complaint"] as? String == "KAZ-2026-0001")
    #expect(reserved["status"] as? String == "approved")
    #expect(reserved["approved_by"] as? [String] == ["aliya", "bolat"])
    #expect(integer(reserved["amount_minor"]) == 15_570_000)
    #expect(reserved["currency"] as? String == "KZT")
    let balances = try #require(reserved["balances"] as? [String: Any])
    #expect(integer(balances["reserved_minor"]) == 15_570_000)
    #expect(integer(balances["available_minor"]) == 4_430_000)
    let paid = try object(
      workspace.ok(["pay", "KAZ-2026-0001", "--reference", "KZB-1", "--as", "tolkyn", "--json"]))
    #expect(paid["complaint"] as? String == "KAZ-2026-0001")
    #expect(integer(paid["amount_minor"]) == 15_570_000)
    #expect(integer(paid["id"]) != nil)
    #expect(paid["currency"] as? String == "KZT")
    let before = try counts(workspace)
    let appeal = workspace.run([
      "appeal", "KAZ-2026-0001", "--reason", "more sheep", "--as", "dauren",
    ])
    #expect(appeal.code == 1)
    #expect(appeal.out == "")
    #expect(appeal.err == "hwc: KAZ-2026-0001 cannot be appealed: it is paid\n")
    #expect(try counts(workspace) == before)
    let shown = try object(
      workspace.ok(["budget", "show", "--district", "Kaztalov", "--year", "2026", "--json"]))
    #expect(integer(shown["paid_minor"]) == 15_570_000)
    #expect(integer(shown["reserved_minor"]) == 0)
    let check = workspace.ok(["check"])
    #expect(check.out.contains("ledger: ok\n"))
  }

  @Test func rejectAndAppealPrintTheNewStatus() throws {
    let workspace = assessed()
    workspace.ok([
      "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "200000",
      "--as", "tolkyn",
    ])
    workspace.ok(["approve", "KAZ-2026-0001", "--as", "aliya"])
    workspace.ok(["approve", "KAZ-2026-0001", "--as", "bolat"])
    let rejected = workspace.ok([
      "reject", "kaz-2026-0001", "--reason", "a dog, not a wolf", "--as", "chingiz",
    ])
    #expect(rejected.out == "KAZ-2026-0001 is rejected\n")
    let appealed = try object(
      workspace.ok([
        "appeal", "KAZ-2026-0001", "--reason", "witnesses saw the wolf", "--as", "dauren",
        "--json",
      ]))
    #expect(appealed["complaint"] as? String == "KAZ-2026-0001")
    #expect(appealed["status"] as? String == "appealed")
    let shown = try object(
      workspace.ok(["budget", "show", "--district", "Kaztalov", "--year", "2026", "--json"]))
    #expect(integer(shown["available_minor"]) == 20_000_000)
    #expect(workspace.ok(["check"]).out.contains("ledger: ok"))
  }

  /// Refused command lines (after a 100,000 KZT allocation and Aliya's vote), and the one
  /// sentence each prints.
  static let refusals: [([String], String)] = [
    (
      [
        "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "0", "--as",
        "tolkyn",
      ], "hwc: --amount: must be more than zero"
    ),
    (
      [
        "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "1.234",
        "--as", "tolkyn",
      ], "hwc: --amount: '1.234' has more than two decimals"
    ),
    (
      [
        "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "abc",
        "--as", "tolkyn",
      ], "hwc: --amount: 'abc' is not a number"
    ),
    (
      [
        "budget", "allocate", "--district", "Kaztalov", "--year", "26", "--amount", "5", "--as",
        "tolkyn",
      ], "hwc: --year: '26' is not a year (YYYY)"
    ),
    (
      [
        "budget", "allocate", "--district", "Atlantis", "--year", "2026", "--amount", "5", "--as",
        "tolkyn",
      ], "hwc: --district: 'Atlantis' is not a district"
    ),
    (
      [
        "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "5", "--as",
        "dauren",
      ], "hwc: dauren may not allocate budgets in Kaztalov"
    ),
    (
      ["budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "5"],
      "hwc: --as: this command changes the register"
    ),
    (
      ["budget", "show", "--district", "Kaztalov", "--year", "2027"],
      "hwc: no budget has been allocated to Kaztalov for 2027"
    ),
    (
      [
        "fund", "contribute", "--conservancy", "Shamshy", "--amount", "5", "--source", "bank",
        "--as", "kubat",
      ], "hwc: --source: 'bank' is not premium, donor or state"
    ),
    (
      [
        "fund", "contribute", "--conservancy", "Shamshy", "--amount", "5", "--source", "donor",
        "--as", "tolkyn",
      ], "hwc: tolkyn may not record fund contributions in Shamshy"
    ),
    (
      ["fund", "show", "--conservancy", "Baiboosun"],
      "hwc: the Baiboosun buffer fund has never been credited"
    ),
    (["approve", "KAZ-2026-0001", "--as", "aliya"], "hwc: aliya has already approved"),
    (
      ["approve", "KAZ-2026-0001", "--as", "dauren"],
      "hwc: dauren may not approve KAZ-2026-0001: that needs the committee role"
    ),
    (
      ["approve", "KAZ-2026-0001", "--as", "bolat"],
      "hwc: approving KAZ-2026-0001 would over-commit budget:KAZ:2026: requested 155,700 KZT, "
        + "available 100,000 KZT"
    ),
    (
      ["approve", "KAZ-2026-0099", "--as", "bolat"], "hwc: ID: there is no complaint KAZ-2026-0099"
    ),
    (["reject", "KAZ-2026-0001", "--reason", " ", "--as", "bolat"], "hwc: --reason: is required"),
    (
      ["reject", "KAZ-2026-0001", "--reason", "no", "--as", "tolkyn"], "hwc: tolkyn may not reject"
    ),
    (
      ["pay", "KAZ-2026-0001", "--reference", "B-1", "--as", "tolkyn"],
      "hwc: KAZ-2026-0001 cannot be paid"
    ),
    (
      ["pay", "KAZ-2026-0001", "--ref", "", "--as", "tolkyn"],
      "hwc: --ref: the bank reference is required"
    ),
    (
      ["appeal", "KAZ-2026-0001", "--reason", "x", "--as", "marat"],
      "hwc: marat may not record appeals in Kaztalov"
    ),
  ]

  @Test(arguments: refusals)
  func aRefusedMoneyCommandExitsOneWithOneSentenceAndWritesNothing(
    words: [String], message: String
  ) throws {
    let workspace = assessed()
    workspace.ok([
      "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "100000",
      "--as", "tolkyn",
    ])
    workspace.ok(["approve", "KAZ-2026-0001", "--as", "aliya"])
    let before = try counts(workspace)
    let outcome = workspace.run(words)
    #expect(outcome.code == 1, "\(outcome)")
    #expect(outcome.out == "")
    #expect(outcome.errLines.count == 1, "\(outcome)")
    #expect(outcome.err.hasPrefix(message), "\(outcome)")
    #expect(try counts(workspace) == before)
  }

  /// Command lines missing something their declaration requires: usage errors.
  static let usageErrors: [([String], String)] = [
    (
      ["budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--as", "tolkyn"],
      "hwc: missing '--amount AMOUNT'"
    ),
    (["budget", "show", "--district", "Kaztalov"], "hwc: missing '--year YYYY'"),
    (
      ["fund", "contribute", "--conservancy", "Shamshy", "--amount", "5", "--as", "kubat"],
      "hwc: missing '--source premium|donor|state'"
    ),
    (["fund", "show"], "hwc: missing '--conservancy C'"),
    (["approve", "--as", "aliya"], "hwc: missing ID"),
    (["reject", "KAZ-2026-0001", "--as", "aliya"], "hwc: missing '--reason TEXT'"),
    (["pay", "KAZ-2026-0001", "--as", "tolkyn"], "hwc: missing '--ref REF'"),
    (["appeal", "KAZ-2026-0001", "--as", "dauren"], "hwc: missing '--reason TEXT'"),
    (["approve", "KAZ-2026-0001", "KAZ-2026-0002", "--as", "aliya"], "hwc: unexpected argument"),
  ]

  @Test(arguments: usageErrors)
  func aMoneyCommandMissingARequiredPartExitsTwoWithItsUsage(words: [String], message: String)
    throws
  {
    let workspace = assessed()
    let before = try counts(workspace)
    let outcome = workspace.run(words)
    #expect(outcome.code == 2, "\(outcome)")
    #expect(outcome.out == "")
    #expect(outcome.errLines.first?.hasPrefix(message) == true, "\(outcome)")
    #expect(outcome.errLines.dropFirst().first?.hasPrefix("usage: hwc \(words[0])") == true)
    #expect(try counts(workspace) == before)
  }

  @Test func theActorMayComeFromHWCUSER() throws {
    let workspace = assessed()
    let outcome = workspace.run(
      ["budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "7"],
      environment: ["HWC_DB": workspace.db, "HWC_USER": "tolkyn"])
    #expect(outcome.code == 0, "\(outcome)")
    let shown = try object(
      workspace.ok(["budget", "show", "--district", "Kaztalov", "--year", "2026", "--json"]))
    #expect(integer(shown["available_minor"]) == 700)
  }
}
