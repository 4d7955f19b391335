import HWCCore

extension OfficeBundle {
  /// The bytes of a key given as 64 hex digits (either case); nil for anything else.
  public static func key(hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count == 64 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    for index in stride(from: 0, to: 64, by: 2) {
      guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return bytes
  }

  /// A key's fingerprint, safe to print: the first 16 hex digits of the SHA-256 of its bytes.
  public static func fingerprint(key: [UInt8]) -> String {
    String(SHA256.hex(SHA256.hash(key)).prefix(16))
  }

  /// The value of one hex digit.
  private static func nibble(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
