import Foundation
import HWCCLI
import Testing

/// `hwc` driven in-process: the exit-status contract, a register built through the CLI,
/// refusals, where the register and the actor come from, JSON output and masked national IDs.
@Suite struct CLITests {
  @Test func exitStatusIsZeroWhenDoneOneWhenRefusedTwoOnUsageError() {
    let workspace = Workspace()
    #expect(workspace.run(["init"]).code == 0)
    #expect(workspace.run(Workspace.register(["--as", "admin"])).code == 1)
    #expect(workspace.run(["complaint", "list", "--colour", "red"]).code == 2)
    #expect(workspace.run(["complaint", "list"]).code == 0)
  }

  @Test func aRegisterBuiltThroughTheCLI() throws {
    let workspace = Workspace()
    let created = workspace.ok(["init", "--admin", "aigerim"])
    #expect(created.out.hasPrefix("created register \(workspace.db)\n"))
    #expect(created.out.contains("administrator: aigerim"))
    #expect(workspace.ok(["init"]).out == "register \(workspace.db) is up to date\n")
    workspace.ok(["user", "add", "dauren", "--role", "officer@Kaztalov", "--as", "aigerim"])
    let claimant = workspace.ok([
      "claimant", "add", "--name", "Yerlan Bekov", "--id", Workspace.yerlan, "--district",
      "Kaztalov", "--as", "dauren",
    ])
    #expect(claimant.out == "added claimant Yerlan Bekov (88********11), Kaztalov\n")
    let registered = workspace.ok(Workspace.register(["--ref", "F-1", "--as", "dauren"]))
    #expect(registered.out == "registered complaint KAZ-2026-0001\n")
    let again = workspace.ok(Workspace.register(["--ref", "F-1", "--as", "dauren"]))
    #expect(again.out.hasPrefix("complaint KAZ-2026-0001 already registered under ref F-1"))
    let list = workspace.ok(["complaint", "list"])
    #expect(list.out.contains("KAZ-2026-0001"))
    #expect(list.out.hasSuffix("\nshowing 1–1 of 1\n"))
    let show = workspace.ok(["complaint", "show", "KAZ-2026-0001"])
    #expect(show.out.contains("complaint   KAZ-2026-0001  [registered]"))
    #expect(show.out.contains("registered by dauren"))
    #expect(workspace.ok(["audit", "verify"]).out.hasPrefix("audit chain intact"))
  }

  /// Refused operations: the words and the option the one-line message must name.
  static let refusals: [([String], String)] = [
    (
      Workspace.register(["--as", "dauren"]).map { $0 == "2026-06-01" ? "2026-02-30" : $0 },
      "hwc: --incident-date: 2026-02-30 is not a date"
    ),
    (
      Workspace.register(["--as", "dauren"]).map { $0 == "Kaztalov" ? "Mars" : $0 },
      "hwc: --district: 'Mars' is not a district"
    ),
    (
      Workspace.register(["--as", "dauren"]).map { $0 == "sheep_goat.adult=3" ? "hay=2" : $0 },
      "hwc: --item: hay is not accepted for livestock_predation"
    ),
    (Workspace.register(), "hwc: --as: this command changes the register"),
    (Workspace.register(["--as", "nobody"]), "hwc: --as: there is no user 'nobody'"),
    (Workspace.register(["--as", "saule"]), "hwc: saule may not register complaints in Kaztalov"),
    (
      [
        "claimant", "add", "--name", "G", "--id", "900715400237", "--district", "Kaztalov",
        "--as", "dauren",
      ],
      "hwc: --id: The last digit of the Kazakh IIN does not match its check digit"
    ),
    (
      [
        "claimant", "add", "--name", "G", "--id", Workspace.yerlan, "--district", "Kaztalov",
        "--as", "dauren",
      ],
      "hwc: a claimant with national ID 88********11 is already registered"
    ),
  ]

  @Test(arguments: refusals)
  func aRefusalExitsOneWithOneLineAndWritesNothing(words: [String], message: String) throws {
    let workspace = Workspace.standard()
    let before = try workspace.counts()
    let outcome = workspace.run(words)
    #expect(outcome.code == 1, "\(outcome)")
    #expect(outcome.out == "")
    #expect(outcome.errLines.count == 1, "\(outcome)")
    #expect(outcome.err.hasPrefix(message), "\(outcome)")
    #expect(try workspace.counts() == before)
  }

