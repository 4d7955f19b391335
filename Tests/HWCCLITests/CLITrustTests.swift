import Foundation
import HWCCLI
import HWCStore
import HWCTestSupport
import Testing

/// Who did what (issue #10): every command that changes the register proves its actor with their
/// own secret or session; wrong secrets are counted and lock; the administrator's lifecycle; no
/// secret, setup code or token is ever shown or stored in the clear.
@Suite struct CLITrustTests {
  /// Every command declared `.mutating`, by its words.
  static let mutating = CLI.commands.filter { $0.traits.contains(.mutating) }.map(\.path)

  /// Words that parse for `path`: each required argument and option given a placeholder.
  static func words(_ path: [String]) -> [String] {
    let spec = CLI.commands.first { $0.path == path }!
    var words = spec.path + spec.arguments.filter(\.required).map { _ in "X-1" }
    for option in spec.options where option.required {
      words += ["--\(option.name)"] + (option.value == nil ? [] : ["x"])
    }
    return words
  }

  /// A register with dauren (officer) whose passphrase the harness knows; the harness adds no
  /// password options, so each test says what it gives.
  static func workspace() -> Workspace {
    let workspace = Workspace.standard()
    workspace.provesActors = false
    return workspace
  }

  func failedAttempts(_ workspace: Workspace, _ user: String) throws -> Int {
    let raw = try Database(path: workspace.db, create: false)
    return try #require(
      try raw.scalar(Int.self, "SELECT failed_attempts FROM app_user WHERE name = ?", with: [user]))
  }

  @Test func everyMutatingCommandIsDeclaredAndTakesAPasswordFile() {
    #expect(Self.mutating.count >= 15)
    let workspace = Workspace()
    for path in Self.mutating {
      #expect(workspace.ok(path + ["--help"]).out.contains("--password-file"), "\(path)")
    }
  }

  @Test(arguments: mutating)
  func withoutASecretOrWithAWrongOneNothingIsWrittenAndTheFailureIsCounted(path: [String]) throws {
    let workspace = Self.workspace()
    let before = try workspace.counts()
    let bare = workspace.run(Self.words(path) + ["--as", "dauren"])
    #expect(bare.code == 1, "\(bare)")
    #expect(bare.err.contains("dauren must prove who they are"), "\(bare)")
    #expect(try workspace.counts() == before)
    #expect(try failedAttempts(workspace, "dauren") == 0)
    let wrong = try workspace.write("wrong", "not the passphrase\n")
    let guessed = workspace.run(Self.words(path) + ["--as", "dauren", "--password-file", wrong])
    #expect(guessed.code == 1, "\(guessed)")
    #expect(guessed.err == "hwc: wrong passphrase for dauren; nothing was done\n")
    #expect(try workspace.counts() == before)
    #expect(try failedAttempts(workspace, "dauren") == 1)
    // With the right secret the command gets past the proof (the placeholders may then be
    // refused, but never for want of a secret).
    let right = workspace.run(
      Self.words(path) + ["--as", "dauren", "--password-file", workspace.secretFile("dauren")])
    #expect(!right.err.contains("passphrase"), "\(right)")
    #expect(!right.err.contains("must prove"), "\(right)")
  }

  @Test func theRightSecretOrALiveSessionDoesIt() throws {
    let workspace = Self.workspace()
    workspace.ok(
      Workspace.register([
        "--ref", "F-1", "--as", "dauren", "--password-file", workspace.secretFile("dauren"),
      ]))
    #expect(try failedAttempts(workspace, "dauren") == 0)
    workspace.ok(["login", "--as", "dauren", "--password-file", workspace.secretFile("dauren")])
    workspace.ok(Workspace.register(["--ref", "F-2", "--as", "dauren"]))
    workspace.ok(Workspace.register(["--ref", "F-3"]))  // the session's user
    let other = workspace.run(Workspace.register(["--ref", "F-4", "--as", "saule"]))
    #expect(other.code == 1)
    #expect(other.err.contains("saule must prove who they are"))
    let list = workspace.ok(["user", "list"])
    #expect(list.out.contains("dauren  officer@Kaztalov  active  2026-06-15  2026-06-15 14:30 +05"))
    workspace.ok(["logout"])
    let after = workspace.run(Workspace.register(["--ref", "F-5", "--as", "dauren"]))
    #expect(after.code == 1)
    #expect(after.err.contains("must prove who they are"))
  }

  @Test func aTerminalAsksThePassphraseWithoutAFile() throws {
    let workspace = Self.workspace()
    var prompts: [String] = []
    let outcome = workspace.run(
      Workspace.register(["--as", "dauren"]),
      secret: {
        prompts.append($0)
        return Workspace.passphrase(of: "dauren")
      })
    #expect(outcome.code == 0, "\(outcome)")
    #expect(prompts == ["passphrase for dauren: "])
    #expect(!outcome.out.contains(Workspace.passphrase(of: "dauren")))
  }

  @Test func oneSessionCannotCastBothApprovals() throws {
    let workspace = Self.workspace()
    let admin = ["--as", "admin", "--password-file", workspace.secretFile("admin")]
    for name in ["aliya", "timur"] {
      let file = try workspace.write("\(name).secret", "passphrase of \(name), here\n")
      workspace.ok(
        ["user", "add", name, "--role", "committee@Kaztalov", "--new-password-file", file] + admin)
    }
    workspace.ok(["login", "--as", "aliya", "--password-file", workspace.path("aliya.secret")])
    let second = workspace.run(["approve", "KAZ-2026-0001", "--as", "timur"])
    #expect(second.code == 1)
    #expect(second.err.contains("timur must prove who they are"))
    let wrong = workspace.run([
      "approve", "KAZ-2026-0001", "--as", "timur", "--password-file",
      workspace.path("aliya.secret"),
    ])
    #expect(wrong.err == "hwc: wrong passphrase for timur; nothing was done\n")
  }

  @Test func aSessionEndsAfterFifteenIdleMinutes() throws {
    let workspace = Self.workspace()
    workspace.clock = .fixed("2026-06-15T09:00:00Z")
    workspace.ok(["login", "--as", "dauren", "--password-file", workspace.secretFile("dauren")])
    workspace.clock = .fixed("2026-06-15T09:14:59Z")
    workspace.ok(Workspace.register(["--ref", "F-1", "--as", "dauren"]))
    workspace.clock = .fixed("2026-06-15T09:29:59Z")  // 15 minutes after the last use
    workspace.ok(Workspace.register(["--ref", "F-2", "--as", "dauren"]))
    workspace.clock = .fixed("2026-06-15T09:45:00Z")
    let before = try workspace.counts()
    let late = workspace.run(Workspace.register(["--ref", "F-3", "--as", "dauren"]))
    #expect(late.code == 1)
    #expect(late.err.contains("ended after 15 idle minutes"), "\(late)")
    #expect(try workspace.counts() == before)
  }

  @Test func aDisabledUserIsRefusedAtOnceAlsoMidSession() throws {
    let workspace = Self.workspace()
    let admin = ["--as", "admin", "--password-file", workspace.secretFile("admin")]
    workspace.ok(["login", "--as", "dauren", "--password-file", workspace.secretFile("dauren")])
    workspace.ok(["user", "disable", "dauren", "--reason", "left the office"] + admin)
    let before = try workspace.counts()
    let refused = workspace.run(Workspace.register(["--as", "dauren"]))
    #expect(refused.code == 1)
    #expect(refused.err.contains("user dauren is disabled"), "\(refused)")
    let byFile = workspace.run(
      Workspace.register(["--as", "dauren", "--password-file", workspace.secretFile("dauren")]))
    #expect(byFile.err.contains("user dauren is disabled"))
    #expect(try workspace.counts() == before)
    #expect(workspace.ok(["user", "list"]).out.contains("disabled"))
    workspace.ok(["user", "enable", "dauren"] + admin)
    workspace.ok(
      Workspace.register(["--as", "dauren", "--password-file", workspace.secretFile("dauren")]))
    #expect(workspace.ok(["audit", "verify"]).out.hasPrefix("audit chain intact"))
  }

  @Test func fiveWrongSecretsInARowLockUntilTheAdminEnables() throws {
    let workspace = Self.workspace()
    let wrong = try workspace.write("wrong", "not the passphrase\n")
    for _ in 1...5 {
      #expect(
        workspace.run(Workspace.register(["--as", "dauren", "--password-file", wrong])).code == 1)
    }
    let locked = workspace.run(
      Workspace.register(["--as", "dauren", "--password-file", workspace.secretFile("dauren")]))
    #expect(locked.code == 1)
    #expect(locked.err.contains("user dauren is locked"), "\(locked)")
    #expect(workspace.ok(["user", "list"]).out.contains("locked"))
    #expect(workspace.ok(["audit", "verify"]).out.hasPrefix("audit chain intact"))
    workspace.ok(
      [
        "user", "enable", "dauren", "--as", "admin", "--password-file",
        workspace.secretFile("admin"),
      ])
    workspace.ok(
      Workspace.register(["--as", "dauren", "--password-file", workspace.secretFile("dauren")]))
  }

  /// The setup code from `hwc user add` / `hwc user reset`, read from what was printed.
  func setupCode(_ outcome: Outcome) throws -> String {
    let line = try #require(outcome.out.split(separator: "\n").first { $0.contains("setup code") })
    return String(line.split(separator: " ").last!)
  }

  @Test func aSetupCodeWorksOnceAndAResetForcesANewPassphrase() throws {
    let workspace = Self.workspace()
    let admin = ["--as", "admin", "--password-file", workspace.secretFile("admin")]
    let added = workspace.ok(["user", "add", "marat", "--role", "inspector@Kaztalov"] + admin)
    let code = try setupCode(added)
    let codeFile = try workspace.write("code", code + "\n")
    let newFile = try workspace.write("new", "marat's own passphrase\n")
    let early = workspace.run(Workspace.register(["--as", "marat", "--password-file", codeFile]))
    #expect(early.err.contains("marat must first set a passphrase"), "\(early)")
    let short = try workspace.write("short", "marat\n")
    #expect(
      workspace.run([
        "user", "passwd", "--as", "marat", "--password-file", codeFile, "--new-password-file",
        short,
      ]).err.contains("at least 10 characters"))
    workspace.ok([
      "user", "passwd", "--as", "marat", "--password-file", codeFile, "--new-password-file",
      newFile,
    ])
    let again = workspace.run([
      "user", "passwd", "--as", "marat", "--password-file", codeFile, "--new-password-file",
      newFile,
    ])
    #expect(again.code == 1)
    #expect(again.err.contains("neither the setup code nor the current passphrase"))
    workspace.ok(["user", "enable", "marat"] + admin)  // clears the counted failure
    let reset = workspace.ok(["user", "reset", "marat"] + admin)
    let second = try setupCode(reset)
    #expect(second != code)
    let old = workspace.run(Workspace.register(["--as", "marat", "--password-file", newFile]))
    #expect(old.err.contains("marat must first set a passphrase"), "\(old)")
    #expect(workspace.ok(["audit", "verify"]).out.hasPrefix("audit chain intact"))
  }

  @Test func noSecretCodeOrTokenIsShownOrStoredInTheClear() throws {
    let workspace = Self.workspace()
    let admin = ["--as", "admin", "--password-file", workspace.secretFile("admin")]
    var printed = ""
    let added = workspace.ok(["user", "add", "marat", "--role", "inspector@Kaztalov"] + admin)
    let code = try setupCode(added)
    let newFile = try workspace.write("new", "marat's own passphrase\n")
    let codeFile = try workspace.write("code", code + "\n")
    for words in [
      [
        "user", "passwd", "--as", "marat", "--password-file", codeFile, "--new-password-file",
        newFile,
      ],
      ["login", "--as", "marat", "--password-file", newFile], ["user", "list", "--json"],
      ["audit", "log", "--json"], ["audit", "log", "--actor", "marat", "--limit", "2"],
    ] {
      let outcome = workspace.ok(words)
      printed += outcome.out + outcome.err
    }
    let sessions = try FileManager.default.contentsOfDirectory(
      atPath: workspace.path(".hwc/sessions"))
    let sessionText = try String(
      contentsOfFile: workspace.path(".hwc/sessions/\(sessions[0])"), encoding: .utf8)
    let token = try #require(sessionText.split(separator: "\n").last?.split(separator: " ").last)
    let mode =
      try FileManager.default.attributesOfItem(
        atPath: workspace.path(".hwc/sessions/\(sessions[0])"))[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let file = try Data(contentsOf: URL(fileURLWithPath: workspace.db))
    let wal = (try? Data(contentsOf: URL(fileURLWithPath: workspace.db + "-wal"))) ?? Data()
    for secret in [
      "marat's own passphrase", code, String(token), Workspace.passphrase(of: "dauren"),
      Workspace.passphrase(of: "admin"),
    ] {
      #expect(!printed.contains(secret), "\(secret) printed")
      #expect(file.range(of: Data(secret.utf8)) == nil, "\(secret) in the register file")
      #expect(wal.range(of: Data(secret.utf8)) == nil, "\(secret) in the register's WAL")
    }
    #expect(printed.contains("(clerk@district-office)"))
  }

  @Test func initWithoutAFilePrintsTheAdministratorsSetupCodeOnce() throws {
    let workspace = Workspace()
    workspace.provesActors = false
    let created = workspace.ok(["init", "--admin", "aigerim"])
    let code = try setupCode(created)
    #expect(workspace.ok(["init", "--admin", "aigerim"]).out.contains("setup code") == false)
    let codeFile = try workspace.write("code", code + "\n")
    let newFile = try workspace.write("new", "aigerim's own passphrase\n")
    workspace.ok([
      "user", "passwd", "--as", "aigerim", "--password-file", codeFile, "--new-password-file",
      newFile,
    ])
    workspace.ok([
      "user", "add", "dauren", "--role", "officer@Kaztalov", "--new-password-file", newFile, "--as",
      "aigerim", "--password-file", newFile,
    ])
  }

  @Test func revokeTakesOneRoleAndTheAuditLogFiltersByActorNewestFirst() throws {
    let workspace = Workspace.standard()
    workspace.ok([
      "user", "add", "marat", "--role", "inspector@Kaztalov", "--role", "inspector@Zhanibek",
      "--as", "admin",
    ])
    workspace.ok(["user", "revoke", "marat", "--role", "inspector@Zhanibek", "--as", "admin"])
    let list = workspace.ok(["user", "list"]).out
    #expect(list.contains("marat   inspector@Kaztalov  active"), "\(list)")
    let missing = workspace.run([
      "user", "revoke", "marat", "--role", "inspector@Zhanibek", "--as", "admin",
    ])
    #expect(missing.err == "hwc: user marat does not hold the role inspector@Zhanibek\n")
    let log = workspace.ok(["audit", "log", "--actor", "admin", "--limit", "2"]).out
    let heads = log.split(separator: "\n").filter { $0.hasPrefix("#") }
    #expect(heads.count == 2)
    #expect(
      heads[0].contains("admin (clerk@district-office): hwc user revoke — revoke role user:marat"))
    #expect(heads[1].contains("hwc user add — create user:marat"))
    let dauren = workspace.ok(["audit", "log", "--actor", "dauren"]).out
    #expect(dauren.contains("create claimant:88********11"))
    #expect(!dauren.contains("user:"))
  }

  @Test func passwdOnATerminalAsksTheCodeThenTheNewPassphraseTwice() throws {
    let workspace = Self.workspace()
    let admin = ["--as", "admin", "--password-file", workspace.secretFile("admin")]
    let code = try setupCode(
      workspace.ok(["user", "add", "marat", "--role", "inspector@Kaztalov"] + admin))
    var answers = [code, "marat's new passphrase", "marat's new passphrase"]
    var prompts: [String] = []
    let set = workspace.run(
      ["user", "passwd", "--as", "marat"],
      secret: { prompt in
        prompts.append(prompt)
        return answers.removeFirst()
      })
    #expect(set.code == 0, "\(set)")
    #expect(
      prompts == [
        "setup code or current passphrase for marat: ", "new passphrase: ",
        "new passphrase again: ",
      ])
    answers = ["marat's new passphrase", "one passphrase", "another passphrase"]
    let differ = workspace.run(
      ["user", "passwd", "--as", "marat"], secret: { _ in answers.removeFirst() })
    #expect(differ.err == "hwc: --passphrase: the two passphrases differ; nothing was done\n")
    workspace.ok(
      Workspace.register(["--as", "dauren"]),
      environment: ["HWC_DB": workspace.db, "HWC_PASSWORD_FILE": workspace.secretFile("dauren")])
  }

  @Test func aLockedUsersSessionIsRefusedToo() throws {
    let workspace = Self.workspace()
    workspace.ok(["login", "--as", "dauren", "--password-file", workspace.secretFile("dauren")])
    let wrong = try workspace.write("wrong", "not the passphrase\n")
    for _ in 1...5 {
      _ = workspace.run(Workspace.register(["--as", "dauren", "--password-file", wrong]))
    }
    let refused = workspace.run(Workspace.register(["--as", "dauren"]))
    #expect(refused.code == 1)
    #expect(refused.err.contains("user dauren is locked"), "\(refused)")
  }
}
