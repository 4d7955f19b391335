import HWCCore
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reader's chunk size; the boundary tests place tricky bytes around multiples of it.
private let chunk = 65_536

/// A named input and the fields the reader should produce from it.
struct CSVParseCase: Sendable, CustomTestStringConvertible {
  let name: String
  let input: [UInt8]
  let rows: [[String]]
  var testDescription: String { name }

  init(_ name: String, _ input: String, _ rows: [[String]]) {
    self.name = name
    self.input = Array(input.utf8)
    self.rows = rows
  }
}

/// A named input and the lines on which its records should start.
struct CSVLineCase: Sendable, CustomTestStringConvertible {
  let input: String
  let lines: [Int]
  var testDescription: String { String(reflecting: input) }
}

/// A named input and the error the reader should throw for it.
struct CSVErrorCase: Sendable, CustomTestStringConvertible {
  let name: String
  let input: [UInt8]
  let error: CSVError
  var testDescription: String { name }
}

/// Reads every record of `reader`.
private func readAll(_ reader: inout CSVReader) throws -> [CSVRecord] {
  var records: [CSVRecord] = []
  while let record = try reader.next() { records.append(record) }
  return records
}

private func readAll(_ bytes: [UInt8]) throws -> [CSVRecord] {
  var reader = CSVReader(bytes: bytes)
  return try readAll(&reader)
}

private func readAll(_ text: String) throws -> [CSVRecord] {
  try readAll(Array(text.utf8))
}

/// Records or the error, so that two ways of reading the same input can be compared.
private func outcome(_ reader: inout CSVReader) -> Result<[CSVRecord], CSVError> {
  var records: [CSVRecord] = []
  do {
    while let record = try reader.next() { records.append(record) }
    return .success(records)
  } catch let error as CSVError {
    return .failure(error)
  } catch {
    Issue.record("unexpected error \(error)")
    return .success([])
  }
}

/// Writes `bytes` to a new temporary file, runs `body` with its path, then removes it.
private func withTemporaryFile<T>(
  _ bytes: [UInt8], _ body: (String) throws -> T
) throws -> T {
  var template = Array("/tmp/hwc-csv-test-XXXXXX".utf8CString)
  let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
    guard let base = buffer.baseAddress else { return -1 }
    return mkstemp(base)
  }
  try #require(fd >= 0)
  let path = template.withUnsafeBufferPointer { buffer -> String in
    guard let base = buffer.baseAddress else { return "" }
    return String(cString: base)
  }
  defer { unlink(path) }
  var written = 0
  bytes.withUnsafeBufferPointer { buffer in
    while written < buffer.count, let base = buffer.baseAddress {
      let count = write(fd, base + written, buffer.count - written)
      if count <= 0 { break }
      written += count
    }
  }
  close(fd)
  try #require(written == bytes.count)
  return try body(path)
}

