import Foundation
import HWCCLI
import HWCCore
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// Everything a run wrote to the console.
private final class Captured {
  var out = ""
  var err = ""
}

/// A temporary directory holding a register, and `hwc` run in-process against it.
final class Workspace {
  private let temporary = TemporaryDirectory(prefix: "hwc-cli-test")
  /// The workspace's directory, removed with the workspace.
  var directory: String { temporary.path }
  /// The register file; commands find it through `HWC_DB` unless a test says otherwise.
  let db: String

  static let clock = Clock.fixed("2026-06-15T09:30:00Z")
  /// Valid IINs (Kazakhstan) and a PIN (Kyrgyzstan).
  static let yerlan = SampleIDs.yerlan
  static let gulnara = SampleIDs.gulnara
  static let asel = SampleIDs.asel

  /// The OS account and host every audit entry made through the harness records.
  static let origin = AuditOrigin(osUser: "clerk", host: "district-office")

  /// When true (the default), `run` gives each user a passphrase file when a command creates
  /// them and passes `--password-file` for the acting user, so tests read as before; transcripts
  /// turn it off, as they show every option a user types.
  var provesActors = true
  /// The clock of the commands run; tests of session expiry move it.
  var clock = Workspace.clock

  /// Passphrases cost a few derivation rounds here instead of a tenth of a second, so that the
  /// hundreds of users the CLI tests make stay fast (the stored format records each hash's count).
  private static let cheapSecrets: Void = { SecretHash.iterationsForNewSecrets = 16 }()

  init() {
    _ = Workspace.cheapSecrets
    db = temporary.file("hwc.sqlite")
  }

  func path(_ name: String) -> String { temporary.file(name) }

  /// The passphrase the harness gives `user`.
  static func passphrase(of user: String) -> String { "passphrase of \(user), for tests" }

  /// The file holding `user`'s passphrase (written when the harness creates the user).
  func secretFile(_ user: String) -> String { path(".secret-\(user)") }

  /// Runs `hwc words…` with `environment` (default: `HWC_DB` set to this register); `HOME` is
  /// the workspace's directory unless the environment names one.
  func run(
    _ words: [String], environment: [String: String]? = nil, secret: Console.SecretReader? = nil
  ) -> Outcome {
    let captured = Captured()
    let console = Console(
      out: { captured.out += $0 }, err: { captured.err += $0 }, readSecret: secret)
    var environment = environment ?? ["HWC_DB": db]
    if environment["HOME"] == nil { environment["HOME"] = directory }
    let words = provesActors ? withSecrets(words, environment: environment) : words
    let code = CLI.run(
      words, environment: environment, console: console, clock: clock, origin: Workspace.origin)
    return Outcome(code: code, out: captured.out, err: captured.err)
  }

  /// `words` with the password options the harness adds: `init` and `user add` get the new
  /// user's passphrase file (written here), a command that changes the register gets the acting
  /// user's, unless the words already give one.
  func withSecrets(_ words: [String], environment: [String: String]) -> [String] {
    // Shared options may come first (`hwc --db x --as admin user add …`).
    var start = 0
    while start < words.count, words[start].hasPrefix("-") {
      start += ["--db", "--as", "--password-file"].contains(words[start]) ? 2 : 1
    }
    let path = words.dropFirst(start).prefix { !$0.hasPrefix("-") }
    guard
      let spec = CLI.commands.filter({ path.starts(with: $0.path) })
        .max(by: { $0.path.count < $1.path.count })
    else { return words }
    func value(_ option: String) -> String? {
      guard let index = words.firstIndex(of: option), index + 1 < words.count else { return nil }
      return words[index + 1]
    }
    func secret(_ user: String) -> String {
      let file = secretFile(user)
      try? (Workspace.passphrase(of: user) + "\n").write(
        toFile: file, atomically: true, encoding: .utf8)
      return file
    }
    var words = words
    if spec.path == ["init"], !words.contains("--password-file") {
      words += ["--password-file", secret(value("--admin") ?? "admin")]
    }
    if spec.path == ["user", "add"], !words.contains("--new-password-file"),
      words.count > start + 2, !words[start + 2].hasPrefix("-")
    {
      words += ["--new-password-file", secret(words[start + 2])]
    }
    if spec.traits.contains(.mutating), !words.contains("--password-file"),
      environment["HWC_PASSWORD_FILE"] == nil,
      let actor = value("--as") ?? environment["HWC_USER"],
      FileManager.default.fileExists(atPath: secretFile(actor))
    {
      words += ["--password-file", secretFile(actor)]
    }
    return words
  }

  /// Runs a command line that must succeed; records an issue with its output otherwise.
  @discardableResult
  func ok(
    _ words: [String], environment: [String: String]? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Outcome {
    let outcome = run(words, environment: environment)
    #expect(outcome.code == 0, "\(words): \(outcome)", sourceLocation: sourceLocation)
    return outcome
  }

  /// A register made through the CLI: an admin, officers of Kaztalov and Zhanibek and of the
  /// Shamshy conservancy, and Yerlan Bekov as a claimant in Kaztalov.
  static func standard() -> Workspace {
    let workspace = Workspace()
    workspace.ok(["init"])
    workspace.ok(["user", "add", "dauren", "--role", "officer@Kaztalov", "--as", "admin"])
    workspace.ok(["user", "add", "saule", "--role", "officer@Zhanibek", "--as", "admin"])
    workspace.ok(["user", "add", "bakyt", "--role", "officer@Shamshy", "--as", "admin"])
    workspace.ok([
      "claimant", "add", "--name", "Yerlan Bekov", "--id", yerlan, "--district", "Kaztalov",
      "--village", "Zhalpaktal", "--herd", "sheep_goat=20", "--as", "dauren",
    ])
    return workspace
  }

  /// `complaint register` for Yerlan (a wolf in Kaztalov), with extra words appended.
  static func register(_ extra: [String] = []) -> [String] {
    [
      "complaint", "register", "--claimant", yerlan, "--district", "Kaztalov", "--type",
      "livestock_predation", "--species", "wolf", "--incident-date", "2026-06-01",
      "--reported-date", "2026-06-02", "--item", "sheep_goat.adult=3",
    ] + extra
  }

  /// Writes a file in the workspace and returns its path.
  func write(_ name: String, _ text: String) throws -> String {
    let path = path(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Row counts of every table a refused command must leave alone, read with a raw connection.
  func counts() throws -> [String: Int] {
    let raw = try Database(path: db, create: false)
    var result: [String: Int] = [:]
    for table in [
      "app_user", "user_role", "claimant", "complaint", "complaint_item", "audit_entry",
      "user_session",
    ] {
      result[table] = try raw.scalar(Int.self, "SELECT count(*) FROM \(table)") ?? 0
    }
    return result
  }

  /// The header of a complaint CSV (SPEC §8).
  static let csvHeader = SpecCSV.complaintHeader
}

/// Parses a JSON document printed on standard output.
func parseJSON(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Any? {
  do {
    return try JSONSerialization.jsonObject(with: Data(text.utf8))
  } catch {
    Issue.record("not JSON: \(error)\n\(text)", sourceLocation: sourceLocation)
    return nil
  }
}
