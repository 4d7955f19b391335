import HWCCore
import HWCStore

/// The audited state of one entity as hwc's own code reads it: its row's columns and, per child
/// table, the child rows in order. Its digest is what the audit chain records.
struct AuditState: Equatable {
  /// The entity's columns, in `AuditedKind.columns` order (empty for a whole-table entity).
  var columns: [SQLValue]
  /// Per child table (or, for a whole-table entity, the table itself), its rows in order.
  var children: [[[SQLValue]]]

  /// SHA-256 of the state: the kind, then every value typed and length-prefixed
  /// (`SQLValue.appendTyped`), each child table's rows after their count, so no two states
  /// encode alike.
  func digest(_ kind: AuditedKind) -> [UInt8] {
    var bytes = AuditState.header(kind)
    for (index, value) in columns.enumerated()
    where value != .null || kind.columns[index].since == nil {
      value.appendTyped(to: &bytes)
    }
    for rows in children {
      SQLValue.appendLength(4, rows.count, to: &bytes)
      for row in rows {
        for value in row { value.appendTyped(to: &bytes) }
      }
    }
    return SHA256.hash(bytes)
  }

  /// The bytes every state of `kind` starts with.
  static func header(_ kind: AuditedKind) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(256)
    bytes.append(contentsOf: "hwc-state-1;".utf8)
    SQLValue.integer(Int64(kind.code)).appendTyped(to: &bytes)
    return bytes
  }

  /// What changed from `before` to this state, as printed by `hwc audit log`: each changed
  /// column as `[old, new]` (a secret column as `"changed"`), each changed child table as the
  /// rows removed (`-`) and added (`+`). Nil when nothing changed.
  func change(from before: AuditState?, _ kind: AuditedKind) -> String? {
    var fields: [(String, JSON)] = []
    let names = kind.wholeTable ? [] : kind.columns
    for (index, column) in names.enumerated() {
      let old = before?.columns[index]
      let new = columns[index]
      guard old != new else { continue }
      if column.secret {
        fields.append((column.name, .string(new == .null ? "cleared" : "changed")))
      } else if let old {
        fields.append((column.name, .array([AuditState.json(old), AuditState.json(new)])))
      } else {
        fields.append((column.name, AuditState.json(new)))
      }
    }
    let tables = kind.wholeTable ? [kind.table] : kind.children.map(\.table)
    for (index, table) in tables.enumerated() {
      let old = before?.children[index] ?? []
      let new = children[index]
      guard old != new else { continue }
      let removed = old.filter { !new.contains($0) }
      let added = new.filter { !old.contains($0) }
      var delta: [(String, JSON)] = []
      if !removed.isEmpty { delta.append(("-", .array(removed.map(AuditState.json)))) }
      if !added.isEmpty { delta.append(("+", .array(added.map(AuditState.json)))) }
      fields.append((table, .object(delta)))
    }
    return fields.isEmpty ? nil : JSON.object(fields).text()
  }

  /// A row as the change JSON writes it.
  static func json(_ row: [SQLValue]) -> JSON { .array(row.map(json)) }

  /// A value as the change JSON writes it (a blob in hex).
  static func json(_ value: SQLValue) -> JSON {
    switch value {
    case .null: return .null
    case .integer(let number): return .int(Int(number))
    case .text(let text): return .string(text)
    case .blob(let blob): return .string(SHA256.hex(blob))
    }
  }
}

extension AuditedKind {
  /// `SELECT` of the entity rows: the key first, then the columns (NULL for the `absent` ones,
  /// added by a migration not yet applied); all rows, or one.
  func rowsSQL(one: Bool, absent: Set<String> = []) -> String {
    let names = columns.map { absent.contains($0.name) ? "NULL" : $0.name }
    let list = (["id"] + names).joined(separator: ", ")
    return "SELECT \(list) FROM \(table)\(one ? " WHERE id = ?" : "") ORDER BY \(order)"
  }

  /// `SELECT` of one child table's rows: the parent first; all rows, or one entity's.
  func childSQL(_ child: Child, one: Bool) -> String {
    let list = ([child.parent] + child.columns).joined(separator: ", ")
    let filter = one ? " WHERE \(child.parent) = ?" : ""
    return "SELECT \(list) FROM \(child.table)\(filter) ORDER BY \(child.parent), \(child.order)"
  }

  /// `SELECT` of a whole reference table, in its order.
  var tableSQL: String {
    "SELECT \(columns.map(\.name).joined(separator: ", ")) FROM \(table) ORDER BY \(order)"
  }
}