@Suite("CSVReader")
struct CSVReaderTests {
  static let parseCases: [CSVParseCase] = [
    CSVParseCase("simple rows", "a,b,c\n1,2,3\n", [["a", "b", "c"], ["1", "2", "3"]]),
    CSVParseCase("quoted comma", "\"a,b\",c\n", [["a,b", "c"]]),
    CSVParseCase(
      "doubled quotes", "\"he said \"\"hi\"\"\",x\n", [["he said \"hi\"", "x"]]
    ),
    CSVParseCase("only a doubled quote", "\"\"\"\"\n", [["\""]]),
    CSVParseCase("empty quoted field", "\"\",a\n", [["", "a"]]),
    CSVParseCase("empty fields", ",,\n", [["", "", ""]]),
    CSVParseCase("trailing comma", "a,\n", [["a", ""]]),
    CSVParseCase("trailing comma at end of input", "a,", [["a", ""]]),
    CSVParseCase("no trailing newline", "a,b\nc,d", [["a", "b"], ["c", "d"]]),
    CSVParseCase("quoted last field at end of input", "a,\"b\"", [["a", "b"]]),
    CSVParseCase("CRLF terminators", "a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]]),
    CSVParseCase("quoted field before CRLF", "\"a\"\r\n\"b\"\r\n", [["a"], ["b"]]),
    CSVParseCase("BOM", "\u{FEFF}a,b\n", [["a", "b"]]),
    CSVParseCase("BOM before quoted field", "\u{FEFF}\"a\",b\n", [["a", "b"]]),
    CSVParseCase("BOM only", "\u{FEFF}", []),
    CSVParseCase("BOM later is data", "a\n\u{FEFF}b\n", [["a"], ["\u{FEFF}b"]]),
    CSVParseCase("empty input", "", []),
    CSVParseCase("blank line between records", "a\n\nb\n", [["a"], [""], ["b"]]),
    CSVParseCase("single newline", "\n", [[""]]),
    CSVParseCase("single CRLF", "\r\n", [[""]]),
    CSVParseCase("lone CR ends a record", "a\rb\r\nc", [["a"], ["b"], ["c"]]),
    CSVParseCase("two lone CRs", "a\r\rb", [["a"], [""], ["b"]]),
    CSVParseCase("embedded LF", "\"a\nb\",c\n", [["a\nb", "c"]]),
    CSVParseCase("embedded CRLF kept", "\"a\r\nb\",c\r\n", [["a\r\nb", "c"]]),
    CSVParseCase("embedded lone CR kept", "\"a\rb\"\n", [["a\rb"]]),
    CSVParseCase("spaces kept", " a , b \n", [[" a ", " b "]]),
    CSVParseCase("Cyrillic", "Алматы,\"Бишкек, Ош\"\n", [["Алматы", "Бишкек, Ош"]]),
    CSVParseCase("NUL byte is data", "a\u{0}b\n", [["a\u{0}b"]]),
    CSVParseCase("ragged rows", "a\nb,c,d\n", [["a"], ["b", "c", "d"]]),
  ]

  @Test("parses", arguments: parseCases)
  func parses(_ testCase: CSVParseCase) throws {
    let records = try readAll(testCase.input)
    #expect(records.map(\.fields) == testCase.rows)
  }

  static let lineCases: [CSVLineCase] = [
    CSVLineCase(input: "a\nb\nc\n", lines: [1, 2, 3]),
    CSVLineCase(input: "\"a\nb\",c\nd\n", lines: [1, 3]),
    CSVLineCase(input: "\"a\r\nb\r\nc\"\r\nd\r\n", lines: [1, 4]),
    CSVLineCase(input: "x,\"1\n2\",\"3\n4\"\ny", lines: [1, 4]),
    CSVLineCase(input: "\"\r\r\n\"\nz", lines: [1, 4]),
    CSVLineCase(input: "a\rb\n", lines: [1, 2]),
    CSVLineCase(input: "a\r\n\r\nb", lines: [1, 2, 3]),
    CSVLineCase(input: "a\n\nb", lines: [1, 2, 3]),
    CSVLineCase(input: "\u{FEFF}a\nb", lines: [1, 2]),
  ]

  @Test("records start on the right physical line", arguments: lineCases)
  func lineNumbers(_ testCase: CSVLineCase) throws {
    let records = try readAll(testCase.input)
    #expect(records.map(\.line) == testCase.lines)
  }

  static let errorCases: [CSVErrorCase] = [
    CSVErrorCase(
      name: "unterminated quote", input: Array("a,\"bc\n".utf8),
      error: .unterminatedQuote(line: 1)),
    CSVErrorCase(
      name: "unterminated quote reports where the field starts",
      input: Array("a\nb,\"c\nd\ne\n".utf8), error: .unterminatedQuote(line: 2)),
    CSVErrorCase(
      name: "unterminated after doubled quote", input: Array("\"a\"\"".utf8),
      error: .unterminatedQuote(line: 1)),
    CSVErrorCase(
      name: "quote inside unquoted field", input: Array("x\nab\"c\n".utf8),
      error: .unexpectedQuote(line: 2)),
    CSVErrorCase(
      name: "quote after unquoted text at end", input: Array("ab\"".utf8),
      error: .unexpectedQuote(line: 1)),
    CSVErrorCase(
      name: "text after closing quote", input: Array("x\n\"abc\"x\n".utf8),
      error: .textAfterClosingQuote(line: 2)),
    CSVErrorCase(
      name: "space after closing quote", input: Array("\"abc\" ,d\n".utf8),
      error: .textAfterClosingQuote(line: 1)),
    CSVErrorCase(
      name: "text after closing quote on a later line", input: Array("\"a\nb\"x".utf8),
      error: .textAfterClosingQuote(line: 2)),
    CSVErrorCase(
      name: "text after doubled then closing quote", input: Array("\"a\"\"b\"c".utf8),
      error: .textAfterClosingQuote(line: 1)),
    CSVErrorCase(
      name: "invalid byte in unquoted field", input: [0x61, 0x0A, 0x62, 0xFF, 0x0A],
      error: .invalidUTF8(line: 2, offset: 3, byte: 0xFF)),
    CSVErrorCase(
      name: "invalid byte on the third line of a quoted field",
      input: Array("a\n\"x\n".utf8) + [0x0D, 0x0A, 0xC3, 0x22],
      error: .invalidUTF8(line: 4, offset: 7, byte: 0xC3)),
  ]

  @Test("rejects malformed input with the line", arguments: errorCases)
  func rejects(_ testCase: CSVErrorCase) {
    #expect(throws: testCase.error) { try readAll(testCase.input) }
  }

  static let invalidUTF8: [[UInt8]] = [
    [0xFF],
    [0x80],  // lone continuation byte
    [0xC0, 0x80],  // overlong NUL
    [0xE0, 0x80, 0x80],  // overlong
    [0xED, 0xA0, 0x80],  // UTF-16 surrogate
    [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
    [0xE2, 0x82],  // truncated at end of input
    [0xD0],  // truncated Cyrillic letter
    [0xD0, 0x41],  // bad continuation
  ]

  @Test("rejects invalid UTF-8", arguments: invalidUTF8)
  func rejectsInvalidUTF8(_ bad: [UInt8]) {
    let prefix = Array("ok,fine\nabcdefghij".utf8)
    #expect(throws: CSVError.invalidUTF8(line: 2, offset: prefix.count, byte: bad[0])) {
      try readAll(prefix + bad + Array("klm,n\n".utf8))
    }
    #expect(throws: CSVError.invalidUTF8(line: 2, offset: 4, byte: bad[0])) {
      try readAll(Array("ok\n\"".utf8) + bad + Array("\"\n".utf8))
    }
  }

