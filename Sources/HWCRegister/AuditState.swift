import HWCCore
import HWCStore

/// The audited state of one entity as hwc's own code reads it: its row's columns and, per child
/// table, the child rows in order. Its digest is what the audit chain records.
struct AuditState: Equatable {
  /// The entity's columns, in `AuditedKind.columns` order (empty for a whole-table entity).
  var columns: [SQLValue]
  /// Per child table (or, for a whole-table entity, the table itself), its rows in order.
  var children: [[[SQLValue]]]

  /// SHA-256 of the state, each value typed and length-prefixed so no two states encode alike.
  func digest(_ kind: AuditedKind) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(256)
    bytes.append(contentsOf: "hwc-state-1;\(kind.code);".utf8)
    for value in columns { AuditState.encode(value, into: &bytes) }
    for rows in children {
      bytes.append(contentsOf: "c\(rows.count):".utf8)
      for row in rows {
        for value in row { AuditState.encode(value, into: &bytes) }
      }
    }
    return SHA256.hash(bytes)
  }

  private static func encode(_ value: SQLValue, into bytes: inout [UInt8]) {
    switch value {
    case .null: bytes.append(UInt8(ascii: "n"))
    case .integer(let number): bytes.append(contentsOf: "i\(number);".utf8)
    case .text(let text):
      bytes.append(contentsOf: "t\(text.utf8.count):".utf8)
      bytes.append(contentsOf: text.utf8)
    case .blob(let blob):
      bytes.append(contentsOf: "b\(blob.count):".utf8)
      bytes.append(contentsOf: blob)
    }
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

  private static func json(_ row: [SQLValue]) -> JSON { .array(row.map(json)) }

  private static func json(_ value: SQLValue) -> JSON {
    switch value {
    case .null: return .null
    case .integer(let number): return .int(Int(number))
    case .text(let text): return .string(text)
    case .blob(let blob): return .string(SHA256.hex(blob))
    }
  }
}

extension AuditedKind {
  /// `SELECT` of the entity rows: the key first, then the columns; all rows, or one.
  func rowsSQL(one: Bool) -> String {
    let list = (["id"] + columns.map(\.name)).joined(separator: ", ")
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
    let columns = try db.prepare(kind.rowsSQL(one: true)).first(with: [row]) {
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

  /// Calls `body` with every entity of a per-row kind and its state, in row id order. Child
  /// rows are read by one ordered scan per child table, merged with the entities.
  func eachState(_ kind: AuditedKind, _ body: (Int, AuditState) throws -> Void) throws {
    let main = try db.prepare(kind.rowsSQL(one: false)).bind([])
    defer { main.reset() }
    let cursors = try kind.children.map { child in
      ChildCursor(
        statement: try db.prepare(kind.childSQL(child, one: false)).bind([]),
        width: child.columns.count)
    }
    defer {
      for cursor in cursors { cursor.statement.reset() }
    }
    while try main.step() {
      let row = Row(statement: main)
      let id = row.int(0)
      let columns = read(row, from: 1, count: kind.columns.count)
      var children: [[[SQLValue]]] = []
      for cursor in cursors { children.append(try cursor.rows(of: id)) }
      try body(id, AuditState(columns: columns, children: children))
    }
  }

  func read(_ row: Row, from start: Int, count: Int) -> [SQLValue] {
    (start..<(start + count)).map { row.value($0) }
  }
}

/// A scan of a child table ordered by parent, read in step with the parents.
final class ChildCursor {
  let statement: Statement
  let width: Int
  private var pending: (parent: Int, values: [SQLValue])?
  private var done = false

  init(statement: Statement, width: Int) {
    self.statement = statement
    self.width = width
  }

  /// The child rows of `parent`, skipping any of smaller parents (orphans: counted by
  /// `hwc check`'s foreign key check, not part of any entity).
  func rows(of parent: Int) throws -> [[SQLValue]] {
    var rows: [[SQLValue]] = []
    while true {
      if pending == nil {
        guard !done else { break }
        guard try statement.step() else {
          done = true
          break
        }
        let row = Row(statement: statement)
        pending = (row.int(0), (1...width).map { row.value($0) })
      }
      guard let (owner, values) = pending else { break }
      if owner < parent {
        pending = nil
      } else if owner == parent {
        rows.append(values)
        pending = nil
      } else {
        break
      }
    }
    return rows
  }
}
