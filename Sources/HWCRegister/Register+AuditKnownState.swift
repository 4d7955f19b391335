import HWCCore
import HWCStore

/// Writes audited entities whose whole state the writer knows, and their audit entries, without
/// reading anything back: the entity row and its child rows are inserted from value lists in the
/// order `AuditedKind` names their columns, and the state whose digest the entry records is made
/// of those same values (byte for byte what `AuditStateReader` reads back from the STRICT
/// tables; `KnownStateAuditTests` compares the two on real rows).
///
/// The chain's head and the last command are read once and then kept, so an entry costs one
/// `INSERT` and two SHA-256: for a long run of creations inside one write transaction that
/// writes audit entries only through this writer (a complaint import). The entries are the ones
/// `Register.auditCreated` makes: action `create`, the entity's name, the digest of its state.
final class KnownStateWriter {
  let db: Database
  /// The chain's last entry: its number and hash.
  private var head: (id: Int, hash: [UInt8])
  /// The last command row, with its hash, when known.
  private var command: (id: Int, value: AuditLog.Command, hash: [UInt8])?
  private let insertEntry: Statement
  private let insertCommand: Statement
  /// Prepared `INSERT`s by table.
  private var inserts: [String: Statement] = [:]

  /// Starts writing inside the caller's write transaction.
  init(db: Database) throws {
    self.db = db
    head = try AuditLog(db: db).head()
    command = try db.prepare(
      "SELECT id, at, actor, command, os_user, host FROM audit_command ORDER BY id DESC LIMIT 1"
    ).first { row in
      let value = AuditLog.Command(
        at: row.text("at"), actor: row.text("actor"), command: row.text("command"),
        osUser: row.optionalText("os_user"), host: row.optionalText("host"))
      return (row.int("id"), value, value.hash)
    }
    insertEntry = try db.prepare(
      """
      INSERT INTO audit_entry(id, command_id, kind, row, action, change, digest, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    insertCommand = try db.prepare(
      "INSERT INTO audit_command(at, actor, command, os_user, host) VALUES (?, ?, ?, ?, ?)")
  }

  /// Inserts an entity of `kind` with `columns` (in `kind.columns` order) and, per child table
  /// of the kind, the rows `children` gives for the new row id (each in the child's column
  /// order, the rows in the child's `order`), and audits its creation by `command` under the
  /// `name` of the new row id (the entity's label without the kind's prefix). Returns the id.
  func create(
    _ kind: AuditedKind, columns: [SQLValue], name: (Int) -> String, command: AuditLog.Command,
    children: (Int) throws -> [[[SQLValue]]]
  ) throws -> Int {
    precondition(columns.count == kind.columns.count)
    try statement(kind.table, kind.columns.map(\.name)).run(columns)
    let id = db.lastInsertRowID
    let rows = try children(id)
    precondition(rows.count == kind.children.count)
    for (child, rows) in zip(kind.children, rows) where !rows.isEmpty {
      let insert = try statement(child.table, [child.parent] + child.columns)
      for row in rows { try insert.run([.integer(Int64(id))] + row) }
    }
    let state = AuditState(columns: columns, children: rows)
    try append(
      command, kind: kind, row: id, action: "create", change: name(id), digest: state.digest(kind))
    return id
  }

  /// Appends one entry to the chain, after the kept head: `change` and the `digest` of the
  /// entity's state after it, as `Register.commitChange` records them.
  func append(
    _ value: AuditLog.Command, kind: AuditedKind, row: Int, action: String, change: String?,
    digest: [UInt8]
  ) throws {
    if command?.value != value {
      try insertCommand.run([
        .text(value.at), .text(value.actor), .text(value.command),
        value.osUser.map(SQLValue.text) ?? .null, value.host.map(SQLValue.text) ?? .null,
      ])
      command = (db.lastInsertRowID, value, value.hash)
    }
    guard let command else { preconditionFailure("no audit command") }
    let entry = AuditLog.Entry(
      id: head.id + 1, kind: kind.code, row: row, action: action, change: change, digest: digest)
    let hash = AuditLog.hash(previous: head.hash, command: command.hash, entry)
    try insertEntry.run([
      .integer(Int64(entry.id)), .integer(Int64(command.id)), .integer(Int64(kind.code)),
      .integer(Int64(row)), .text(action), change.map(SQLValue.text) ?? .null, .blob(digest),
      .blob(hash),
    ])
    head = (entry.id, hash)
  }

  /// The prepared `INSERT INTO table(columns) VALUES (?, …)`.
  private func statement(_ table: String, _ columns: [String]) throws -> Statement {
    if let found = inserts[table] { return found }
    let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    let made = try db.prepare(
      "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES (\(marks))")
    inserts[table] = made
    return made
  }
}
