import HWCCore
import HWCStore
import Testing

@testable import HWCRegister

/// When nothing changed the register between an import's check and its write, the rows are
/// written as the check found them, with audit digests made from the values written
/// (`ComplaintImportWriter`, `KnownStateWriter`); the result must be, byte for byte, what
/// looking every row up again under the lock writes, and each digest what `AuditStateReader`
/// reads back from the rows.
@Suite struct ImportKnownStateTests {
  /// Rows that exercise what the writer decides from memory: a registered claimant with a herd
  /// (one row above it), a new claimant named twice and then not, possible duplicates (two at
  /// the same distance, the later registered nearest; one of another type; one 8 days away), a
  /// row restating a kept row, and a reference registered before the import with the same
  /// details.
  static let rows: [ComplaintCSVRow] = [
    .with {
      $0.ref = "R-0"
      $0.incidentDate = "2026-05-01"
      $0.reportedDate = "2026-05-02"
    },
    .with {
      $0.ref = "K-1"
      $0.incidentDate = "2026-06-01"
    },
    .with {
      $0.ref = "K-2"
      $0.incidentDate = "2026-06-05"
      $0.reportedDate = "2026-06-05"
      $0.items = "sheep_goat.adult=30;cattle.adult=1"
    },
    .with {
      $0.ref = "K-3"
      $0.incidentDate = "2026-06-03"
      $0.reportedDate = "2026-06-04"
    },
    .with {
      $0.ref = "K-4"
      $0.incidentDate = "2026-06-13"
      $0.reportedDate = "2026-06-14"
    },
    .with {
      $0.ref = "G-1"
      $0.claimantID = Fixture.gulnara
      $0.claimantName = "Gulnara Sarsenova"
      $0.village = "Kaztalovka"
    },
    .with {
      $0.ref = "G-2"
      $0.claimantID = Fixture.gulnara
      $0.claimantName = "Gulnara Sarsenova"
      $0.incidentDate = "2026-06-02"
      $0.reportedDate = "2026-06-03"
    },
    .with {
      $0.ref = "G-3"
      $0.claimantID = Fixture.gulnara
      $0.type = "hay_loss"
      $0.species = "saiga"
      $0.items = "hay=2.5"
    },
    .with {
      $0.ref = "K-1"
      $0.incidentDate = "2026-06-01"
    },
  ]

  /// A fixture where R-0 is registered, then the rows imported; with `recheck`, the import is
  /// made to look every row up again under the lock (its own connection changes a temporary
  /// table between the phases, which the register's data cannot see).
  static func imported(recheck: Bool) throws -> (Fixture, [String]) {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(
      fixture.draft {
        $0.ref = "R-0"
        $0.incidentDate = "2026-05-01"
        $0.reportedDate = "2026-05-02"
      }, actor: fixture.actor("dauren"))
    if recheck {
      fixture.register.afterImportValidation = {
        try fixture.register.db.execute(
          "CREATE TEMP TABLE IF NOT EXISTS nudge(x); INSERT INTO nudge VALUES (1)")
      }
    }
    let trace = fixture.directory.file("trace.sql")
    try fixture.register.db.traceStatements(to: trace)
    let run = try fixture.importComplaints(try fixture.csv("field.csv", rows))
    #expect(run.errors == [])
    #expect(
      run.tally == Tally(rows: 9, created: 7, unchanged: 2, claimantsCreated: 1, committed: true))
    let statements = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
    let lock = try #require(statements.firstIndex(of: "BEGIN IMMEDIATE;"))
    return (fixture, statements[lock...].map(String.init))
  }

  /// Every row an import could have written, and the audit chain, as text.
  static func dump(_ fixture: Fixture) throws -> [String] {
    var lines: [String] = []
    for table in [
      "claimant", "herd_declaration", "complaint", "complaint_item", "complaint_event",
      "complaint_flag", "inspection", "inspection_item", "audit_command",
    ] {
      let width =
        try fixture.register.db.scalar(
          Int.self, "SELECT count(*) FROM pragma_table_info('\(table)')") ?? 0
      try fixture.register.db.prepare("SELECT * FROM \(table) ORDER BY 1, 2").eachRow { row in
        lines.append(table + ": " + (0..<width).map { "\(row.value($0))" }.joined(separator: "|"))
      }
    }
    try fixture.register.db.prepare(
      "SELECT id, command_id, kind, row, action, change, hex(digest), hex(hash) FROM audit_entry ORDER BY id"
    ).eachRow { row in
      lines.append("audit: " + (0..<8).map { "\(row.value($0))" }.joined(separator: "|"))
    }
    return lines
  }

  @Test func writingAsCheckedWritesWhatLookingUpAgainWrites() throws {
    let (checked, checkedStatements) = try Self.imported(recheck: false)
    let (rechecked, recheckedStatements) = try Self.imported(recheck: true)
    // The first wrote as checked (no claimant lookup under the lock), the second looked up.
    let lookup = "SELECT id, country FROM claimant WHERE national_id"
    #expect(!checkedStatements.contains { $0.hasPrefix(lookup) })
    #expect(recheckedStatements.contains { $0.hasPrefix(lookup) })
    let written = try Self.dump(checked)
    let other = try Self.dump(rechecked)
    #expect(
      written == other,
      """
      as checked only: \(written.filter { !other.contains($0) }); \
      looked up again only: \(other.filter { !written.contains($0) })
      """)
    // The rows hold what the cases above make: flags for the duplicates and the herd.
    #expect(written.filter { $0.hasPrefix("complaint_flag: ") }.count == 4)
    #expect(
      written.contains {
        $0.contains(
          "same claimant and damage type as KAZ-2026-0003 (incident 2026-06-05) and 1 more "
            + "within 7 days")
      })
    #expect(written.contains { $0.contains("30 sheep_goat claimed, 20 declared in the herd") })
    #expect(try checked.register.verifyAudit().problem == nil)
  }

  @Test func eachDigestWrittenIsTheDigestTheReaderReadsBack() throws {
    let (fixture, _) = try Self.imported(recheck: false)
    let reader = AuditStateReader(db: fixture.register.db)
    var compared = 0
    try fixture.register.db.prepare(
      "SELECT kind, row, digest FROM audit_entry WHERE action = 'create' AND kind IN (2, 3)"
    ).eachRow { row in
      let kind = try #require(AuditedKind.coded(row.int("kind")))
      let state = try #require(try reader.state(kind, row: row.int("row")))
      #expect(state.digest(kind) == row.blob("digest"), "\(kind.name) \(row.int("row"))")
      compared += 1
    }
    // Yerlan and Gulnara, R-0 and the seven complaints the import created.
    #expect(compared == 10)
  }
}