/// Reads audited states from the register.
struct AuditStateReader {
  let db: Database

  /// The state of entity `row` of `kind` (0 for a whole-table entity); nil when it is absent.
  func state(_ kind: AuditedKind, row: Int) throws -> AuditState? {
    if kind.wholeTable {
      let rows = try db.prepare(kind.tableSQL).map { read($0, from: 0, count: kind.columns.count) }
      return AuditState(columns: [], children: [rows])
    }
    let sql = kind.rowsSQL(one: true, absent: try absentColumns(kind))
    let columns = try db.prepare(sql).first(with: [row]) {
      read($0, from: 1, count: kind.columns.count)
    }
    guard let columns else { return nil }
    var children: [[[SQLValue]]] = []
    for child in kind.children {
      children.append(
        try db.prepare(kind.childSQL(child, one: true)).map(with: [row]) {
          read($0, from: 1, count: child.columns.count)
        })
    }
    return AuditState(columns: columns, children: children)
  }

  /// Calls `body` with every entity of a per-row kind and the digest of its state, in row id
  /// order. Child rows are read by one ordered scan per child table, merged with the entities,
  /// and every value is encoded straight from its column (the same bytes as `AuditState`).
  func eachDigest(_ kind: AuditedKind, _ body: (Int, [UInt8]) throws -> Void) throws {
    let main = try db.prepare(kind.rowsSQL(one: false, absent: try absentColumns(kind))).bind([])
    defer { main.reset() }
    let cursors = try kind.children.map { child in
      ChildCursor(
        statement: try db.prepare(kind.childSQL(child, one: false)).bind([]),
        width: child.columns.count)
    }
    defer {
      for cursor in cursors { cursor.statement.reset() }
    }
    let header = AuditState.header(kind)
    var bytes: [UInt8] = []
    while try main.step() {
      let row = Row(statement: main)
      let id = row.int(0)
      bytes.removeAll(keepingCapacity: true)
      bytes.append(contentsOf: header)
      for index in 1...kind.columns.count
      where kind.columns[index - 1].since == nil || !row.isNull(index) {
        row.appendTyped(index, to: &bytes)
      }
      for cursor in cursors { try cursor.append(of: id, to: &bytes) }
      try body(id, SHA256.hash(bytes))
    }
  }

  /// The columns of `kind` added by a migration this register has not applied yet.
  func absentColumns(_ kind: AuditedKind) throws -> Set<String> {
    let later = kind.columns.filter { $0.since != nil }
    guard !later.isEmpty else { return [] }
    let present = Set(
      try db.prepare("SELECT name FROM pragma_table_info('\(kind.table)')").map { $0.text("name") })
    return Set(later.map(\.name).filter { !present.contains($0) })
  }

  func read(_ row: Row, from start: Int, count: Int) -> [SQLValue] {
    (start..<(start + count)).map { row.value($0) }
  }
}

/// A scan of a child table ordered by parent, read in step with the parents. Rows are encoded
/// straight from the statement's columns into the caller's buffer: nothing is allocated per row.
final class ChildCursor {
  let statement: Statement
  let width: Int
  /// The parent of the row the statement is on, read but not yet taken (its values stay valid
  /// until the next step).
  private var pending: Int?
  private var done = false

  init(statement: Statement, width: Int) {
    self.statement = statement
    self.width = width
  }

  /// Appends the count and encoded rows of `parent`'s children, skipping any of smaller parents
  /// (orphans: `hwc check`'s foreign key check names them; they belong to no entity).
  func append(of parent: Int, to bytes: inout [UInt8]) throws {
    // The count goes before the rows: written as 0 now, set once the rows are in.
    let countAt = bytes.count
    SQLValue.appendLength(4, 0, to: &bytes)
    var count: UInt32 = 0
    while true {
      if pending == nil {
        guard !done else { break }
        guard try statement.step() else {
          done = true
          break
        }
        pending = Row(statement: statement).int(0)
      }
      guard let owner = pending, owner <= parent else { break }
      if owner == parent {
        let row = Row(statement: statement)
        for index in 1...width { row.appendTyped(index, to: &bytes) }
        count += 1
      }
      pending = nil
    }
    for offset in 0..<4 {
      bytes[countAt + 1 + offset] = UInt8(truncatingIfNeeded: count >> UInt32(24 - 8 * offset))
    }
  }
}
