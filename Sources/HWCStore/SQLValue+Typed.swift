extension SQLValue {
  /// Appends the value to `bytes` in one fixed binary form, so no two sequences of values encode
  /// alike: `0` for NULL; `1` and 8 bytes big-endian for an INTEGER; `2` (TEXT, UTF-8) or `3`
  /// (BLOB), a 4-byte big-endian length, then the bytes. `Row.appendTyped` writes the same
  /// straight from a column.
  public func appendTyped(to bytes: inout [UInt8]) {
    switch self {
    case .null: bytes.append(0)
    case .integer(let number): SQLValue.appendInteger(number, to: &bytes)
    case .text(let text):
      SQLValue.appendLength(2, text.utf8.count, to: &bytes)
      bytes.append(contentsOf: text.utf8)
    case .blob(let blob):
      SQLValue.appendLength(3, blob.count, to: &bytes)
      bytes.append(contentsOf: blob)
    }
  }

  static func appendInteger(_ number: Int64, to bytes: inout [UInt8]) {
    // The 8 bytes in one append, not eight: digests encode millions of integers.
    let bits = UInt64(bitPattern: number).bigEndian
    bytes.append(1)
    withUnsafeBytes(of: bits) { bytes.append(contentsOf: $0) }
  }

  /// A type tag and a 4-byte big-endian length (also a count of child rows, tag 4).
  public static func appendLength(_ tag: UInt8, _ length: Int, to bytes: inout [UInt8]) {
    let bits = UInt32(truncatingIfNeeded: length).bigEndian
    bytes.append(tag)
    withUnsafeBytes(of: bits) { bytes.append(contentsOf: $0) }
  }
}
