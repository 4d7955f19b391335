import Foundation
import HWCCLI
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// Why the setup of a reliability register stopped: a command that had to succeed did not.
struct SetupFailed: Error, CustomStringConvertible {
  let words: [String]
  let outcome: Outcome
  var description: String { "setup command \(words) failed: \(outcome)" }
}

/// A district office's register for the reliability tests: made in-process (passphrases with
/// few derivation rounds, so that the debug build's children check them quickly), then used by
/// the built `hwc` as separate processes, each user proving identity with a passphrase file.
final class Office {
  let folder = TemporaryDirectory(prefix: "hwc-reliability")
  /// The built executable the tests spawn.
  let hwc: String
  /// The register file.
  let db: String

  private static let cheapSecrets: Void = { SecretHash.iterationsForNewSecrets = 16 }()

  /// A new folder and register with an administrator `admin` and the users `roles` names
  /// (`user: [role@place, …]`).
  init(users roles: [(String, [String])] = []) throws {
    _ = Office.cheapSecrets
    hwc = try #require(ChildProcess.hwc(), "the hwc executable was not found; build it first")
    db = folder.file("hwc.sqlite")
    try setup(["init", "--admin", "admin", "--password-file", secret("admin")])
    for (user, places) in roles {
      try setup(
        ["user", "add", user, "--new-password-file", secret(user)]
          + places.flatMap { ["--role", $0] } + acting("admin"))
    }
  }

  /// The passphrase file of `user`, written on first use (0600).
  func secret(_ user: String) -> String {
    let path = folder.file(".secret-\(user)")
    if !FileManager.default.fileExists(atPath: path) {
      folder.write(".secret-\(user)", "reliability passphrase of \(user)\n")
      chmod(path, 0o600)
    }
    return path
  }

  /// `--as user --password-file FILE`.
  func acting(_ user: String) -> [String] { ["--as", user, "--password-file", secret(user)] }

  /// Runs `hwc words` in this test process against `register` (default: this office's).
  func run(_ words: [String], register: String? = nil) -> Outcome {
    var out = ""
    var err = ""
    let console = Console(out: { out += $0 }, err: { err += $0 })
    let code = CLI.run(
      words + ["--db", register ?? db], environment: ["HOME": folder.path], console: console)
    return Outcome(code: code, out: out, err: err)
  }

  /// Runs a command in-process that must succeed, throwing with its output otherwise.
  @discardableResult
  func setup(_ words: [String]) throws -> Outcome {
    let outcome = run(words)
    guard outcome.code == 0 else { throw SetupFailed(words: words, outcome: outcome) }
    return outcome
  }

  /// Starts the built `hwc words --db register` as a child process, its output in `name`.*.
  func spawn(_ words: [String], _ name: String, register: String? = nil) throws -> ChildProcess {
    try ChildProcess(
      hwc, words + ["--db", register ?? db], output: folder.file(name),
      environment: ["HOME": folder.path])
  }

  /// Runs the built `hwc` to its end.
  func spawned(_ words: [String], register: String? = nil) throws -> Outcome {
    try spawn(words, "child-\(UUID().uuidString)", register: register).wait()
  }

  /// A copy of the register file (every connection closed, so there is no WAL to copy) named
  /// `name` in the office folder.
  func copy(to name: String) throws -> String {
    let target = folder.file(name)
    try? FileManager.default.removeItem(atPath: target)
    try FileManager.default.copyItem(atPath: db, toPath: target)
    return target
  }

  /// `SELECT count(*)` of `table` in `register`, optionally filtered.
  func count(_ table: String, _ filter: String = "1", register: String? = nil) throws -> Int {
    try Database(path: register ?? db, create: false).scalar(
      Int.self, "SELECT count(*) FROM \(table) WHERE \(filter)") ?? -1
  }

  /// Records an issue unless `hwc check` and `hwc audit verify` pass on `register` and SQLite's
  /// own `PRAGMA integrity_check` says ok; `context` says which iteration it was.
  func expectSound(_ register: String, _ context: String) throws {
    for words in [["check"], ["audit", "verify"]] {
      let outcome = run(words, register: register)
      #expect(outcome.code == 0, "\(context): hwc \(words.joined(separator: " ")): \(outcome)")
    }
    let integrity = try Database(path: register, create: false).scalar(
      String.self, "PRAGMA integrity_check")
    #expect(integrity == "ok", "\(context): integrity_check: \(integrity ?? "nothing")")
  }
}
