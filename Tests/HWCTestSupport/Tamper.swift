import HWCRegister
import HWCStore

/// Changing a register file behind the register's back, as someone with `sqlite3` could, to test
/// that the audit and the checks notice.
public enum Tamper {
  /// Drops the triggers that keep the audit log and complaint items unchangeable, then runs
  /// `sql` on the register file at `path` through a raw connection.
  public static func register(at path: String, _ sql: String) throws {
    let raw = try Database(path: path, create: false)
    try raw.execute(
      """
      DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
      DROP TRIGGER complaint_item_no_change;
      \(sql)
      """)
  }

  /// Rewrites the audit chain from entry `first` on, as an attacker with `sqlite3` and a SHA-256
  /// tool could: every hash recomputed, so the chain is consistent again and only a printed
  /// anchor can tell. The log's guard triggers must already be dropped (`register(at:_:)`).
  public static func rewriteChain(at path: String, from first: Int) throws {
    let raw = try Database(path: path, create: false)
    var entries: [(AuditLog.Entry, String)] = []
    try raw.prepare(
      "SELECT id, at, actor, command, entity, action, before, after, prev_hash FROM audit_log "
        + "ORDER BY id"
    ).eachRow { row in
      entries.append(
        (
          AuditLog.Entry(
            id: row.int("id"), at: row.text("at"), actor: row.text("actor"),
            command: row.text("command"),
            entity: row.text("entity"), action: row.text("action"),
            before: row.optionalText("before"),
            after: row.optionalText("after")), row.text("prev_hash")
        ))
    }
    var previous = entries[first - 1].1
    for (entry, _) in entries where entry.id >= first {
      let hash = AuditLog.hash(previous: previous, entry)
      try raw.run(
        "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
        with: [previous, hash, entry.id])
      previous = hash
    }
  }
}
