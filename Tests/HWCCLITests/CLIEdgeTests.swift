import Foundation
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCCLI

/// Issue #11, "Leaks and wrong writes": masked IDs in audit and check messages, a private rejects
/// file, readers that write nothing, one sentence for a file problem, and the claimant's country.
@Suite struct CLIEdgeTests {
  // MARK: National IDs in audit verify and check

  @Test func auditVerifyAndCheckNameAnEditedClaimantByTheMaskedID() throws {
    let workspace = Workspace.standard()
    try Tamper.register(at: workspace.db, "UPDATE claimant SET name = 'Someone Else'")
    for words in [
      ["audit", "verify"], ["check"], ["audit", "verify", "--json"], ["check", "--json"],
    ] {
      let outcome = workspace.run(words)
      #expect(outcome.code == 1, "\(words): \(outcome)")
      #expect(outcome.err.contains("claimant:88********11"), "\(words): \(outcome)")
      #expect(!outcome.err.contains(Workspace.yerlan), "\(words): \(outcome)")
      #expect(!outcome.out.contains(Workspace.yerlan), "\(words): \(outcome)")
    }
  }

  @Test func anAlteredAuditEntryOfAClaimantIsNamedByTheMaskedID() throws {
    let workspace = Workspace.standard()
    try Tamper.register(
      at: workspace.db,
      """
      UPDATE audit_entry SET action = 'edited'
      WHERE kind = 2 AND row = (SELECT id FROM claimant WHERE national_id = '\(Workspace.yerlan)')
      """)
    let outcome = workspace.run(["audit", "verify"])
    #expect(outcome.code == 1, "\(outcome)")
    #expect(outcome.err.contains("(claimant:88********11) was altered"), "\(outcome)")
    #expect(!outcome.err.contains(Workspace.yerlan), "\(outcome)")
  }

  // MARK: The rejects file

  @Test func theRejectsFileIsReadableByItsOwnerOnlyAndHelpSaysWhy() throws {
    let workspace = Workspace.standard()
    let csv = try workspace.write("field.csv", CLIMaintenanceTests.mixed)
    let rejects = workspace.path("rejects.csv")
    workspace.ok(
      ["complaint", "import", csv, "--as", "dauren", "--skip-invalid", "--rejects", rejects])
    var info = stat()
    #expect(stat(rejects, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    // It keeps the full IDs: the officer corrects the rows and imports them again.
    #expect(try String(contentsOfFile: rejects, encoding: .utf8).contains(Workspace.yerlan))
    let help = workspace.ok(["complaint", "import", "--help"]).out
    #expect(help.contains("keep full national IDs"), "\(help)")
    #expect(help.contains("0600"), "\(help)")
  }

  // MARK: Readers write nothing

