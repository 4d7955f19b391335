import HWCCore
import HWCDomain
import HWCStore

extension Register {
  /// One line of `hwc check`: what was checked and the problem, if any.
  public struct CheckItem: Sendable {
    public let name: String
    public let problem: String?
  }

  /// The schema, integrity, foreign keys, the audit chain and the ledger invariants.
  ///
  /// SQLite's integrity check (every page and index of the file) runs on a second connection
  /// in another thread while this one checks the rest; the lines come in the same order.
  public func check() throws -> [CheckItem] {
    let integrityCheck = IntegrityCheck(path: db.path)
    let schema = try Schema.migrator.schemaDifferences(db)
    let foreign = try db.prepare("PRAGMA foreign_key_check").map {
      "\($0.text("table")) row \($0.int("rowid")) refers to a missing \($0.text("parent"))"
    }
    let audit = try verifyAudit(schemaDifferences: schema)
    let ledger = try ledgerProblems()
    let integrity = try integrityCheck.wait(on: db)
    return [
      CheckItem(name: "schema", problem: schema.isEmpty ? nil : schema.joined(separator: "; ")),
      CheckItem(
        name: "integrity",
        problem: integrity == ["ok"] ? nil : integrity.prefix(3).joined(separator: "; ")),
      CheckItem(name: "foreign keys", problem: foreign.first),
      CheckItem(name: "audit chain", problem: audit.problem),
      CheckItem(
        name: "ledger", problem: ledger.isEmpty ? nil : ledger.joined(separator: "; ")),
    ]
  }

  /// Copies the write-ahead log into the register file and truncates the log, so the file's
  /// size on disk is the register's (`make bench` measures it).
  public func checkpoint() throws {
    _ = try db.prepare("PRAGMA wal_checkpoint(TRUNCATE)").map { $0.int("busy") }
  }
}
