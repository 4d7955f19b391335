import HWCCore
import HWCStore

/// A printed witness of the audit chain: an entry's number and the first 16 hex digits of its
/// hash, e.g. `1204:3f9a0c7d51e2b8a4`. Documents print the chain's head this way, so a chain
/// rewritten after a document was printed is detected from the paper.
public struct AuditAnchor: Sendable, Equatable, CustomStringConvertible {
  /// How many hex digits of the hash an anchor carries.
  public static let digits = 16

  /// The entry's number (its position in the chain).
  public let entry: Int
  /// The first `digits` hex digits of the entry's hash, lower case.
  public let hash: String

  public init(entry: Int, hash: String) {
    self.entry = entry
    self.hash = String(hash.prefix(AuditAnchor.digits)).lowercased()
  }

  /// Parses `N:HASH` as printed; nil when it is not one.
  public init?(_ text: String) {
    let parts = text.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let entry = Int(parts[0]), entry > 0,
      parts[1].count == AuditAnchor.digits, parts[1].allSatisfy(\.isHexDigit)
    else { return nil }
    self.init(entry: entry, hash: String(parts[1]))
  }

  public var description: String { "\(entry):\(hash)" }
}

extension Register {
  /// The chain's head as an anchor: its last entry; nil for a register with no entries.
  public func auditAnchor() throws -> AuditAnchor? {
    let (id, hash) = try audit.head()
    return id == 0 ? nil : AuditAnchor(entry: id, hash: SHA256.hex(hash))
  }

  /// Checks that the register still holds the entry an anchor names, with the same hash; the
  /// problem in one sentence, or nil when it does.
  public func checkAnchor(_ anchor: AuditAnchor) throws -> String? {
    let held =
      try db.prepare("SELECT hash FROM audit_entry WHERE id = ?").first(with: [anchor.entry]) {
        SHA256.hex($0.blob("hash"))
      }
      ?? db.prepare("SELECT hash FROM audit_log WHERE id = ?").first(with: [anchor.entry]) {
        $0.text("hash")
      }
    guard let held else {
      let count = try audit.head().id
      return "the register has no audit entry #\(anchor.entry) (its chain ends at #\(count)): "
        + "entries were removed after the anchor \(anchor) was printed"
    }
    let now = AuditAnchor(entry: anchor.entry, hash: held)
    guard now == anchor else {
      return "audit entry #\(anchor.entry) is now \(now.hash), not \(anchor.hash) as printed: "
        + "the chain was rewritten after the anchor was printed"
    }
    return nil
  }
}
