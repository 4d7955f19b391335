import HWCCore
import HWCDomain
import HWCStore

extension Register {
  /// The result of `hwc audit verify`.
  public struct AuditVerification: Sendable {
    /// Entries whose hashes were recomputed.
    public let entries: Int
    /// Audited entities compared with their latest entry.
    public let rows: Int
    /// The first problem found, or nil when the chain and the rows agree.
    public let problem: String?
  }

  /// Recomputes the hash chain, checks the schema is the migrations', and compares the state of
  /// every audited entity, computed by hwc's code, with the digest its latest entry recorded.
  public func verifyAudit() throws -> AuditVerification {
    try verifyAudit(schemaDifferences: nil)
  }

  /// `verifyAudit()`, given the schema's differences when the caller has already found them.
  func verifyAudit(schemaDifferences known: [String]?) throws -> AuditVerification {
    try db.transaction(.deferred) {
      let chain = try AuditChainCheck(db: db).run()
      if let problem = chain.problem {
        return AuditVerification(entries: chain.entries, rows: 0, problem: problem)
      }
      // A trigger redefined with another SQLite tool could let an edit through unseen.
      let schema = try known ?? Schema.migrator.schemaDifferences(db)
      if let first = schema.first {
        let more = schema.count > 1 ? " (and \(schema.count - 1) more; hwc check names them)" : ""
        return AuditVerification(
          entries: chain.entries, rows: 0,
          problem: "schema: \(first)\(more); the records were not compared with the log")
      }
      var rows = 0
      var problem: String?
      try AuditStateCheck(db: db).run { difference in
        problem = try difference.problem(in: db)
        return false
      } counted: {
        rows = $0
      }
      return AuditVerification(entries: chain.entries, rows: rows, problem: problem)
    }
  }
}

/// Walks the chain, legacy entries first, recomputing every hash.
struct AuditChainCheck {
  let db: Database

  func run() throws -> (entries: Int, problem: String?) {
    let legacy = try legacyChain()
    if legacy.problem != nil { return (legacy.entries, legacy.problem) }
    var previous = Hex.bytes(legacy.last) ?? AuditLog.genesis
    var expectedID = legacy.entries + 1
    var count = legacy.entries
    // Entries of one command are consecutive: its hash is computed once per run of them.
    var command: (id: Int, hash: [UInt8]?) = (0, nil)
    let statement = try db.prepare(
      "SELECT id, command_id, kind, row, action, change, digest, hash FROM audit_entry ORDER BY id"
    ).bind([])
    defer { statement.reset() }
    while try statement.step() {
      // id, command_id, kind, row, action, change, digest, hash
      let row = Row(statement: statement)
      let entry = AuditLog.Entry(
        id: row.int(0), kind: row.int(2), row: row.int(3), action: row.text(4),
        change: row.optionalText(5), digest: row.isNull(6) ? nil : row.blob(6))
      if command.id != row.int(1) || command.hash == nil {
        command = (row.int(1), try commandHash(row.int(1)))
      }
      let hash = row.blob(7)
      if entry.id != expectedID {
        return (count, "audit entry #\(expectedID) is missing (the next entry is #\(entry.id))")
      }
      guard let commandHash = command.hash,
        AuditLog.hash(previous: previous, command: commandHash, entry) == hash
      else {
        let name = try AuditedKind.coded(entry.kind).map {
          NationalID.maskEntity(try $0.label(row: entry.row, in: db))
        }
        return (
          count,
          "audit entry #\(entry.id) (\(name ?? "kind \(entry.kind)")) was altered: "
            + "its hash does not match"
        )
      }
      previous = hash
      expectedID += 1
      count += 1
    }
    return (count, nil)
  }

  private func commandHash(_ id: Int) throws -> [UInt8]? {
    try db.prepare("SELECT at, actor, command, os_user, host FROM audit_command WHERE id = ?")
      .first(with: [id]) {
        AuditLog.Command(
          at: $0.text("at"), actor: $0.text("actor"), command: $0.text("command"),
          osUser: $0.optionalText("os_user"), host: $0.optionalText("host")
        ).hash
      }
  }

  /// The entries made before migration 0009.
  func legacyChain() throws -> (entries: Int, last: String, problem: String?) {
    var previous = LegacyAuditLog.genesis
    var expectedID = 1
    // A register being upgraded may predate the log (a new file) or its origin columns (0008).
    let columns = Set(
      try db.prepare("SELECT name FROM pragma_table_info('audit_log')").map { $0.text("name") })
    guard !columns.isEmpty else { return (0, previous, nil) }
    let origin = columns.contains("os_user") ? "os_user, host" : "NULL AS os_user, NULL AS host"
    let statement = try db.prepare(
      """
      SELECT id, at, actor, command, entity, action, before, after, prev_hash, hash, \(origin)
      FROM audit_log ORDER BY id
      """
    ).bind([])
    defer { statement.reset() }
    while try statement.step() {
      let row = Row(statement: statement)
      let entry = LegacyAuditLog.Entry(
        id: row.int("id"), at: row.text("at"), actor: row.text("actor"),
        command: row.text("command"), entity: row.text("entity"), action: row.text("action"),
        before: row.optionalText("before"), after: row.optionalText("after"),
        osUser: row.optionalText("os_user"), host: row.optionalText("host"))
      let problem: String?
      if entry.id != expectedID {
        problem = "audit entry #\(expectedID) is missing (the next entry is #\(entry.id))"
      } else if row.text("prev_hash") != previous {
        problem =
          "audit entry #\(entry.id) does not follow entry #\(entry.id - 1) "
          + "(its previous hash was changed)"
      } else if LegacyAuditLog.hash(previous: previous, entry) != row.text("hash") {
        problem =
          "audit entry #\(entry.id) (\(NationalID.maskEntity(entry.entity))) was altered: "
          + "its hash does not match"
      } else {
        problem = nil
      }
      if let problem { return (expectedID - 1, previous, problem) }
      previous = row.text("hash")
      expectedID += 1
    }
    return (expectedID - 1, previous, nil)
  }
}
