#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a run of bytes reads as UTF-8.
enum UTF8Scan: Equatable {
  /// Only ASCII bytes.
  case ascii
  /// Well-formed UTF-8 with at least one non-ASCII character.
  case valid
  /// The offset of the first byte that does not start a well-formed sequence.
  case invalid(Int)
  /// Only ASCII before a sequence that the end of the bytes cuts, at this offset.
  case cut(Int)
}

extension CSVParser {
  /// Decides the encoding of a `.detect` reader from the unparsed bytes in the buffer: the
  /// first non-ASCII text decides, Windows-1251 when it is not valid UTF-8. A sequence cut by
  /// the end of the chunk is judged when the next chunk arrives.
  mutating func detectEncoding() {
    // Bytes of a cut sequence the parser has consumed since are no longer in the buffer.
    let gone =
      cutSequence.isEmpty
      ? 0 : Swift.min(cutSequence.count, Swift.max(0, discarded + pos - cutOffset))
    var bytes = Array(cutSequence.prefix(gone))
    bytes.append(contentsOf: UnsafeBufferPointer(start: buffer + pos, count: end - pos))
    guard !bytes.isEmpty else { return }
    let start = gone > 0 ? cutOffset : discarded + pos
    cutSequence = []
    let verdict = bytes.withUnsafeBufferPointer { bytes in
      CSVParser.scanUTF8(bytes.baseAddress!, bytes.count, final: exhausted)
    }
    switch verdict {
    case .ascii: return
    case .valid: decoding = .utf8
    case .invalid: decoding = .windows1251
    case .cut(let offset):
      cutSequence = Array(bytes[offset...])
      cutOffset = start + offset
    }
  }

  func text(_ bytes: [UInt8], line: Int) throws -> String {
    try bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return "" }
      return try text(base, buffer.count, line: line)
    }
  }

  /// Decodes one field's `count` bytes in the reader's encoding, or throws an error naming the
  /// line, file offset and value of the first bad byte.
  func text(_ base: UnsafePointer<UInt8>, _ count: Int, line: Int) throws -> String {
    if decoding == .windows1251 {
      switch Windows1251.decode(base, count) {
      case .success(let text): return text
      case .failure(let undefined):
        let (line, offset) = position(base, undefined.offset, line: line)
        throw CSVError.undefinedInWindows1251(
          line: line, offset: offset, byte: base[undefined.offset])
      }
    }
    // `String(decoding:)` replaces ill-formed sequences with U+FFFD, so its output equals the
    // input exactly when the input is valid; comparing them is faster than validating first.
    var text = String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    let unchanged = text.withUTF8 { decoded in
      guard decoded.count == count, let start = decoded.baseAddress else { return count == 0 }
      return memcmp(start, base, count) == 0
    }
    if unchanged { return text }
    guard case .invalid(let bad) = CSVParser.scanUTF8(base, count) else { return text }
    let (badLine, offset) = position(base, bad, line: line)
    throw CSVError.invalidUTF8(line: badLine, offset: offset, byte: base[bad])
  }

  /// The line and file offset of byte `index` of the current field, whose first content byte
  /// is on `line`: every quote before it in the field's text stood for two in the file.
  private func position(
    _ base: UnsafePointer<UInt8>, _ index: Int, line: Int
  ) -> (line: Int, offset: Int) {
    var quotes = 0
    for position in 0..<index where base[position] == CSVParser.quote { quotes += 1 }
    return (line + CSVParser.lineBreaks(base, index), fieldStart + index + quotes)
  }

  /// Scans `count` bytes as UTF-8 (RFC 3629 table 3-7). When `final` is false the bytes are a
  /// prefix of more to come, and a sequence cut at the end ends the scan without a verdict.
  static func scanUTF8(_ base: UnsafePointer<UInt8>, _ count: Int, final: Bool = true) -> UTF8Scan {
    var index = 0
    var sawNonASCII = false
    while index < count {
      if index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          index += 8
          continue
        }
      }
      let lead = base[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // Width of the sequence and the allowed range of its second byte.
      let (width, low, high): (Int, UInt8, UInt8)
      switch lead {
      case 0xC2...0xDF: (width, low, high) = (2, 0x80, 0xBF)
      case 0xE0: (width, low, high) = (3, 0xA0, 0xBF)
      case 0xE1...0xEC, 0xEE...0xEF: (width, low, high) = (3, 0x80, 0xBF)
      case 0xED: (width, low, high) = (3, 0x80, 0x9F)
      case 0xF0: (width, low, high) = (4, 0x90, 0xBF)
      case 0xF1...0xF3: (width, low, high) = (4, 0x80, 0xBF)
      case 0xF4: (width, low, high) = (4, 0x80, 0x8F)
      default: return .invalid(index)
      }
      var offset = 1
      while offset < width {
        guard index + offset < count else {
          return final ? .invalid(index) : (sawNonASCII ? .valid : .cut(index))
        }
        let byte = base[index + offset]
        let fits = offset == 1 ? (byte >= low && byte <= high) : (byte & 0xC0 == 0x80)
        guard fits else { return .invalid(index) }
        offset += 1
      }
      sawNonASCII = true
      index += width
    }
    return sawNonASCII ? .valid : .ascii
  }

  /// Line breaks (LF, CRLF or lone CR, each counted once) in the first `count` bytes.
  static func lineBreaks(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
    var breaks = 0
    var afterCR = false
    for index in 0..<count {
      let byte = base[index]
      if byte == cr || (byte == lf && !afterCR) { breaks += 1 }
      afterCR = byte == cr
    }
    return breaks
  }
}