  @Test func acceptsAllUTF8Widths() throws {
    let text = "aé€😀Ж\u{10FFFF}\u{FFFD}"
    #expect(try readAll(text + "," + text).map(\.fields) == [[text, text]])
  }

  @Test func keepsThrowingTheSameErrorAfterAFailure() throws {
    var reader = CSVReader(bytes: Array("a\nb\"c\nd\n".utf8))
    #expect(try reader.next()?.fields == ["a"])
    #expect(throws: CSVError.unexpectedQuote(line: 2)) { try reader.next() }
    #expect(throws: CSVError.unexpectedQuote(line: 2)) { try reader.next() }
  }

  @Test("a field may be 1 MiB but not more", arguments: [false, true])
  func fieldLengthLimit(quoted: Bool) throws {
    let limit = 1_048_576
    func document(_ length: Int) -> [UInt8] {
      let field = [UInt8](repeating: UInt8(ascii: "x"), count: length)
      let body = quoted ? [UInt8(ascii: "\"")] + field + [UInt8(ascii: "\"")] : field
      return Array("a\nb,".utf8) + body + Array(",c\n".utf8)
    }
    let fits = try readAll(document(limit))
    #expect(fits.count == 2)
    #expect(fits.last?.fields.map(\.utf8.count) == [1, limit, 1])
    #expect(throws: CSVError.fieldTooLong(line: 2)) { try readAll(document(limit + 1)) }
    try withTemporaryFile(document(limit + 1)) { path in
      var reader = try CSVReader(path: path)
      #expect(throws: CSVError.fieldTooLong(line: 2)) { try readAll(&reader) }
    }
    try withTemporaryFile(document(limit)) { path in
      var reader = try CSVReader(path: path)
      #expect(try readAll(&reader).last?.fields.map(\.utf8.count) == [1, limit, 1])
    }
  }

