import HWCRegister
import HWCStore

/// Changing a register file behind the register's back, as someone with `sqlite3` could, to test
/// that the audit and the checks notice.
public enum Tamper {
  /// Runs `sql` on the register file at `path` through a raw connection, with every guard
  /// trigger (those refusing an update or delete, which keep the log and append-only rows
  /// unchangeable) dropped meanwhile and then made again exactly as they were, so the schema
  /// still matches what hwc's migrations made. Triggers that keep balances stay in force.
  public static func register(at path: String, _ sql: String) throws {
    try run(sql, at: path, foreignKeys: true)
  }

  /// `register(at:_:)` with foreign keys off as well: any row of any table can be edited,
  /// inserted or deleted.
  public static func anyRow(at path: String, _ sql: String) throws {
    try run(sql, at: path, foreignKeys: false)
  }

  private static func run(_ sql: String, at path: String, foreignKeys: Bool) throws {
    let raw = try Database(path: path, create: false)
    let guards = try raw.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
        + "AND (name LIKE '%\\_no\\_%' ESCAPE '\\' OR name = 'ledger_account_fixed')"
    ).map { $0.text("name") }
    if !foreignKeys { try raw.execute("PRAGMA foreign_keys = OFF") }
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
    var entries: [(AuditLog.Entry, [UInt8])] = []
    try raw.prepare(
      """
      SELECT e.id, e.kind, e.row, e.action, e.change, e.digest, c.at, c.actor, c.command,
        c.os_user, c.host
      FROM audit_entry e JOIN audit_command c ON c.id = e.command_id ORDER BY e.id
      """
    ).eachRow { row in
      let command = AuditLog.Command(
        at: row.text("at"), actor: row.text("actor"), command: row.text("command"),
        osUser: row.optionalText("os_user"), host: row.optionalText("host"))
      entries.append(
        (
          AuditLog.Entry(
            id: row.int("id"), kind: row.int("kind"), row: row.int("row"),
            action: row.text("action"), change: row.optionalText("change"),
            digest: row.isNull("digest") ? nil : row.blob("digest")),
          command.hash
        ))
    }
    guard let start = entries.firstIndex(where: { $0.0.id == first }) else { return }
    var previous =
      start == 0
      ? [UInt8](repeating: 0, count: 32)
      : try raw.scalar([UInt8].self, "SELECT hash FROM audit_entry WHERE id = ?", with: [first - 1])
        ?? []
    try withoutGuards(raw, ["audit_entry_no_update"]) {
      for (entry, command) in entries[start...] {
        let hash = AuditLog.hash(previous: previous, command: command, entry)
        try raw.run("UPDATE audit_entry SET hash = ? WHERE id = ?", with: [hash, entry.id])
        previous = hash
      }
    }
  }
}
