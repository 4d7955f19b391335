import Foundation
import HWCTestSupport
import Testing

/// `-` for standard input where hwc reads a file (an import's FILE.csv, `--password-file -`),
/// run as a real process fed through its standard input; `-` refused where it cannot be meant.
@Suite struct CLIStandardInputTests {
  /// Runs the built `hwc` with `words` (the acting user's secret added by the harness unless the
  /// words give one), `input` on its standard input and temporary files under the workspace.
  static func run(_ workspace: Workspace, _ words: [String], input: String) throws -> Outcome {
    let hwc = try #require(ChildProcess.hwc())
    let child = try ChildProcess(
      hwc, workspace.withSecrets(words + ["--db", workspace.db], environment: [:]),
      output: workspace.path("child-\(UUID().uuidString)"),
      environment: ["HOME": workspace.directory, "TMPDIR": workspace.directory], input: input)
    return try child.wait()
  }

  @Test func anImportReadsItsRowsFromStandardInputAndLeavesNoCopy() throws {
    let workspace = Workspace.standard()
    workspace.ok(["user", "add", "national", "--role", "officer", "--as", "admin"])
    let csv = CLIProcessTests.csv(rows: 3)
    let outcome = try Self.run(
      workspace, ["complaint", "import", "-", "--as", "national"], input: csv)
    #expect(outcome.code == 0, "\(outcome)")
    #expect(outcome.out.hasPrefix("stdin:2  P-0  KAZ-2024-0001  new\n"), "\(outcome)")
    #expect(outcome.out.contains("\nimported 3 complaints from 3 rows"), "\(outcome)")
    let list = workspace.ok(["complaint", "list", "--json"])
    #expect((parseJSON(list.out) as? [Any])?.count == 3)
    let left = try FileManager.default.contentsOfDirectory(atPath: workspace.directory)
    #expect(!left.contains { $0.hasPrefix("hwc-stdin-") }, "\(left)")
    // The same rows again change nothing, as from a file.
    let again = try Self.run(
      workspace, ["complaint", "import", "-", "--as", "national"], input: csv)
    #expect(again.code == 0, "\(again)")
    #expect((parseJSON(workspace.ok(["complaint", "list", "--json"]).out) as? [Any])?.count == 3)
  }

  @Test func aBadRowFromStandardInputIsNamedStdinAndNothingIsWritten() throws {
    let workspace = Workspace.standard()
    let before = try workspace.counts()
    let csv =
      Workspace.csvHeader
      + "F-1,\(Workspace.yerlan),,Atlantis,,Zhalpaktal,hay_loss,saiga,2026-06-01,2026-06-02,hay=1\n"
    let outcome = try Self.run(
      workspace, ["complaint", "import", "-", "--as", "dauren"], input: csv)
    #expect(outcome.code == 1, "\(outcome)")
    #expect(outcome.out == "")
    #expect(outcome.err.hasPrefix("stdin:2: district: 'Atlantis'"), "\(outcome)")
    #expect(try workspace.counts() == before)
  }

  @Test func passwordFileDashReadsThePassphraseFromStandardInput() throws {
    let workspace = Workspace.standard()
    let words = Workspace.register(["--as", "dauren", "--password-file", "-"])
    let proven = try Self.run(workspace, words, input: Workspace.passphrase(of: "dauren") + "\n")
    #expect(proven.code == 0, "\(proven)")
    #expect(proven.out.hasPrefix("registered complaint KAZ-2026-0001"), "\(proven)")
    let before = try workspace.counts()
    let wrong = try Self.run(workspace, words, input: "not the passphrase\n")
    #expect(wrong.code == 1, "\(wrong)")
    #expect(try workspace.counts()["complaint"] == before["complaint"])
    let empty = try Self.run(workspace, words, input: "")
    #expect(empty.code == 1)
    #expect(empty.err.contains("--password-file: standard input is empty"), "\(empty)")
  }
}
