import HWCCore
import Testing

/// Files as Excel saves them on an office PC in a Russian locale: `;` between fields and
/// Windows-1251 text, or UTF-8 with a byte order mark.
@Suite struct CSVOfficeFileTests {
  /// `text` encoded as Windows-1251 (Cyrillic letters and ASCII only).
  static func cp1251(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar in
      switch scalar.value {
      case 0..<0x80: return UInt8(scalar.value)
      case 0x0410...0x044F: return UInt8(scalar.value - 0x0410 + 0xC0)
      case 0x0401: return 0xA8
      case 0x0451: return 0xB8
      default: preconditionFailure("not in the test's table: \(scalar)")
      }
    }
  }

  static func read(_ reader: inout CSVReader) throws -> [[String]] {
    var rows: [[String]] = []
    while let record = try reader.next() { rows.append(record.fields) }
    return rows
  }

  @Test func semicolonHeaderMakesASemicolonFile() throws {
    let text = "ref;name;items\nA-1;\"Бекова; Айгуль\";\"sheep_goat.adult=3;cattle.young=1\"\n"
    var reader = CSVReader(bytes: Array(text.utf8), separatorFromHeader: true)
    #expect(
      try Self.read(&reader) == [
        ["ref", "name", "items"], ["A-1", "Бекова; Айгуль", "sheep_goat.adult=3;cattle.young=1"],
      ])
    #expect(reader.separator == ";")
  }

  @Test func commaHeaderKeepsCommasWhateverTheRowsHold() throws {
    let text = "ref,items\nA-1,sheep_goat.adult=3;cattle.young=1\n"
    var reader = CSVReader(bytes: Array(text.utf8), separatorFromHeader: true)
    #expect(
      try Self.read(&reader) == [["ref", "items"], ["A-1", "sheep_goat.adult=3;cattle.young=1"]])
    #expect(reader.separator == ",")
    var plain = CSVReader(bytes: Array("a;b\n".utf8))
    #expect(try Self.read(&plain) == [["a;b"]])
  }

  @Test func windows1251IsDetectedWhenTheTextIsNotUTF8() throws {
    let bytes = Self.cp1251("ref;claimant_name\nA-1;Ерлан Бекович Ёлкин\n")
    var reader = CSVReader(bytes: bytes, encoding: .detect, separatorFromHeader: true)
    #expect(try Self.read(&reader) == [["ref", "claimant_name"], ["A-1", "Ерлан Бекович Ёлкин"]])
    #expect(reader.encoding == .windows1251)
  }

  @Test func utf8WithExcelsByteOrderMarkStaysUTF8() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ref;name\nA-1;Ерлан\n".utf8)
    var reader = CSVReader(bytes: bytes, encoding: .detect, separatorFromHeader: true)
    #expect(try Self.read(&reader) == [["ref", "name"], ["A-1", "Ерлан"]])
    #expect(reader.encoding == .utf8)
  }

  @Test func forcedWindows1251ReadsEvenValidUTF8Bytes() throws {
    // «Рђ» in Windows-1251 is 0xD0 0x90, which is also «А» in UTF-8.
    var reader = CSVReader(bytes: [0xD0, 0x90, 0x0A], encoding: .windows1251)
    #expect(try Self.read(&reader) == [["Рђ"]])
    var detected = CSVReader(bytes: [0xD0, 0x90, 0x0A], encoding: .detect)
    #expect(try Self.read(&detected) == [["А"]])
  }

  @Test func undefinedByteNamesLineOffsetAndValue() {
    let bytes = Self.cp1251("ref;name\nA-1;Ер") + [0x98] + Array("\n".utf8)
    var reader = CSVReader(bytes: bytes, encoding: .windows1251, separatorFromHeader: true)
    #expect(throws: CSVError.undefinedInWindows1251(line: 2, offset: 15, byte: 0x98)) {
      try Self.read(&reader)
    }
  }

  @Test func forcedUTF8RefusesWindows1251WithTheByte() {
    let bytes = Self.cp1251("ref,name\nA-1,\"x\"\"Ер\"\n")
    var reader = CSVReader(bytes: bytes, encoding: .utf8, separatorFromHeader: true)
    // The doubled quote counts as two bytes of the file: Е is byte 17.
    #expect(throws: CSVError.invalidUTF8(line: 2, offset: 17, byte: 0xC5)) {
      try Self.read(&reader)
    }
  }
}
