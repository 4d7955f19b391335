import HWCTestSupport
import Testing

@testable import HWCStore

/// Plain Swift values bind as SQLite stores them; nil binds NULL; `[SQLValue]` still works.
@Suite struct SQLBindableTests {
  let directory = TemporaryDirectory()

  @Test func eachBindableTypeIsStoredWithItsSQLiteType() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (k TEXT, v ANY) STRICT")
    let values: [(String, any SQLBindable)] = [
      ("int", 42), ("int64", Int64.min), ("string", "Жанибек"), ("true", true),
      ("false", false), ("bytes", [UInt8]([0, 1, 255])), ("sqlValue", SQLValue.integer(7)),
      ("someInt", Int?.some(5)), ("noInt", Int?.none), ("noString", String?.none),
      ("noBool", Bool?.none), ("sqlNull", SQLValue.null),
    ]
    for (key, value) in values {
      try db.run("INSERT INTO t VALUES (?, ?)", with: [key, value])
    }
    let stored = Dictionary(
      uniqueKeysWithValues: try db.prepare("SELECT k, typeof(v), quote(v) FROM t").map {
        ($0.text(0), "\($0.text(1)) \($0.text(2))")
      })
    #expect(stored["int"] == "integer 42")
    #expect(stored["int64"] == "integer \(Int64.min)")
    #expect(stored["string"] == "text 'Жанибек'")
    #expect(stored["true"] == "integer 1")
    #expect(stored["false"] == "integer 0")
    #expect(stored["bytes"] == "blob X'0001FF'")
    #expect(stored["sqlValue"] == "integer 7")
    #expect(stored["someInt"] == "integer 5")
    #expect(stored["noInt"] == "null NULL")
    #expect(stored["noString"] == "null NULL")
    #expect(stored["noBool"] == "null NULL")
    #expect(stored["sqlNull"] == "null NULL")
  }

  @Test func valuesOfDifferentTypesMixInOneList() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (id INTEGER, name TEXT, flag INTEGER, note TEXT) STRICT")
    let id = 3
    let name = "Yerlan"
    let note: String? = nil
    try db.run("INSERT INTO t VALUES (?, ?, ?, ?)", with: [id, name, true, note])
    let found = try db.prepare("SELECT name, flag, note FROM t WHERE id = ? AND name = ?")
      .first(with: [id, name]) { ($0.text("name"), $0.bool("flag"), $0.optionalText("note")) }
    #expect(found?.0 == "Yerlan")
    #expect(found?.1 == true)
    #expect(found?.2 == nil)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM t WHERE flag = ?", with: [true]) == 1)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM t WHERE id = ?", with: [id]) == 1)
    #expect(try db.scalar(String.self, "SELECT name FROM t WHERE id = ?", with: [id]) == "Yerlan")
  }

  @Test func statementEntryPointsTakePlainValues() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER) STRICT")
    let insert = try db.prepare("INSERT INTO t VALUES (?)")
    for x in 1...3 { try insert.run(with: [x]) }
    let select = try db.prepare("SELECT x FROM t WHERE x >= ? ORDER BY x")
    #expect(try select.map(with: [2]) { $0.int("x") } == [2, 3])
    var seen: [Int] = []
    try select.eachRow(with: [3]) { seen.append($0.int("x")) }
    #expect(seen == [3])
    try select.bind(with: [1])
    #expect(try select.step())
    select.reset()
  }

  @Test func sqlValueListsStillBindAsBefore() throws {
    let db = try Database(path: directory.file("r.sqlite"))
    try db.execute("CREATE TABLE t (x INTEGER, s TEXT) STRICT")
    try db.run("INSERT INTO t VALUES (?, ?)", [.integer(1), .null])
    let values: [SQLValue] = [.integer(2), .text("b")]
    try db.run("INSERT INTO t VALUES (?, ?)", values)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM t") == 2)
    #expect(
      try db.scalar(Int.self, "SELECT count(*) FROM t WHERE s IS NULL AND x = ?", [.integer(1)])
        == 1)
  }
}
