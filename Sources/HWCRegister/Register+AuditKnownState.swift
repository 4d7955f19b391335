import HWCCore
import HWCStore

/// Writes audited entities whose whole state the writer knows, and their audit entries, without
/// reading anything back: the entity row and its child rows are inserted from value lists in the
/// order `AuditedKind` names their columns, and the state whose digest the entry records is made
/// of those same values (byte for byte what `AuditStateReader` reads back from the STRICT
/// tables; `ImportKnownStateTests` compares the two on real rows).
///
/// Entries go through `AuditLog.append`, which keeps the chain's head and the command for the
/// running write transaction, so an entry costs one `INSERT` and two SHA-256, and entries made
/// by other paths of the same transaction chain with them. The entries are the ones
/// `Register.auditCreated` makes: action `create`, the entity's name, the digest of its state.
final class KnownStateWriter {
  let db: Database
  let audit: AuditLog
  /// Prepared `INSERT`s by table.
  private var inserts: [String: Statement] = [:]

  /// Starts writing inside the caller's write transaction.
  init(register: Register) {
    db = register.db
    audit = register.audit
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

  /// Appends one entry to the chain: `change` and the `digest` of the entity's state after it,
  /// as `Register.commitChange` records them.
  func append(
    _ value: AuditLog.Command, kind: AuditedKind, row: Int, action: String, change: String?,
    digest: [UInt8]
  ) throws {
    try audit.append(value, kind: kind, row: row, action: action, change: change, digest: digest)
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