  @Test func aReaderOnAnEmptyFileLeavesItEmptyAndSaysItIsNotARegister() throws {
    let workspace = Workspace()
    let empty = workspace.path("empty.sqlite")
    #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
    for words in [["complaint", "list"], ["check"], ["audit", "verify"], ["claimant", "list"]] {
      let outcome = workspace.run(words + ["--db", empty])
      #expect(outcome.code == 1, "\(words): \(outcome)")
      #expect(
        outcome.errLines == [
          "hwc: \(empty) is an empty file, not a register; create one with 'hwc init' or point "
            + "--db at an existing one"
        ], "\(words): \(outcome)")
    }
    #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
    #expect(!FileManager.default.fileExists(atPath: empty + "-wal"))
  }

  /// Another application's SQLite file (rollback journal, its own tables).
  static func foreignDatabase(_ path: String) throws {
    let other = try Database(path: path, create: true)
    try other.execute(
      "PRAGMA journal_mode = DELETE; CREATE TABLE note(text); INSERT INTO note VALUES ('x')")
  }

  /// The journal mode written in a database file's header, without opening it: byte 18 is 1 for
  /// a rollback journal, 2 for WAL.
  static func journalMode(_ path: String) throws -> String {
    let header = try #require(FileManager.default.contents(atPath: path)).prefix(20)
    #expect(header.count == 20)
    return header.count == 20 && header[18] == 2 ? "wal" : "delete"
  }

  @Test func anotherApplicationsDatabaseIsNeitherSwitchedToWALNorMadeARegister() throws {
    let workspace = Workspace.standard()
    let foreign = workspace.path("other.db")
    try Self.foreignDatabase(foreign)
    #expect(try Self.journalMode(foreign) == "delete")
    let sentence =
      "hwc: \(foreign) is not an hwc register (it is not a database hwc made); point --db at a "
      + "register, or create one with 'hwc init'"
    for words in [
      ["complaint", "list"], ["check"], ["audit", "log"], ["claimant", "show", Workspace.yerlan],
      ["user", "add", "zarina", "--role", "officer@Kaztalov", "--as", "admin"], ["init"],
    ] {
      let outcome = workspace.run(words + ["--db", foreign])
      #expect(outcome.code == 1, "\(words): \(outcome)")
      #expect(outcome.errLines == [sentence], "\(words): \(outcome)")
      #expect(try Self.journalMode(foreign) == "delete", "\(words)")
    }
    #expect(!FileManager.default.fileExists(atPath: foreign + "-wal"))
    let tables = try Database(path: foreign, create: false).scalar(
      Int.self, "SELECT count(*) FROM sqlite_schema")
    #expect(tables == 1)
  }

  @Test func aFileThatIsNotADatabaseIsNamedInOneSentence() throws {
    let workspace = Workspace.standard()
    let junk = try workspace.write(
      "notes.txt", String(repeating: "a letter to the district office, not a database\n", count: 40)
    )
    let before = try String(contentsOfFile: junk, encoding: .utf8)
    for words in [
      ["complaint", "list"], ["check"], ["backup", workspace.path("copy.sqlite")],
      ["user", "add", "zarina", "--role", "officer@Kaztalov", "--as", "admin"], ["init"],
    ] {
      let outcome = workspace.run(words + ["--db", junk])
      #expect(outcome.code == 1, "\(words): \(outcome)")
      #expect(
        outcome.errLines == [
          "hwc: \(junk) is not an hwc register (it is not a database hwc made); point --db at a "
            + "register, or create one with 'hwc init'"
        ], "\(words): \(outcome)")
    }
    #expect(try String(contentsOfFile: junk, encoding: .utf8) == before)
    #expect(!FileManager.default.fileExists(atPath: workspace.path("copy.sqlite")))
  }

  // MARK: Read-only media

  @Test func aRegisterInAReadOnlyFolderIsListedCheckedAndBackedUpButNotWritten() throws {
    let hwc = try #require(ChildProcess.hwc())
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--as", "dauren"]))
    let media = TemporaryDirectory(prefix: "hwc-readonly")
    let out = TemporaryDirectory(prefix: "hwc-readonly-out")
    let register = media.file("hwc.sqlite")
    // Every connection is closed: SQLite removed the -wal and -shm files with the last one.
    #expect(!FileManager.default.fileExists(atPath: workspace.db + "-wal"))
    try FileManager.default.copyItem(atPath: workspace.db, toPath: register)
    #expect(try Self.journalMode(register) == "wal")
    let secret = out.file("secret")
    try FileManager.default.copyItem(atPath: workspace.secretFile("admin"), toPath: secret)
    chmod(secret, 0o644)
    chmod(out.path, 0o777)
    chmod(register, 0o444)
    chmod(media.path, 0o555)
    defer { chmod(media.path, 0o755) }
    let before = try FileManager.default.contentsOfDirectory(atPath: media.path)
    let environment = ["HWC_DB": register, "HOME": out.path, "PATH": "/usr/bin:/bin"]
    func run(_ words: [String]) throws -> Outcome {
      try ChildProcess.shellAsUnprivileged(
        ([hwc] + words).map(ChildProcess.quoted).joined(separator: " "), environment: environment)
    }
    let list = try run(["complaint", "list"])
    #expect(list.code == 0, "\(list)")
    #expect(list.out.contains("KAZ-2026-0001"), "\(list)")
    let check = try run(["check"])
    #expect(check.code == 0, "\(check)")
    #expect(check.out.contains("audit chain: ok"), "\(check)")
    let copy = out.file("copy.sqlite")
    let backup = try run(["backup", copy])
    #expect(backup.code == 0, "\(backup)")
    let fromCopy = try run(["complaint", "list", "--db", copy])
    #expect(fromCopy.out == list.out, "\(fromCopy)")
    let write = try run([
      "user", "add", "zarina", "--role", "officer@Kaztalov", "--as", "admin", "--password-file",
      secret,
    ])
    #expect(write.code == 1, "\(write)")
    #expect(write.err.split(separator: "\n").count == 1, "\(write)")
    #expect(
      write.err.hasPrefix("hwc: the register \(register) is read-only: "), "\(write)")
    #expect(!write.err.contains("SQL"), "\(write)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: media.path) == before)
  }

  // MARK: A full disk

  @Test func aFullDiskStopsAnImportWithOneSentenceAndWritesNothing() throws {
    let hwc = try #require(ChildProcess.hwc())
    let workspace = Workspace.standard()
    var csv = Workspace.csvHeader
    for row in 1...3000 {
      csv +=
        "F-\(row),\(Workspace.yerlan),,Kaztalov,,Zhalpaktal,hay_loss,saiga,2026-06-01,"
        + "2026-06-02,hay=1\n"
    }
    let file = try workspace.write("field.csv", csv)
    let before = try workspace.counts()
    // No file may grow past 64 blocks (32 or 64 KiB): the log of the import does. SIGXFSZ is
    // ignored, so the write fails with EFBIG (or is cut short) instead of killing hwc.
    let words = [
      hwc, "complaint", "import", file, "--as", "dauren", "--password-file",
      workspace.secretFile("dauren"),
    ]
    let script =
      "ulimit -f 64; trap '' XFSZ; exec " + words.map(ChildProcess.quoted).joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.environment = ["HWC_DB": workspace.db, "HOME": workspace.directory]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = Pipe()
    try process.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1, "\(text)")
    #expect(
      text == "hwc: the disk holding \(workspace.db) is full (or a file size limit was reached): "
        + "the command stopped and its unfinished change was undone; free some space and run it "
        + "again\n")
    #expect(try workspace.counts() == before)
    workspace.ok(["check"])
  }

  @Test func sqliteFullIsOneSentenceWithoutSQLiteWords() throws {
    let folder = TemporaryDirectory(prefix: "hwc-full")
    let path = folder.file("small.sqlite")
    let db = try Database(path: path)
    try db.execute("CREATE TABLE t(x); PRAGMA max_page_count = 8")
    var failure: SQLiteError?
    do {
      for _ in 0..<100 {
        try db.run("INSERT INTO t VALUES (?)", [.text(String(repeating: "x", count: 2000))])
      }
    } catch {
      failure = error
    }
    let error = try #require(failure)
    #expect(error.primaryCode == 13)
    let sentence = CLI.message(for: error)
    #expect(sentence.hasPrefix("the disk holding \(path) is full"), "\(sentence)")
    #expect(!sentence.contains("INSERT"), "\(sentence)")
  }

  // MARK: Templates

  @Test func aMissingTemplatesFolderIsRefusedInOneSentence() throws {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--as", "dauren"]))
    let missing = workspace.path("no-such-folder")
    let given = workspace.run(["receipt", "KAZ-2026-0001", "--templates", missing])
    #expect(given.code == 1, "\(given)")
    #expect(given.errLines.count == 1, "\(given)")
    #expect(given.err.contains("--templates names \(missing), which is not a folder"), "\(given)")
    #expect(given.out == "")
    let fromEnvironment = workspace.run(
      ["report", "quarterly", "--quarter", "2026-Q2"],
      environment: ["HWC_DB": workspace.db, "HWC_TEMPLATES": missing])
    #expect(fromEnvironment.code == 1, "\(fromEnvironment)")
    #expect(fromEnvironment.errLines.count == 1, "\(fromEnvironment)")
    #expect(
      fromEnvironment.err.contains("HWC_TEMPLATES names \(missing), which is not a folder"),
      "\(fromEnvironment)")
  }

  // MARK: The claimant's country

  @Test func aKyrgyzClaimantCannotHaveAComplaintInAKazakhDistrictAtTheDesk() throws {
    let workspace = Workspace.standard()
    workspace.ok([
      "claimant", "add", "--name", "Asel Toktogulova", "--id", Workspace.asel, "--district",
      "Chuy", "--conservancy", "Shamshy", "--as", "bakyt",
    ])
    let before = try workspace.counts()
    var words = Workspace.register(["--as", "dauren"])
    words[words.firstIndex(of: Workspace.yerlan)!] = Workspace.asel
    let outcome = workspace.run(words)
    #expect(outcome.code == 1, "\(outcome)")
    #expect(
      outcome.errLines == [
        "hwc: --claimant: 21**********45 is a KG national ID, but Kaztalov is a KZ district: a "
          + "complaint's claimant must hold an ID of its district's country"
      ], "\(outcome)")
    // And a Kazakh claimant in a Kyrgyz district.
    let kazakh = workspace.run([
      "complaint", "register", "--claimant", Workspace.yerlan, "--district", "Chuy",
      "--conservancy", "Shamshy", "--type", "livestock_predation", "--species", "wolf",
      "--incident-date", "2026-06-01", "--reported-date", "2026-06-02", "--item",
      "sheep_goat.adult=3", "--as", "bakyt",
    ])
    #expect(kazakh.code == 1, "\(kazakh)")
    #expect(kazakh.err.contains("88********11 is a KZ national ID, but Chuy"), "\(kazakh)")
    #expect(try workspace.counts() == before)
  }

  @Test func aKyrgyzClaimantCannotHaveAComplaintInAKazakhDistrictByImport() throws {
    let workspace = Workspace.standard()
    workspace.ok([
      "claimant", "add", "--name", "Asel Toktogulova", "--id", Workspace.asel, "--district",
      "Chuy", "--conservancy", "Shamshy", "--as", "bakyt",
    ])
    let before = try workspace.counts()
    let csv = try workspace.write(
      "field.csv",
      Workspace.csvHeader
        + "F-1,\(Workspace.asel),,Kaztalov,,Zhalpaktal,hay_loss,saiga,2026-06-01,2026-06-02,"
        + "hay=1\n")
    let outcome = workspace.run(["complaint", "import", csv, "--as", "dauren"])
    #expect(outcome.code == 1, "\(outcome)")
    #expect(
      outcome.errLines.first
        == "field.csv:2: claimant_id: 21**********45 is a KG national ID, but Kaztalov is a KZ "
        + "district: a complaint's claimant must hold an ID of its district's country",
      "\(outcome)")
    #expect(try workspace.counts() == before)
  }
}
