import HWCCore
import HWCStore

extension Register {
  /// The audit chain's last entry (legacy entries included): its number and hash, 64 hex
  /// digits; `(0, 64 zeros)` for an empty chain.
  public func chainHead() throws -> (position: Int, hash: String) {
    let head = try audit.head()
    return (head.id, SHA256.hex(head.hash))
  }

  /// The stored hashes of entries `first…last` of the audit chain, in order (legacy entries
  /// included): what the national register compares between two snapshots of one office.
  public func chainHashes(from first: Int, through last: Int) throws -> [(id: Int, hash: [UInt8])] {
    let legacy = try db.prepare(
      "SELECT id, hash FROM audit_log WHERE id BETWEEN ? AND ? ORDER BY id"
    ).map([.integer(Int64(first)), .integer(Int64(last))]) {
      (id: $0.int("id"), hash: Hex.bytes($0.text("hash")) ?? [])
    }
    let entries = try db.prepare(
      "SELECT id, hash FROM audit_entry WHERE id BETWEEN ? AND ? ORDER BY id"
    ).map([.integer(Int64(first)), .integer(Int64(last))]) {
      (id: $0.int("id"), hash: $0.blob("hash"))
    }
    return legacy + entries
  }
}
