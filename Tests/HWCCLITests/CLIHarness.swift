import Foundation
import HWCCLI
import HWCCore
import HWCStore
import HWCTestSupport
import Testing

/// What one `hwc` command line returned and printed.
struct Outcome: CustomStringConvertible {
  let code: Int32
  let out: String
  let err: String

  /// Lines written to standard error, without the final line break.
  var errLines: [String] { err.split(separator: "\n").map(String.init) }

  var description: String { "exit \(code)\n--- stdout\n\(out)--- stderr\n\(err)" }
}

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

  init() { db = temporary.file("hwc.sqlite") }

  func path(_ name: String) -> String { temporary.file(name) }

  /// Runs `hwc words…` with `environment` (default: `HWC_DB` set to this register).
  func run(_ words: [String], environment: [String: String]? = nil) -> Outcome {
    let captured = Captured()
    let console = Console(out: { captured.out += $0 }, err: { captured.err += $0 })
    let code = CLI.run(
      words, environment: environment ?? ["HWC_DB": db], console: console, clock: Workspace.clock)
    return Outcome(code: code, out: captured.out, err: captured.err)
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
    for table in ["app_user", "user_role", "claimant", "complaint", "complaint_item", "audit_log"] {
      result[table] = try raw.scalarInt("SELECT count(*) FROM \(table)")
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
