import Foundation
import HWCCLI
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// `hwc backup`: a checked copy that finishes while another process writes, leaves nothing
/// behind when it fails or is refused, and restores as the README's "Backup and restore" says.
@Suite struct CLIBackupTests {
  /// Names in the workspace's folder that start with `prefix`, sorted.
  static func files(_ workspace: Workspace, _ prefix: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: workspace.directory)
      .filter { $0.hasPrefix(prefix) }.sorted()
  }

  /// Complaints in the register file at `path`, read with a raw connection.
  static func complaints(_ path: String) throws -> Int {
    try Database(path: path, create: false).scalar(Int.self, "SELECT count(*) FROM complaint") ?? 0
  }

  /// The anchor in a line `anchor N:HASH…`.
  static func anchor(in line: Substring) -> String {
    String(line.dropFirst("anchor ".count).prefix { $0 != " " && $0 != "\n" })
  }

  @Test func aBackupPrintsSizeTimeAndChecksAndIsAWorkingRegisterInWALMode() throws {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--as", "dauren"]))
    let entries = try #require(
      try Database(path: workspace.db, create: false).scalar(
        Int.self, "SELECT count(*) FROM audit_entry"))
    let copy = workspace.path("copy.sqlite")
    let outcome = workspace.ok(["backup", copy])
    let lines = outcome.out.split(separator: "\n")
    #expect(lines.count == 2, "\(outcome)")
    let summary = try #require(lines.first)
    let pattern = #/backed up to (.+): \d+\.\d KB in [\d.]+ s \(copy [\d.]+ s\), checked \((.+)\)/#
    let match = try #require(summary.wholeMatch(of: pattern), "\(outcome)")
    #expect(match.output.1 == copy)
    #expect(
      match.output.2 == "schema, integrity, foreign keys, audit chain: \(entries) entries, ledger")
    let printed = workspace.ok(["audit", "anchor"]).out.dropLast()
    #expect(lines.last == printed + " (the copy's last audit entry)")
    // Nothing but the copy: no temporary file, no -wal or -shm beside it.
    #expect(try Self.files(workspace, "copy.sqlite") == ["copy.sqlite"])
    let header = try #require(FileManager.default.contents(atPath: copy)).prefix(20)
    #expect(Array(header.suffix(2)) == [2, 2], "file format bytes 18-19: 2 = WAL")
    let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(workspace.ok(["check", "--db", copy]).out.contains("ledger: ok"))
    workspace.ok(["audit", "verify", "--db", copy, "--anchor", Self.anchor(in: printed)])
    #expect(try Self.complaints(copy) == 1)

    let json = workspace.ok(["backup", workspace.path("copy.json.sqlite"), "--json"])
    let report = try #require(parseJSON(json.out) as? [String: Any])
    let size =
      try FileManager.default.attributesOfItem(
        atPath: workspace.path("copy.json.sqlite"))[.size] as? Int
    #expect(report["path"] as? String == workspace.path("copy.json.sqlite"))
    #expect(report["bytes"] as? Int == size)
    let total = try #require(report["milliseconds"] as? Int)
    #expect((0...total).contains(report["copy_milliseconds"] as? Int ?? -1))
    #expect(report["checked"] as? Bool == true)
    #expect(
      report["checks"] as? [String] == [
        "schema", "integrity", "foreign keys", "audit chain", "ledger",
      ])
    #expect(report["audit_entries"] as? Int == entries)
    #expect(report["anchor"] as? String == Self.anchor(in: printed))
  }

  /// One backup of a register that another process may be writing.
  struct Run {
    let seconds: Double
    let copySeconds: Double
    /// True when complaints were registered while the backup ran.
    let overlapped: Bool
  }

  /// Backs up `workspace` `rounds` times to new files named `name-N.sqlite`; each must finish
  /// and pass `check`, holding between the complaints counted before it started and after it
  /// ended.
  static func backups(_ workspace: Workspace, _ name: String, rounds: Int) throws -> [Run] {
    var result: [Run] = []
    for round in 1...rounds {
      let copy = workspace.path("\(name)-\(round).sqlite")
      let before = try complaints(workspace.db)
      let outcome = workspace.run(["backup", copy, "--json"])
      let after = try complaints(workspace.db)
      #expect(outcome.code == 0, "round \(round): \(outcome)")
      let report = parseJSON(outcome.out) as? [String: Any]
      let check = workspace.run(["check", "--db", copy])
      #expect(check.code == 0, "round \(round): \(check)")
      let held = try complaints(copy)
      #expect(
        (before...after).contains(held),
        "round \(round): the copy holds \(held) complaints, the register \(before) before, \(after) after"
      )
      func seconds(_ key: String) -> Double { Double(report?[key] as? Int ?? 0) / 1000 }
      result.append(
        Run(
          seconds: seconds("milliseconds"), copySeconds: seconds("copy_milliseconds"),
          overlapped: after > before))
    }
    return result
  }

  @Test func backupsFinishWhileAnotherProcessKeepsRegisteringComplaints() throws {
    guard let hwc = ChildProcess.hwc() else {
      Issue.record("the hwc executable was not found next to the test bundle; build it first")
      return
    }
    let workspace = Workspace.standard()
    // Several megabytes, so that a copy made a few pages at a time would take many steps.
    workspace.ok(["user", "add", "national", "--role", "officer", "--as", "admin"])
    let csv = try workspace.write("bulk.csv", CLIProcessTests.csv(rows: 10_000))
    workspace.ok(["complaint", "import", csv, "--as", "national"])
    let quiet = try Self.backups(workspace, "quiet", rounds: 3)

    // A separate process registers complaints, one `hwc` run after another, until told to stop.
    let stop = workspace.path("stop-writing")
    let words =
      workspace.withSecrets(Workspace.register(["--as", "dauren"]), environment: [:])
      + ["--db", workspace.db]
    let script = """
      hwc="$1"; stop="$2"; shift 2; n=0
      while [ ! -e "$stop" ]; do "$hwc" "$@" > /dev/null || exit 1; n=$((n + 1)); done
      echo "$n"
      """
    let initial = try Self.complaints(workspace.db)
    let writer = try ChildProcess(
      "/bin/sh", ["-c", script, "sh", hwc, stop] + words, output: workspace.path("writer"))
    var stopped = false
    func stopWriter() throws -> Outcome {
      stopped = true
      _ = FileManager.default.createFile(atPath: stop, contents: nil)
      return try writer.wait()
    }
    defer { if !stopped { _ = try? stopWriter() } }
    // Wait (at most a minute) for the writer's first complaint.
    var waited = 0
    while try Self.complaints(workspace.db) == initial, waited < 600 {
      usleep(100_000)
      waited += 1
    }
    #expect(try Self.complaints(workspace.db) > initial, "the writer registered nothing")

    let loaded = try Self.backups(workspace, "loaded", rounds: 3)
    let written = try stopWriter()
    #expect(written.code == 0, "the writer failed: \(written)")
    let commits = Int(written.out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    #expect(try Self.complaints(workspace.db) == initial + commits)
    // The copy never restarts: writes landing while it runs do not stop it finishing.
    #expect(
      loaded.contains { $0.overlapped },
      "no backup overlapped a write; the load test tested nothing")
    func shown(_ runs: [Run]) -> String {
      runs.map {
        "\($0.seconds) s (copy \($0.copySeconds) s\($0.overlapped ? ", writes meanwhile" : ""))"
      }
      .joined(separator: ", ")
    }
    let size =
      try FileManager.default.attributesOfItem(atPath: workspace.path("quiet-1.sqlite"))[
        .size] as? Int ?? 0
    print(
      "hwc backup of a \(size / 1000) KB register: alone \(shown(quiet)); "
        + "while another process registered \(commits) complaints: \(shown(loaded))")
  }

  @Test func aCopyThatFailsItsCheckLeavesNoFileAndTheSameNameWorksOnceTheRegisterIsSound()
    throws
  {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--as", "dauren"]))
    try Tamper.register(at: workspace.db, "UPDATE complaint_item SET quantity_centi = 9900")
    let copy = workspace.path("copy.sqlite")
    let failed = workspace.run(["backup", copy])
    #expect(failed.code == 1)
    #expect(failed.out == "")
    #expect(failed.errLines.count == 1, "\(failed)")
    #expect(
      failed.err.hasPrefix(
        "hwc: FILE: the copy to \(copy) failed its check, audit chain: complaint:KAZ-2026-0001"),
      "\(failed)")
    #expect(failed.err.hasSuffix("; nothing was kept\n"), "\(failed)")
    #expect(try Self.files(workspace, "copy.sqlite") == [])
    try Tamper.register(at: workspace.db, "UPDATE complaint_item SET quantity_centi = 300")
    workspace.ok(["check"])
    workspace.ok(["backup", copy])
    workspace.ok(["check", "--db", copy])
  }

  @Test func aFailureHalfWayLeavesNoFileAndARetryUnderTheSameNameSucceeds() throws {
    let workspace = Workspace.standard()
    let copy = workspace.path("copy.sqlite")
    let register = try Register.open(path: workspace.db)
    struct Interrupted: Error {}
    var written: String?
    #expect(throws: Interrupted.self) {
      try register.backup(to: copy) { partial in
        written = partial
        throw Interrupted()
      }
    }
    #expect(written == copy + ".partial-\(getpid())")
    #expect(try Self.files(workspace, "copy.sqlite") == [])
    let result = try register.backup(to: copy)
    #expect(result.path == copy)
    #expect(try Self.files(workspace, "copy.sqlite") == ["copy.sqlite"])
    workspace.ok(["check", "--db", copy])
  }

  /// `hwc backup words…` must be refused with exactly `message`, writing nothing.
  static func refused(
    _ workspace: Workspace, _ words: [String], _ message: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = try FileManager.default.subpathsOfDirectory(atPath: workspace.directory).sorted()
    let outcome = workspace.run(["backup"] + words)
    #expect(outcome.code == 1, "\(outcome)", sourceLocation: sourceLocation)
    #expect(outcome.out == "", sourceLocation: sourceLocation)
    #expect(outcome.err == "hwc: FILE: \(message)\n", sourceLocation: sourceLocation)
    let after = try FileManager.default.subpathsOfDirectory(atPath: workspace.directory).sorted()
    #expect(after == before, "\(after)", sourceLocation: sourceLocation)
  }

  @Test func targetsThatExistOrWhoseFolderIsMissingAreRefusedInOneSentence() throws {
    let workspace = Workspace.standard()
    let existing = try workspace.write("keep.sqlite", "keep me\n")
    try Self.refused(
      workspace, [existing], "\(existing) already exists; choose a new file name")
    let folder = workspace.path("no-such-folder")
    try Self.refused(
      workspace, [folder + "/copy.sqlite"],
      "cannot back up to \(folder)/copy.sqlite: the folder \(folder) does not exist; "
        + "create it first or choose another folder")
    try Self.refused(
      workspace, [existing + "/copy.sqlite"],
      "cannot back up to \(existing)/copy.sqlite: \(existing) is not a folder")
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me\n")
  }

  @Test func aFolderThatMayNotBeWrittenIsRefusedInOneSentence() throws {
    // The superuser may write anywhere; the refusal is then the system's, not hwc's.
    guard getuid() != 0 else { return }
    let workspace = Workspace.standard()
    let folder = workspace.path("read-only")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    chmod(folder, 0o500)
    defer { chmod(folder, 0o700) }
    try Self.refused(
      workspace, [folder + "/copy.sqlite"],
      "cannot back up to \(folder)/copy.sqlite: you may not write in the folder \(folder); "
        + "choose a folder you may write to")
  }

  /// README, "Backup and restore", followed step by step.
  @Test func restoringABackupAsTheReadmeSaysKeepsItsHistoryAndShowsWhatItLacks() throws {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--as", "dauren"]))
    let backup = workspace.path("backup.sqlite")
    let printedByBackup = workspace.ok(["backup", backup]).out.split(separator: "\n")[1]
    let held = Self.anchor(in: printedByBackup)
    // Work after the backup, and an anchor printed after it (as on a receipt).
    workspace.ok(Workspace.register(["--as", "dauren", "--notes", "after the backup"]))
    let later = Self.anchor(in: workspace.ok(["audit", "anchor"]).out[...])
    #expect(try Self.complaints(workspace.db) == 2)

    // 1. Stop every writer (none runs here). 2. Keep the damaged register aside, with its
    // -wal and -shm files. 3. Copy the backup into place.
    let files = FileManager.default
    for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: workspace.db + suffix) {
      try files.moveItem(atPath: workspace.db + suffix, toPath: workspace.db + ".damaged" + suffix)
    }
    try files.copyItem(atPath: backup, toPath: workspace.db)
    // 4. check and audit verify pass.
    #expect(workspace.ok(["check"]).out.contains("audit chain: ok"))
    workspace.ok(["audit", "verify"])
    // 5. The last anchor printed tells how much history the backup lacks.
    workspace.ok(["audit", "verify", "--anchor", held])
    let lacking = workspace.run(["audit", "verify", "--anchor", later])
    #expect(lacking.code == 1)
    let (heldEntry, laterEntry) = (held.prefix { $0 != ":" }, later.prefix { $0 != ":" })
    #expect(
      lacking.err
        == "hwc: audit verification failed: the register has no audit entry #\(laterEntry) "
        + "(its chain ends at #\(heldEntry)): entries were removed after the anchor \(later) "
        + "was printed\n", "\(lacking)")
    #expect(try Self.complaints(workspace.db) == 1)
    // The register works again.
    workspace.ok(Workspace.register(["--as", "dauren", "--notes", "entered again"]))
    workspace.ok(["check"])
  }
}
