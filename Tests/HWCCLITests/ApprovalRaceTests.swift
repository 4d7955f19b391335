import Foundation
import HWCCLI
import HWCStore
import Testing

/// Two committee sessions approving at once, as two real `hwc` processes on one register file:
/// the database serialises them, so a budget is never over-committed and a complaint is reserved
/// once (SPEC §11).
@Suite struct ApprovalRaceTests {
  /// A running `hwc` child process whose output goes to files.
  final class Child {
    let process = Process()
    let outPath: String
    let errPath: String
    let out: FileHandle
    let err: FileHandle

    /// Starts `hwc arguments` without waiting for it; `extra` is added to its environment.
    init(
      _ executable: String, _ arguments: [String], output: String,
      environment extra: [String: String] = [:]
    ) throws {
      outPath = output + ".out"
      errPath = output + ".err"
      _ = FileManager.default.createFile(atPath: outPath, contents: nil)
      _ = FileManager.default.createFile(atPath: errPath, contents: nil)
      out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
      err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
      var environment = ProcessInfo.processInfo.environment
      environment["HWC_DB"] = nil
      environment["HWC_USER"] = nil
      environment.merge(extra) { _, new in new }
      process.environment = environment
      process.standardOutput = out
      process.standardError = err
      try process.run()
    }

    /// Waits for the process to end and returns what it did.
    func wait() throws -> Outcome {
      process.waitUntilExit()
      try out.close()
      try err.close()
      return Outcome(
        code: process.terminationStatus,
        out: try String(contentsOfFile: outPath, encoding: .utf8),
        err: try String(contentsOfFile: errPath, encoding: .utf8))
    }
  }

  /// A register with 200,000 KZT in Kaztalov's 2026 budget and two complaints (Yerlan's and
  /// Gulnara's) assessed at 155,700 KZT each; `votes` says who has already approved each.
  func register(votes: [(String, String)]) -> Workspace {
    let workspace = Workspace.standard()
    for (name, role) in [
      ("marat", "inspector@Kaztalov"), ("aliya", "committee@Kaztalov"),
      ("bolat", "committee@Kaztalov"), ("chingiz", "committee@Kaztalov"),
      ("dana", "committee@Kaztalov"), ("tolkyn", "treasurer@Kaztalov"),
    ] {
      workspace.ok(["user", "add", name, "--role", role, "--as", "admin"])
    }
    workspace.ok([
      "claimant", "add", "--name", "Gulnara Sadykova", "--id", Workspace.gulnara, "--district",
      "Kaztalov", "--as", "dauren",
    ])
    workspace.ok(Workspace.register(["--as", "dauren"]))
    workspace.ok([
      "complaint", "register", "--claimant", Workspace.gulnara, "--district", "Kaztalov",
      "--type", "livestock_predation", "--species", "wolf", "--incident-date", "2026-06-01",
      "--reported-date", "2026-06-02", "--item", "sheep_goat.adult=3", "--as", "dauren",
    ])
    for code in ["KAZ-2026-0001", "KAZ-2026-0002"] {
      workspace.ok([
        "inspect", code, "--date", "2026-06-03", "--item", "sheep_goat.adult=3", "--protected",
        "yes", "--as", "marat",
      ])
      workspace.ok(["assess", code, "--as", "dauren"])
    }
    workspace.ok([
      "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "200000",
      "--as", "tolkyn",
    ])
    for (code, member) in votes { workspace.ok(["approve", code, "--as", member]) }
    return workspace
  }

  /// Starts both approvals before waiting for either, and returns their outcomes.
  func race(_ workspace: Workspace, _ hwc: String, _ first: [String], _ second: [String]) throws
    -> [Outcome]
  {
    let children = try [first, second].enumerated().map { index, words in
      try Child(
        hwc, workspace.withSecrets(words, environment: [:]) + ["--db", workspace.db],
        output: workspace.path("child-\(index)"))
    }
    return try children.map { try $0.wait() }
  }

