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
    bytes.append(1)
    let bits = UInt64(bitPattern: number)
    for shift in stride(from: 56, through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
    }
  }

  /// A type tag and a 4-byte big-endian length (also a count of child rows, tag 4).
  public static func appendLength(_ tag: UInt8, _ length: Int, to bytes: inout [UInt8]) {
    bytes.append(tag)
    let bits = UInt32(truncatingIfNeeded: length)
    for shift in stride(from: 24, through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift)))
    }
  }
}
