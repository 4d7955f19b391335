import HWCCore
import HWCDomain
import HWCStore

/// Walks the chain, legacy entries first, recomputing every hash.
///
/// Each entry is hashed as `AuditLog.hash` defines it, its fields encoded straight from the
/// statement's columns into one reused buffer (`Row.appendTyped` writes the bytes
/// `SQLValue.appendTyped` does; the table is STRICT, so every column holds its declared type)
/// and its digest compared in place with the stored one: nothing is allocated per entry.
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
    let prefix = Array("hwc-entry-1;".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(1024)
    var computed = [UInt8](repeating: 0, count: 32)
    while try statement.step() {
      // id, command_id, kind, row, action, change, digest, hash
      let row = Row(statement: statement)
      let id = row.int(0)
      if command.id != row.int(1) || command.hash == nil {
        command = (row.int(1), try commandHash(row.int(1)))
      }
      if id != expectedID {
        return (count, "audit entry #\(expectedID) is missing (the next entry is #\(id))")
      }
      var matches = false
      if let commandHash = command.hash {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: prefix)
        bytes.append(contentsOf: previous)
        bytes.append(contentsOf: commandHash)
        for column in 0...6 where column != 1 { row.appendTyped(column, to: &bytes) }
        computed.withUnsafeMutableBytes { digest in
          bytes.withUnsafeBytes { message in
            var hasher = SHA256()
            hasher.update(message)
            hasher.finalize(into: digest.baseAddress!)
          }
          matches = row.blobEquals(7, UnsafeRawBufferPointer(digest))
        }
      }
      guard matches else {
        let kind = row.int(2)
        let entity = row.int(3)
        let name = try AuditedKind.coded(kind).map {
          NationalID.maskEntity(try $0.label(row: entity, in: db))
        }
        return (
          count,
          "audit entry #\(id) (\(name ?? "kind \(kind)")) was altered: its hash does not match"
        )
      }
      // The stored hash is the computed one: it is the next entry's previous hash.
      swap(&previous, &computed)
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