  @Test func aCommandWithoutARegisterSaysHowToCreateOne() {
    let workspace = Workspace()
    let outcome = workspace.run(["complaint", "list"])
    #expect(outcome.code == 1)
    #expect(
      outcome.errLines == [
        "hwc: no register at \(workspace.db); create one with "
          + "'hwc init' or point --db at an existing one"
      ])
  }

  @Test func asOverridesHwcUser() throws {
    let workspace = Workspace.standard()
    let env = ["HWC_DB": workspace.db, "HWC_USER": "saule"]
    let refused = workspace.run(Workspace.register(), environment: env)
    #expect(refused.code == 1)
    #expect(refused.err.hasPrefix("hwc: saule may not register complaints in Kaztalov"))
    let done = workspace.ok(Workspace.register(["--as", "dauren", "--json"]), environment: env)
    let json = try #require(parseJSON(done.out) as? [String: Any])
    #expect(json["registered_by"] as? String == "dauren")
    let byEnvironment = workspace.ok(
      Workspace.register(["--ref", "F-2", "--json"]).map { $0 == "2026-06-01" ? "2026-05-01" : $0 },
      environment: ["HWC_DB": workspace.db, "HWC_USER": "dauren"])
    let second = try #require(parseJSON(byEnvironment.out) as? [String: Any])
    #expect(second["registered_by"] as? String == "dauren")
  }

  @Test func dbOverridesHwcDb() throws {
    let workspace = Workspace.standard()
    let elsewhere = workspace.path("elsewhere.sqlite")
    let viaOption = workspace.run(
      ["claimant", "list", "--db", workspace.db], environment: ["HWC_DB": elsewhere])
    #expect(viaOption.code == 0, "\(viaOption)")
    #expect(viaOption.out.contains("Yerlan Bekov"))
    let missing = workspace.run(
      ["claimant", "list", "--db", elsewhere], environment: ["HWC_DB": workspace.db])
    #expect(missing.code == 1)
    #expect(missing.err.hasPrefix("hwc: no register at \(elsewhere)"), "\(missing)")
    let viaEnvironment = workspace.run(["claimant", "list"], environment: ["HWC_DB": workspace.db])
    #expect(viaEnvironment.out.contains("Yerlan Bekov"))
    workspace.ok(["init", "--db", elsewhere])
    #expect(FileManager.default.fileExists(atPath: elsewhere))
  }

  @Test func jsonOutputIsOneDocumentAndACreatedComplaintCarriesItsId() throws {
    let workspace = Workspace.standard()
    let created = workspace.ok(Workspace.register(["--as", "dauren", "--json", "--ref", "F-1"]))
    let complaint = try #require(parseJSON(created.out) as? [String: Any])
    #expect(complaint["id"] as? String == "KAZ-2026-0001")
    #expect(complaint["status"] as? String == "registered")
    let documents: [[String]] = [
      ["init", "--json"],
      ["user", "list", "--json"],
      ["claimant", "list", "--json"],
      ["claimant", "show", Workspace.yerlan, "--json"],
      ["complaint", "list", "--json"],
      ["complaint", "show", "KAZ-2026-0001", "--json"],
      ["audit", "log", "--json"],
      ["audit", "verify", "--json"],
      ["check", "--json"],
      [
        "claimant", "add", "--name", "Gulnara Sarsenova", "--id", Workspace.gulnara,
        "--district", "Kaztalov", "--as", "dauren", "--json",
      ],
      ["user", "add", "marat", "--role", "inspector@Kaztalov", "--as", "admin", "--json"],
    ]
    for words in documents {
      let outcome = workspace.ok(words)
      #expect(parseJSON(outcome.out) != nil, "\(words)")
    }
    let list = try #require(
      parseJSON(workspace.ok(["complaint", "list", "--json"]).out) as? [[String: Any]])
    #expect(list.map { $0["id"] as? String } == ["KAZ-2026-0001"])
    let verify = try #require(
      parseJSON(workspace.ok(["audit", "verify", "--json"]).out) as? [String: Any])
    #expect(verify["ok"] as? Bool == true)
  }

  @Test func nationalIDsNeverAppearUnmaskedOnStandardOutput() throws {
    let workspace = Workspace.standard()
    workspace.ok([
      "claimant", "add", "--name", "Asel Toktogulova", "--id", Workspace.asel, "--district",
      "Chuy", "--conservancy", "Shamshy", "--as", "bakyt",
    ])
    workspace.ok(Workspace.register(["--as", "dauren"]))
    let csv = try workspace.write(
      "field.csv",
      Workspace.csvHeader
        + "F-2,\(Workspace.gulnara),Gulnara Sarsenova,Kaztalov,,Kaztalovka,hay_loss,saiga,"
        + "2026-06-01,2026-06-02,hay=2\n")
    workspace.ok(["complaint", "import", csv, "--as", "dauren"])
    let raw = [Workspace.yerlan, Workspace.gulnara, Workspace.asel]
    var outputs: [([String], String)] = []
    for json in [[], ["--json"]] {
      for words in [
        ["claimant", "list"], ["claimant", "show", Workspace.yerlan],
        ["claimant", "show", Workspace.gulnara], ["claimant", "show", Workspace.asel],
        ["complaint", "list"], ["complaint", "show", "KAZ-2026-0001"],
        ["complaint", "show", "KAZ-2026-0002"], ["audit", "log"],
        ["audit", "log", "--entity", "claimant:\(Workspace.gulnara)"], ["audit", "verify"],
        ["user", "list"],
      ] {
        outputs.append((words + json, workspace.ok(words + json).out))
      }
    }
    for (words, out) in outputs {
      for id in raw {
        #expect(!out.contains(id), "\(words) printed a national ID unmasked")
      }
    }
    let all = outputs.map(\.1).joined()
    for masked in ["88********11", "90********36", "21**********45"] {
      #expect(all.contains(masked), "\(masked) is shown somewhere")
    }
  }
}
