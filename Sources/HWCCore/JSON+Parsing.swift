/// Why a text is not the JSON asked for: the byte offset and what was expected there.
public struct JSONParseError: Error, CustomStringConvertible, Equatable {
  /// The UTF-8 offset where reading stopped.
  public let offset: Int
  /// What was wrong there, e.g. `expected ':'`.
  public let problem: String
  public var description: String { "\(problem) at byte \(offset)" }
}

extension JSON {
  /// Parses one JSON value (RFC 8259) from `text`, keeping object keys in their order. Numbers
  /// must be integers (hwc writes no others); nothing but white space may follow the value.
  public static func parse(_ text: String) throws(JSONParseError) -> JSON {
    var parser = JSONParser(bytes: Array(text.utf8))
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    guard parser.offset == parser.bytes.count else { throw parser.failure("unexpected text") }
    return value
  }

  /// The value of `key` when this is an object holding it.
  public subscript(key: String) -> JSON? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }
}

/// A recursive-descent reader over UTF-8 bytes.
private struct JSONParser {
  let bytes: [UInt8]
  var offset = 0
  /// Nesting deeper than this is refused rather than risking the stack.
  static let maximumDepth = 64

  func failure(_ problem: String) -> JSONParseError {
    JSONParseError(offset: offset, problem: problem)
  }

  mutating func skipSpace() {
    while offset < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[offset]) { offset += 1 }
  }

  /// Consumes `literal` when the input continues with it.
  mutating func take(_ literal: String) -> Bool {
    let utf8 = Array(literal.utf8)
    guard offset + utf8.count <= bytes.count, Array(bytes[offset..<offset + utf8.count]) == utf8
    else { return false }
    offset += utf8.count
    return true
  }

  mutating func expect(_ literal: String) throws(JSONParseError) {
    skipSpace()
    guard take(literal) else { throw failure("expected '\(literal)'") }
  }

  mutating func value(depth: Int) throws(JSONParseError) -> JSON {
    guard depth < Self.maximumDepth else { throw failure("nested too deeply") }
    skipSpace()
    guard offset < bytes.count else { throw failure("unexpected end") }
    switch bytes[offset] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .int(try integer())
    default:
      if take("null") { return .null }
      if take("true") { return .bool(true) }
      if take("false") { return .bool(false) }
      throw failure("expected a value")
    }
  }

  mutating func object(depth: Int) throws(JSONParseError) -> JSON {
    offset += 1
    var pairs: [(String, JSON)] = []
    skipSpace()
    if take("}") { return .object(pairs) }
    repeat {
      skipSpace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
        throw failure("expected a key")
      }
      let key = try string()
      try expect(":")
      pairs.append((key, try value(depth: depth + 1)))
      skipSpace()
    } while take(",")
    try expect("}")
    return .object(pairs)
  }

  mutating func array(depth: Int) throws(JSONParseError) -> JSON {
    offset += 1
    var values: [JSON] = []
    skipSpace()
    if take("]") { return .array(values) }
    repeat {
      values.append(try value(depth: depth + 1))
      skipSpace()
    } while take(",")
    try expect("]")
    return .array(values)
  }

  mutating func integer() throws(JSONParseError) -> Int {
    let start = offset
    if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
    while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
      offset += 1
    }
    if offset < bytes.count,
      [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[offset])
    {
      throw failure("expected an integer")
    }
    guard let number = Int(String(decoding: bytes[start..<offset], as: UTF8.self)) else {
      offset = start
      throw failure("expected an integer")
    }
    return number
  }

  mutating func string() throws(JSONParseError) -> String {
    offset += 1
    var scalars = String.UnicodeScalarView()
    var run = offset
    func flush(_ end: Int) {
      scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
    }
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") {
        flush(offset)
        offset += 1
        return String(scalars)
      }
      guard byte >= 0x20 else { throw failure("control character in a string") }
      guard byte == UInt8(ascii: "\\") else {
        offset += 1
        continue
      }
      flush(offset)
      offset += 1
      guard offset < bytes.count else { break }
      let escaped = bytes[offset]
      offset += 1
      switch escaped {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
        scalars.append(Unicode.Scalar(escaped))
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
      default: throw failure("unknown escape")
      }
      run = offset
    }
    throw failure("unterminated string")
  }

  /// The scalar of `\uXXXX` (the `\u` already read), joining a surrogate pair.
  mutating func unicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
    let high = try hex4()
    if (0xD800..<0xDC00).contains(high), take("\\u") {
      let low = try hex4()
      if (0xDC00..<0xE000).contains(low),
        let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      {
        return scalar
      }
    }
    guard let scalar = Unicode.Scalar(high) else { throw failure("invalid \\u escape") }
    return scalar
  }

  mutating func hex4() throws(JSONParseError) -> UInt32 {
    guard offset + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
    else { throw failure("invalid \\u escape") }
    offset += 4
    return value
  }
}
