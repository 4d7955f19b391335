import HWCTestSupport
import Testing

@testable import HWCStore

/// Columns are read by name (their alias, else their name), typed, with NULL as nil.
@Suite struct RowTests {
  let directory = TemporaryDirectory()

  func database() throws -> Database {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute(
      """
      CREATE TABLE t (id INTEGER PRIMARY KEY, amount_minor INTEGER, code TEXT, flag INTEGER,
        bytes BLOB) STRICT;
      INSERT INTO t VALUES (1, 15570000, 'KAZ-2026-0001', 1, x'00ff');
      INSERT INTO t VALUES (2, NULL, NULL, NULL, NULL);
      """)
    return db
  }

  @Test func namedColumnsReadEachTypeByName() throws {
    let db = try database()
    let row = try db.prepare("SELECT id, amount_minor, code, flag, bytes FROM t WHERE id = 1")
      .first { row in
        (
          row.int("amount_minor"), row.optionalInt("amount_minor"), row.text("code"),
          row.optionalText("code"), row.bool("flag"), row.optionalBool("flag"), row.blob("bytes"),
          row.isNull("code")
        )
      }
    let read = try #require(row)
    #expect(read.0 == 15_570_000)
    #expect(read.1 == 15_570_000)
    #expect(read.2 == "KAZ-2026-0001")
    #expect(read.3 == "KAZ-2026-0001")
    #expect(read.4)
    #expect(read.5 == true)
    #expect(read.6 == [0, 255])
    #expect(!read.7)
  }

  @Test func namedColumnsGiveNilForNullAndZeroOrEmptyFromTheNonOptionalReads() throws {
    let db = try database()
    let row = try db.prepare("SELECT amount_minor, code, flag, bytes FROM t WHERE id = 2").first {
      row in
      (
        row.optionalInt("amount_minor"), row.optionalText("code"), row.optionalBool("flag"),
        row.int("amount_minor"), row.text("code"), row.bool("flag"), row.blob("bytes"),
        row.isNull("amount_minor")
      )
    }
    let read = try #require(row)
    #expect(read.0 == nil)
    #expect(read.1 == nil)
    #expect(read.2 == nil)
    #expect(read.3 == 0)
    #expect(read.4 == "")
    #expect(!read.5)
    #expect(read.6 == [])
    #expect(read.7)
  }

  @Test func anAliasNamesTheColumnAndNamesMatchTheirIndexes() throws {
    let db = try database()
    let statement = try db.prepare(
      "SELECT code, count(*) AS n, coalesce(sum(amount_minor), 0) AS total FROM t GROUP BY code")
    #expect(statement.columnIndex("code") == 0)
    #expect(statement.columnIndex("n") == 1)
    #expect(statement.columnIndex("total") == 2)
    let rows = try statement.map { ($0.optionalText("code"), $0.int("n"), $0.int("total")) }
    #expect(rows.map(\.0) == [nil, "KAZ-2026-0001"])
    #expect(rows.map(\.1) == [1, 1])
    #expect(rows.map(\.2) == [0, 15_570_000])
  }

  @Test func aCachedStatementReadsByNameAcrossRunsAndRows() throws {
    let db = try database()
    let sql = "SELECT id, code FROM t WHERE id >= ? ORDER BY id"
    let first = try db.prepare(sql).map([.integer(1)]) { ($0.int("id"), $0.optionalText("code")) }
    let again = try db.prepare(sql).map([.integer(2)]) { ($0.int("id"), $0.optionalText("code")) }
    #expect(first.map(\.0) == [1, 2])
    #expect(first.map(\.1) == ["KAZ-2026-0001", nil])
    #expect(again.map(\.0) == [2])
    #expect(again.map(\.1) == [nil])
  }

  @Test func positionalAndNamedReadsAgree() throws {
    let db = try database()
    let same = try db.prepare("SELECT id, amount_minor, code FROM t ORDER BY id").map { row in
      row.int(0) == row.int("id") && row.optionalInt(1) == row.optionalInt("amount_minor")
        && row.optionalText(2) == row.optionalText("code")
    }
    #expect(same == [true, true])
  }
}
