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
}
