import HWCCore

extension OfficeBundle {
  /// The bytes of a key given as 64 hex digits (either case); nil for anything else.
  public static func key(hex: String) -> [UInt8]? {
    hex.utf8.count == 64 ? Hex.bytes(hex) : nil
  }

  /// A key's fingerprint, safe to print: the first 16 hex digits of the SHA-256 of its bytes.
  public static func fingerprint(key: [UInt8]) -> String {
    String(SHA256.hex(SHA256.hash(key)).prefix(16))
  }
}
