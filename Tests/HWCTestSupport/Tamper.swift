import HWCRegister
import HWCStore

/// Changing a register file behind the register's back, as someone with `sqlite3` could, to test
/// that the audit and the checks notice.
public enum Tamper {
  /// Runs `sql` on the register file at `path` through a raw connection, with the triggers that
  /// keep the audit log and complaint items unchangeable dropped meanwhile and then made again
  /// exactly as they were, so the schema still matches what hwc's migrations made.
  public static func register(at path: String, _ sql: String) throws {
    let raw = try Database(path: path, create: false)
    try withoutGuards(
      raw, ["audit_log_no_update", "audit_log_no_delete", "complaint_item_no_change"]
    ) { try raw.execute(sql) }
  }

  /// Runs `sql` on the register file at `path` with every guard trigger (those refusing an
  /// update or delete of a table) dropped meanwhile and made again after, and foreign keys off:
  /// any row of any table can be edited, inserted or deleted, and the schema still matches.
  public static func anyRow(at path: String, _ sql: String) throws {
    let raw = try Database(path: path, create: false)
    let guards = try raw.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
        + "AND (name LIKE '%\\_no\\_%' ESCAPE '\\' OR name = 'ledger_account_fixed')"
    ).map { $0.text("name") }
    try raw.execute("PRAGMA foreign_keys = OFF")
    try withoutGuards(raw, guards) { try raw.execute(sql) }
  }

  /// Drops the named triggers, runs `body`, and creates them again from their stored SQL.
  static func withoutGuards(_ raw: Database, _ triggers: [String], _ body: () throws -> Void)
    throws
  {
    let saved = try triggers.map {
      try raw.scalar(
        String.self, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
        with: [$0]) ?? ""
    }
    for name in triggers { try raw.execute("DROP TRIGGER \(name)") }
    try body()
    for sql in saved { try raw.execute(sql) }
  }

  /// Rewrites the audit chain from entry `first` on, as an attacker with `sqlite3` and a SHA-256
  /// tool could: every hash recomputed, so the chain is consistent again and only a printed
  /// anchor can tell. The log's guard triggers are dropped meanwhile and made again after.
  public static func rewriteChain(at path: String, from first: Int) throws {
    let raw = try Database(path: path, create: false)
    var entries: [(AuditLog.Entry, String)] = []
    try raw.prepare(
      "SELECT id, at, actor, command, entity, action, before, after, prev_hash, os_user, host "
        + "FROM audit_log ORDER BY id"
    ).eachRow { row in
      entries.append(
        (
          AuditLog.Entry(
            id: row.int("id"), at: row.text("at"), actor: row.text("actor"),
            command: row.text("command"), entity: row.text("entity"), action: row.text("action"),
            before: row.optionalText("before"), after: row.optionalText("after"),
            osUser: row.optionalText("os_user"), host: row.optionalText("host")),
          row.text("prev_hash")
        ))
    }
    var previous = entries[first - 1].1
    try withoutGuards(raw, ["audit_log_no_update"]) {
      for (entry, _) in entries where entry.id >= first {
        let hash = AuditLog.hash(previous: previous, entry)
        try raw.run(
          "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
          with: [previous, hash, entry.id])
        previous = hash
      }
    }
  }
}
