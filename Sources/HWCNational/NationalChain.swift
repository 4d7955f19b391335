import HWCCore
import HWCStore

/// The national register's own tamper-evident log: every row added to `national.sqlite` appends
/// an entry whose hash covers the previous entry's hash, who and when (actor, OS account, host),
/// the command, the row (`subject`: `TABLE ROWID`) and the row's canonical text (`detail`).
///
/// Simpler than the register's `AuditLog` (no commands table, no digests of changing state):
/// the national register only adds rows, so the row's text itself is what the entry seals.
struct NationalChain {
  let db: Database

  /// The hash before the first entry.
  static let genesis = [UInt8](repeating: 0, count: 32)

  /// The tables whose rows the chain seals.
  static let sealedTables = NationalSchema.tables.filter { $0 != "chain_entry" }

  /// One entry's fields, in the order they are hashed.
  struct Entry: Equatable {
    var id: Int
    var at: String
    var actor: String
    var osUser: String?
    var host: String?
    var command: String
    var subject: String
    var detail: String
  }

  /// SHA-256 of `hwc-national-entry-1;`, the previous hash, then each field as
  /// `SQLValue.appendTyped` writes it: the chain's definition.
  static func hash(previous: [UInt8], _ entry: Entry) -> [UInt8] {
    var bytes = Array("hwc-national-entry-1;".utf8)
    bytes.append(contentsOf: previous)
    let values: [SQLValue] = [
      .integer(Int64(entry.id)), .text(entry.at), .text(entry.actor),
      entry.osUser.map(SQLValue.text) ?? .null, entry.host.map(SQLValue.text) ?? .null,
      .text(entry.command), .text(entry.subject), .text(entry.detail),
    ]
    for value in values { value.appendTyped(to: &bytes) }
    return SHA256.hash(bytes)
  }

  /// The last entry's number and hash; `(0, genesis)` when there is none.
  func head() throws -> (position: Int, hash: [UInt8]) {
    try db.prepare("SELECT id, hash FROM chain_entry ORDER BY id DESC LIMIT 1")
      .first([]) { ($0.int("id"), $0.blob("hash")) } ?? (0, NationalChain.genesis)
  }

  /// The canonical text of row `rowid` of `table`: a JSON array of its columns in table order,
  /// blobs as hex.
  func detail(table: String, rowid: Int) throws -> String {
    let columns = try db.prepare("SELECT name, type FROM pragma_table_info(?) ORDER BY cid")
      .map([.text(table)]) { row in
        row.text("type") == "BLOB" ? "hex(\(row.text("name")))" : row.text("name")
      }
    let sql = "SELECT json_array(\(columns.joined(separator: ", "))) FROM \(table) WHERE rowid = ?"
    guard let text = try db.scalar(String.self, sql, [.integer(Int64(rowid))]) else {
      throw NationalError("the national register has no \(table) row \(rowid)")
    }
    return text
  }

  /// Appends the entry sealing row `rowid` of `table`; runs inside the caller's transaction.
  func seal(
    table: String, rowid: Int, actor: NationalActor, command: String, at: String
  ) throws {
    let (last, previous) = try head()
    let entry = Entry(
      id: last + 1, at: at, actor: actor.name, osUser: actor.osUser, host: actor.host,
      command: command, subject: "\(table) \(rowid)",
      detail: try detail(table: table, rowid: rowid))
    try db.run(
      """
      INSERT INTO chain_entry(id, at, actor, os_user, host, command, subject, detail, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      with: [
        entry.id, entry.at, entry.actor, entry.osUser, entry.host, entry.command, entry.subject,
        entry.detail, NationalChain.hash(previous: previous, entry),
      ])
  }

  /// Recomputes every hash and compares every sealed row with its entry: the number of entries
  /// and the first problem, nil when the chain and the rows agree.
  func verify() throws -> (entries: Int, problem: String?) {
    var previous = NationalChain.genesis
    var expected = 1
    var sealed: [String: String] = [:]
    var problem: String?
    try db.prepare(
      "SELECT id, at, actor, os_user, host, command, subject, detail, hash FROM chain_entry "
        + "ORDER BY id"
    ).eachRow([]) { row in
      guard problem == nil else { return }
      let entry = Entry(
        id: row.int("id"), at: row.text("at"), actor: row.text("actor"),
        osUser: row.optionalText("os_user"), host: row.optionalText("host"),
        command: row.text("command"), subject: row.text("subject"), detail: row.text("detail"))
      let hash = NationalChain.hash(previous: previous, entry)
      if entry.id != expected {
        problem = "national chain entry \(expected) is missing"
      } else if hash != row.blob("hash") {
        problem = "national chain entry \(entry.id) does not match its hash"
      }
      sealed[entry.subject] = entry.detail
      previous = hash
      expected += 1
    }
    if let problem { return (expected - 1, problem) }
    for table in NationalChain.sealedTables {
      let rowids = try db.prepare("SELECT rowid FROM \(table) ORDER BY rowid").map([]) {
        $0.int(0)
      }
      for rowid in rowids {
        let subject = "\(table) \(rowid)"
        guard let recorded = sealed.removeValue(forKey: subject) else {
          return (expected - 1, "\(subject) has no entry in the national chain")
        }
        if try detail(table: table, rowid: rowid) != recorded {
          return (expected - 1, "\(subject) differs from what the national chain recorded")
        }
      }
    }
    if let missing = sealed.keys.sorted().first {
      return (expected - 1, "\(missing), recorded in the national chain, is missing")
    }
    return (expected - 1, nil)
  }
}
