import Foundation
import HWCCLI
import HWCStore
import HWCTestSupport
import Testing

/// The real `hwc` as processes: a registration started while an import holds the write lock
/// waits, says what it waits for, and succeeds; a stale note is ignored; the note names nobody's
/// national ID or secret.
@Suite struct CLIWriterWaitTests {
  /// Waits up to `seconds` for `condition`, polling.
  func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if condition() { return true }
      usleep(20_000)
    }
    return condition()
  }

  /// `hwc complaint import` of `rows` rows as `national`, held once it has the write lock until
  /// the file `gate` is removed.
  func startHeldImport(_ hwc: String, _ workspace: Workspace, rows: Int, gate: String) throws
    -> ChildProcess
  {
    let csv = try workspace.write("field.csv", CLIProcessTests.csv(rows: rows))
    return try ChildProcess(
      hwc,
      workspace.withSecrets(
        ["complaint", "import", csv, "--db", workspace.db, "--as", "national"], environment: [:]),
      output: workspace.path("import"), environment: ["HWC_TEST_WRITE_GATE": gate])
  }

  /// `hwc complaint register` for Yerlan as dauren, not waited for.
  func startRegistration(_ hwc: String, _ workspace: Workspace) throws -> ChildProcess {
    try ChildProcess(
      hwc,
      workspace.withSecrets(Workspace.register(["--as", "dauren"]), environment: [:])
        + ["--db", workspace.db],
      output: workspace.path("register"))
  }

  /// The standard register with a national officer, and the built `hwc`.
  func setUp() -> (String, Workspace)? {
    guard let hwc = ChildProcess.hwc() else {
      Issue.record("the hwc executable was not found next to the test bundle")
      return nil
    }
    let workspace = Workspace.standard()
    workspace.ok(["user", "add", "national", "--role", "officer", "--as", "admin"])
    return (hwc, workspace)
  }

  @Test func aRegistrationDuringAnImportWaitsSaysForWhomAndSucceeds() throws {
    guard let (hwc, workspace) = setUp() else { return }
    let before = try workspace.counts()
    let gate = try workspace.write("gate", "")
    let noteFile = WriterNote.path(for: workspace.db)
    let importer = try startHeldImport(hwc, workspace, rows: 40, gate: gate)
    #expect(
      eventually(60) { FileManager.default.fileExists(atPath: noteFile) },
      "the import never took the write lock")
    let note = try String(contentsOfFile: noteFile, encoding: .utf8)
    #expect(note.contains("user=national\n") && note.contains("command=a complaint import\n"))
    #expect(note.contains("pid=\(importer.process.processIdentifier)\n"))
    var info = stat()
    #expect(stat(noteFile, &info) == 0 && info.st_mode & 0o777 == 0o600)
    let ids = GeneratedIIN.first(40, bornFrom: 1965, sex: .female) + [Workspace.yerlan]
    #expect(!ids.contains { note.contains($0) }, "the note holds a national ID")
    #expect(!note.contains(Workspace.passphrase(of: "national")))
    let registration = try startRegistration(hwc, workspace)
    // Well past the second after which it says what it waits for: still waiting.
    usleep(2_500_000)
    #expect(registration.process.isRunning, "the registration did not wait for the import")
    try FileManager.default.removeItem(atPath: gate)
    let imported = try importer.wait()
    let registered = try registration.wait()
    #expect(imported.code == 0, "\(imported.err)")
    #expect(imported.out.hasSuffix("\nimported 40 complaints from 40 rows, 40 new claimants\n"))
    #expect(registered.code == 0, "\(registered.err)")
    let waiting = registered.err.split(separator: "\n")
    #expect(waiting.count == 1, "\(registered.err)")
    #expect(
      waiting.first?.hasPrefix("hwc: waiting for a complaint import by national, started ") == true,
      "\(registered.err)")
    #expect(
      waiting.first?.hasSuffix("(pid \(importer.process.processIdentifier))…") == true,
      "\(registered.err)")
    let after = try workspace.counts()
    #expect(after["complaint"] == before["complaint"]! + 41)
    #expect(after["claimant"] == before["claimant"]! + 40)
    #expect(!FileManager.default.fileExists(atPath: noteFile), "the import left its note")
  }

  @Test func aStaleNoteIsIgnoredAndReplacedByTheNextLongWriter() throws {
    guard let (hwc, workspace) = setUp() else { return }
    try StaleWriterNote.write(databasePath: workspace.db)
    // Another tool holds the lock for a moment: the waiter does not name the dead holder.
    let holder = try Database(path: workspace.db, create: false)
    try holder.execute("BEGIN IMMEDIATE")
    let registration = try startRegistration(hwc, workspace)
    usleep(1_800_000)
    try holder.execute("ROLLBACK")
    let registered = try registration.wait()
    #expect(registered.code == 0, "\(registered.err)")
    #expect(registered.err == "hwc: waiting for another command writing to the register…\n")
    // The next import replaces the stale note with its own while it writes, and removes it.
    let gate = try workspace.write("gate", "")
    let importer = try startHeldImport(hwc, workspace, rows: 3, gate: gate)
    #expect(
      eventually(60) {
        WriterNote.read(databasePath: workspace.db)?.pid == importer.process.processIdentifier
      }, "the import did not replace the stale note")
    try FileManager.default.removeItem(atPath: gate)
    #expect(try importer.wait().code == 0)
    #expect(WriterNote.read(databasePath: workspace.db) == nil)
  }
}
