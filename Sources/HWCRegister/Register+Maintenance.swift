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
  public func check() throws -> [CheckItem] {
    var items: [CheckItem] = []
    let schema = try Schema.migrator.schemaDifferences(db)
    items.append(
      CheckItem(name: "schema", problem: schema.isEmpty ? nil : schema.joined(separator: "; ")))
    let integrity = try db.prepare("PRAGMA integrity_check").map { $0.text("integrity_check") }
    items.append(
      CheckItem(
        name: "integrity",
        problem: integrity == ["ok"] ? nil : integrity.prefix(3).joined(separator: "; ")))
    let foreign = try db.prepare("PRAGMA foreign_key_check").map {
      "\($0.text("table")) row \($0.int("rowid")) refers to a missing \($0.text("parent"))"
    }
    items.append(CheckItem(name: "foreign keys", problem: foreign.first))
    let audit = try verifyAudit(schemaDifferences: schema)
    items.append(CheckItem(name: "audit chain", problem: audit.problem))
    let ledger = try ledgerProblems()
    items.append(
      CheckItem(name: "ledger", problem: ledger.isEmpty ? nil : ledger.joined(separator: "; ")))
    return items
  }

  /// Copies the write-ahead log into the register file and truncates the log, so the file's
  /// size on disk is the register's (`make bench` measures it).
  public func checkpoint() throws {
    _ = try db.prepare("PRAGMA wal_checkpoint(TRUNCATE)").map { $0.int("busy") }
  }
}
