import HWCDomain
import HWCStore

/// Compares every audited entity, its state computed by hwc's code, with the digest its latest
/// audit entry recorded: per kind, one ordered scan of the table (and its child tables) merged
/// with one ordered scan of the entries' index.
struct AuditStateCheck {
  let db: Database

  /// An entity that does not match the log.
  struct Difference {
    enum Issue {
      /// The entity has no entry: it was added outside hwc.
      case unlogged
      /// Its state differs from its latest entry's digest.
      case edited(entry: Int)
      /// Its latest entry records a state, but the entity is gone.
      case removed(entry: Int)
    }
    let kind: AuditedKind
    let row: Int
    let issue: Issue
    /// The entity's state now (nil when removed).
    let digest: [UInt8]?

    /// One sentence naming the entity (a claimant by masked national ID).
    func problem(in db: Database) throws -> String {
      switch issue {
      case .unlogged:
        return "\(NationalID.maskEntity(try kind.label(row: row, in: db))) has no audit entry: "
          + "it was added outside hwc"
      case .edited(let entry):
        return "\(NationalID.maskEntity(try kind.label(row: row, in: db))) does not match its "
          + "last audit entry #\(entry): it was edited outside hwc"
      case .removed(let entry):
        // The name the entity had when it was created, as its creation entry records it.
        let name =
          try db.prepare(
            """
            SELECT change FROM audit_entry WHERE kind = ? AND row = ? AND action = 'create'
            ORDER BY id LIMIT 1
            """
          ).first(with: [kind.code, row]) { $0.optionalText("change") } ?? nil
        let label = NationalID.maskEntity(name.map(kind.label(stored:)) ?? "\(kind.name) #\(row)")
        return "\(label) was removed outside hwc (its last audit entry is #\(entry))"
      }
    }
  }

  /// Calls `visit` with each difference, in kind and row order, until it returns false;
  /// `counted` receives the number of entities compared when the scan ends.
  func run(_ visit: (Difference) throws -> Bool, counted: (Int) -> Void = { _ in }) throws {
    var rows = 0
    defer { counted(rows) }
    let tables = try self.tables()
    for kind in AuditedKind.all where tables.contains(kind.table) {
      let scan = try check(kind, visit) {
        rows += $0
      }
      if !scan { return }
    }
  }

  /// The names of the register's tables: a kind whose table a later migration adds has nothing
  /// to compare while an older one runs.
  func tables() throws -> Set<String> {
    Set(
      try db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").map { $0.text("name") })
  }

  /// Compares the entities of one kind: calls `visit` with each difference, in row order, until
  /// it returns false (then returns false); `counted` receives the number of entities compared
  /// until then.
  func check(
    _ kind: AuditedKind, _ visit: (Difference) throws -> Bool, counted: (Int) -> Void
  ) throws -> Bool {
    var rows = 0
    var going = true
    defer { counted(rows) }
    let latest = try db.prepare(
      """
      SELECT row, max(id) AS id, digest FROM audit_entry WHERE kind = ?
      GROUP BY row ORDER BY row
      """
    ).bind(with: [kind.code])
    defer { latest.reset() }
    var logged: (row: Int, id: Int, digest: [UInt8]?)?
    func advance() throws {
      guard try latest.step() else {
        logged = nil
        return
      }
      let row = Row(statement: latest)  // row, id, digest
      logged = (row.int(0), row.int(1), row.isNull(2) ? nil : row.blob(2))
    }
    try advance()
    func removedBefore(_ id: Int?) throws {
      while going, let entry = logged, id == nil || entry.row < id! {
        if entry.digest != nil {
          going = try visit(
            Difference(kind: kind, row: entry.row, issue: .removed(entry: entry.id), digest: nil))
        }
        try advance()
      }
    }
    func compare(_ id: Int, _ digest: [UInt8]) throws {
      guard going else { return }
      rows += 1
      try removedBefore(id)
      guard going else { return }
      if let entry = logged, entry.row == id {
        if entry.digest != digest {
          going = try visit(
            Difference(kind: kind, row: id, issue: .edited(entry: entry.id), digest: digest))
        }
        try advance()
      } else {
        going = try visit(Difference(kind: kind, row: id, issue: .unlogged, digest: digest))
      }
    }
    // A kind whose table a later migration creates has no rows yet (an upgrade checks and
    // seals the register migration by migration); entries of it, if any, name removed rows.
    let present = try kind.exists(in: db)
    let reader = AuditStateReader(db: db)
    if present, kind.wholeTable {
      if let state = try reader.state(kind, row: 0) { try compare(0, state.digest(kind)) }
    } else if present {
      try reader.eachDigest(kind, compare)
    }
    try removedBefore(nil)
    return going
  }
}

extension AuditedKind {
  /// False while the migration that creates the kind's table has not run yet (an upgrade checks
  /// and seals the register migration by migration).
  func exists(in db: Database) throws -> Bool {
    try db.scalar(
      Int.self, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
      with: [table]) ?? 0 > 0
  }

  /// The name of entity `row`, e.g. `complaint:KAZ-2026-0001`; `complaint #12` for a row that
  /// is no longer there.
  func label(row: Int, in db: Database) throws -> String {
    if wholeTable { return entityPrefix }
    let label = try db.prepare("SELECT \(self.label) AS label FROM \(table) WHERE id = ?")
      .first(with: [row]) { $0.text("label") }
    return label ?? "\(name) #\(row)"
  }

  /// What a creation entry stores to name its entity: the label without the `complaint:`
  /// prefix the kind already says (`KAZ-2026-0001`), or the whole label when it has none.
  func storedName(_ label: String) -> String {
    label.hasPrefix(name + ":") ? String(label.dropFirst(name.count + 1)) : label
  }

  /// The label a creation entry's stored name stands for: entries made before migration 0013
  /// stored the whole label (`complaint:KAZ-2026-0001`); no name an entity has starts with its
  /// kind's prefix (codes, IDs and user names hold no `:`; a policy's scheme is not `policy`).
  func label(stored: String) -> String {
    stored.hasPrefix(name + ":") ? stored : name + ":" + stored
  }
}