  @Test func doubledQuotesCountTowardTheLimit() {
    let quotes = [UInt8](repeating: UInt8(ascii: "\""), count: 2 * 1_048_577)
    #expect(throws: CSVError.fieldTooLong(line: 1)) {
      try readAll([UInt8(ascii: "\"")] + quotes + [UInt8(ascii: "\"")])
    }
  }

  @Test func missingFileCannotBeOpened() {
    let path = "/tmp/hwc-csv-test-does-not-exist/none.csv"
    #expect(throws: CSVError.cannotOpen(path: path, reason: "No such file or directory")) {
      _ = try CSVReader(path: path)
    }
  }

  @Test func directoryCannotBeRead() throws {
    var reader = try CSVReader(path: "/tmp")
    #expect(throws: CSVError.readFailed(path: "/tmp", reason: "Is a directory")) {
      try reader.next()
    }
  }

  @Test func errorsDescribeThemselves() {
    #expect(
      CSVError.unterminatedQuote(line: 14).description
        == "line 14: a quoted field is never closed")
    #expect(
      CSVError.invalidUTF8(line: 3, offset: 41, byte: 0xC0).description
        == "line 3: byte 0xC0 at offset 41 is not valid UTF-8 "
        + "(a file saved as Windows-1251 is read with --encoding cp1251)")
    #expect(
      CSVError.undefinedInWindows1251(line: 2, offset: 9, byte: 0x98).description
        == "line 2: byte 0x98 at offset 9 is not a character in Windows-1251 "
        + "(is the file UTF-8? use --encoding utf-8)")
    #expect(
      CSVError.fieldTooLong(line: 9).description == "line 9: a field is longer than 1 MiB")
    #expect(
      CSVError.textAfterClosingQuote(line: 2).description
        == "line 2: text follows the closing quote of a quoted field")
    #expect(CSVError.unexpectedQuote(line: 5).description.hasPrefix("line 5: a quote appears"))
    #expect(
      CSVError.cannotOpen(path: "x.csv", reason: "denied").description
        == "cannot open x.csv: denied")
    #expect(
      CSVError.readFailed(path: "x.csv", reason: "I/O error").description
        == "cannot read x.csv: I/O error")
  }

  /// Shifts of the tricky text relative to the chunk boundary.
  static let shifts = Array(-40...2)

  @Test("a quoted field and a CRLF straddle the chunk boundary", arguments: shifts)
  func chunkBoundary(shift: Int) throws {
    // Record 1 is padding; record 2's quoted field (with a doubled quote, a comma, an
    // embedded CRLF and Cyrillic text) starts at byte `chunk + shift`, so across the shifts
    // the boundary falls on every byte of the field, its CRLF and the records after it.
    let tricky = "\"Ж \"\"q\"\", x\r\ny\",end\r\nnext,\"last\"\r\n"
    let padding = String(repeating: "p", count: chunk + shift - 2)
    let text = padding + "\r\n" + tricky
    let bytes = Array(text.utf8)
    let expected = [
      CSVRecord(fields: [padding], line: 1),
      CSVRecord(fields: ["Ж \"q\", x\r\ny", "end"], line: 2),
      CSVRecord(fields: ["next", "last"], line: 4),
    ]
    try withTemporaryFile(bytes) { path in
      var reader = try CSVReader(path: path)
      #expect(try readAll(&reader) == expected)
      #expect(reader.bytesRead == bytes.count)
    }
    #expect(try readAll(bytes) == expected)
  }

  @Test("a record's CRLF straddles the chunk boundary", arguments: [false, true])
  func crlfAcrossBoundary(quoted: Bool) throws {
    // The CR is the last byte of the first chunk and the LF the first byte of the second.
    let field =
      quoted
      ? "\"" + String(repeating: "q", count: chunk - 3) + "\""
      : String(repeating: "u", count: chunk - 1)
    let bytes = Array((field + "\r\nsecond\r\nthird").utf8)
    #expect(bytes[chunk - 1] == UInt8(ascii: "\r"))
    #expect(bytes[chunk] == UInt8(ascii: "\n"))
    try withTemporaryFile(bytes) { path in
      var reader = try CSVReader(path: path)
      let records = try readAll(&reader)
      #expect(records.map(\.line) == [1, 2, 3])
      #expect(records.map(\.fields.first?.utf8.count) == [chunk - 1 - (quoted ? 2 : 0), 6, 5])
    }
  }

  @Test("the BOM and first fields are read from a file", arguments: ["", "\u{FEFF}"])
  func smallFile(prefix: String) throws {
    try withTemporaryFile(Array((prefix + "a,\"b\"\nc").utf8)) { path in
      var reader = try CSVReader(path: path)
      #expect(try readAll(&reader).map(\.fields) == [["a", "b"], ["c"]])
    }
  }

  @Test func emptyFileHasNoRecords() throws {
    try withTemporaryFile([]) { path in
      var reader = try CSVReader(path: path)
      #expect(try reader.next() == nil)
      #expect(try reader.next() == nil)
      #expect(reader.bytesRead == 0)
    }
  }

  @Test func readsAHundredThousandRows() throws {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(6_000_000)
    bytes += Array("id,name,amount,note\n".utf8)
    for index in 1...99_999 {
      let note = index % 7 == 0 ? "\"multi, \"\"quoted\"\"\"" : "plain"
      bytes += Array("\(index),Имя \(index),\(index * 3).50,\(note)\r\n".utf8)
    }
    try withTemporaryFile(bytes) { path in
      var reader = try CSVReader(path: path)
      var count = 0
      var last: CSVRecord?
      var progress = 0
      while let record = try reader.next() {
        count += 1
        #expect(record.fields.count == 4)
        #expect(reader.bytesRead >= progress)
        progress = reader.bytesRead
        last = record
      }
      #expect(count == 100_000)
      let expected = ["99999", "Имя 99999", "299997.50", "plain"]
      #expect(last == CSVRecord(fields: expected, line: 100_000))
      #expect(reader.bytesRead == bytes.count)
    }
  }

  @Test("random input never traps and reads the same from a file", arguments: [1, 2, 3, 4])
  func randomInput(seed: UInt64) throws {
    // Mostly valid CSV pieces with the occasional stray quote or bad byte, long enough to
    // cross several chunk boundaries.
    let pieces: [[UInt8]] = [
      Array("abc".utf8), Array(",".utf8), Array("\n".utf8), Array("\r\n".utf8),
      Array("\r".utf8), Array("\"x,\ny\"".utf8), Array("\"\"".utf8), Array("Ж".utf8),
      Array("\"".utf8), [0xD0], [0xFF], Array("\"a\"\"b\"".utf8), Array("\u{FEFF}".utf8),
    ]
    var random = SplitMix64(seed: seed)
    for _ in 0..<20 {
      var bytes: [UInt8] = []
      let size = Int.random(in: 0...(3 * chunk), using: &random)
      while bytes.count < size {
        let roll = Int.random(in: 0..<1000, using: &random)
        let index: Int
        switch roll {
        case 0..<970: index = roll % 8
        case 970..<990: index = 8 + roll % 2
        default: index = 10 + roll % 3
        }
        bytes += pieces[index]
      }
      var memoryReader = CSVReader(bytes: bytes)
      let fromMemory = outcome(&memoryReader)
      try withTemporaryFile(bytes) { path in
        var fileReader = try CSVReader(path: path)
        #expect(outcome(&fileReader) == fromMemory)
      }
    }
  }

  @Test("arbitrary bytes never trap", arguments: [7, 8])
  func arbitraryBytes(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let alphabet: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x61, 0xEF, 0xBB, 0xBF, 0xD0, 0x9F, 0x00]
    for _ in 0..<2000 {
      let length = Int.random(in: 0...24, using: &random)
      let bytes = (0..<length).map { _ in
        alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
      }
      var reader = CSVReader(bytes: bytes)
      _ = outcome(&reader)
    }
  }

  /// A detecting reader judges a UTF-8 letter cut by the chunk boundary as a whole, and an
  /// all-ASCII first chunk decides nothing: Windows-1251 in the second chunk is still found.
  @Test func encodingIsDetectedAcrossChunks() throws {
    let filler = Array(repeating: UInt8(ascii: "a"), count: chunk - 1)
    let straddling = filler + [0xD0, 0x96] + Array("\n".utf8)
    try withTemporaryFile(straddling) { path in
      var reader = try CSVReader(path: path, encoding: .detect)
      #expect(
        try readAll(&reader).map(\.fields) == [[String(repeating: "a", count: chunk - 1) + "Ж"]])
      #expect(reader.encoding == .utf8)
    }
    let late = Array("a\n".utf8) + filler + Array("\n".utf8) + [0xC6, 0x0A]
    try withTemporaryFile(late) { path in
      var reader = try CSVReader(path: path, encoding: .detect)
      #expect(try readAll(&reader).last?.fields == ["Ж"])
      #expect(reader.encoding == .windows1251)
    }
  }
}
