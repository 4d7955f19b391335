import HWCCore
import HWCRegister

extension NationalRegister {
  /// The national chain's head as a printed anchor (`N:16 hex`), as reports print it; nil for
  /// a chain with no entries.
  public func chainAnchor() throws -> AuditAnchor? {
    let (position, hash) = try chain.head()
    return position == 0 ? nil : AuditAnchor(entry: position, hash: SHA256.hex(hash))
  }
}