  /// The budget as `hwc budget show --json` prints it.
  func budget(_ workspace: Workspace) throws -> [String: Any] {
    let shown = workspace.ok([
      "budget", "show", "--district", "Kaztalov", "--year", "2026", "--json",
    ])
    return try #require(parseJSON(shown.out) as? [String: Any])
  }

  func reservations(_ workspace: Workspace) throws -> Int {
    try Database(path: workspace.db, create: false).scalar(
      Int.self,
      "SELECT count(*) FROM ledger_transfer WHERE kind = 'reservation'") ?? 0
  }

  func executable() -> String? {
    guard let hwc = CLIProcessTests.executable() else {
      let bundle = CommandLine.arguments.first ?? "?"
      Issue.record("the hwc executable was not found next to the test bundle (\(bundle))")
      return nil
    }
    return hwc
  }

  @Test func twoApprovalsAtOnceThatTheBudgetCoversOnlyOnceReserveExactlyOne() throws {
    guard let hwc = executable() else { return }
    for round in 1...10 {
      let workspace = register(votes: [("KAZ-2026-0001", "aliya"), ("KAZ-2026-0002", "bolat")])
      let outcomes = try race(
        workspace, hwc, ["approve", "KAZ-2026-0001", "--as", "chingiz"],
        ["approve", "KAZ-2026-0002", "--as", "dana"])
      let done = outcomes.filter { $0.code == 0 }
      let refused = outcomes.filter { $0.code == 1 }
      #expect(done.count == 1 && refused.count == 1, "round \(round): \(outcomes)")
      #expect(done.first?.out.contains("155,700 KZT reserved") == true, "round \(round)")
      #expect(
        refused.first?.err.contains(
          "would over-commit budget:KAZ:2026: requested 155,700 KZT, available 44,300 KZT")
          == true, "round \(round): \(outcomes)")
      let check = workspace.run(["check"])
      #expect(check.code == 0, "round \(round): \(check)")
      #expect(check.out.contains("ledger: ok"))
      let budget = try budget(workspace)
      #expect(budget["available_minor"] as? Int == 4_430_000, "round \(round): \(budget)")
      #expect((budget["available_minor"] as? Int ?? -1) >= 0)
      #expect(budget["reserved_minor"] as? Int == 15_570_000)
      #expect(try reservations(workspace) == 1)
    }
  }

  @Test func twoSecondApprovalsOfOneComplaintAtOnceReserveItOnce() throws {
    guard let hwc = executable() else { return }
    for round in 1...5 {
      let workspace = register(votes: [("KAZ-2026-0001", "aliya")])
      let outcomes = try race(
        workspace, hwc, ["approve", "KAZ-2026-0001", "--as", "chingiz"],
        ["approve", "KAZ-2026-0001", "--as", "dana"])
      #expect(outcomes.map(\.code).sorted() == [0, 1], "round \(round): \(outcomes)")
      #expect(
        outcomes.contains {
          $0.err.contains("KAZ-2026-0001 cannot be approved: it is already approved")
        },
        "round \(round): \(outcomes)")
      #expect(workspace.run(["check"]).code == 0)
      #expect(try budget(workspace)["reserved_minor"] as? Int == 15_570_000)
      #expect(try reservations(workspace) == 1)
    }
  }

  @Test func twoFirstApprovalsOfOneComplaintAtOnceMakeTheSecondReserve() throws {
    guard let hwc = executable() else { return }
    for round in 1...5 {
      let workspace = register(votes: [])
      let outcomes = try race(
        workspace, hwc, ["approve", "KAZ-2026-0001", "--as", "chingiz"],
        ["approve", "KAZ-2026-0001", "--as", "dana"])
      #expect(outcomes.map(\.code) == [0, 0], "round \(round): \(outcomes)")
      // Whichever ran second saw the first's vote and reserved the money.
      #expect(
        outcomes.filter { $0.out.hasPrefix("approved KAZ-2026-0001 by ") }.count == 1,
        "round \(round): \(outcomes)")
      #expect(workspace.run(["check"]).code == 0)
      #expect(try budget(workspace)["available_minor"] as? Int == 4_430_000)
      #expect(try reservations(workspace) == 1)
    }
  }
}
