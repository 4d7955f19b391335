import HWCCore
import Testing

/// A value and how `CSVWriter.field` should write it.
struct CSVFieldCase: Sendable, CustomTestStringConvertible {
  let value: String
  let written: String
  var testDescription: String { String(reflecting: value) }
}

/// Reads back every record's fields from CSV text.
private func readBack(_ text: String) throws -> [[String]] {
  var reader = CSVReader(bytes: Array(text.utf8))
  var rows: [[String]] = []
  while let record = try reader.next() { rows.append(record.fields) }
  return rows
}

@Suite("CSVWriter")
struct CSVWriterTests {
  static let fieldCases: [CSVFieldCase] = [
    CSVFieldCase(value: "abc", written: "abc"),
    CSVFieldCase(value: "", written: ""),
    CSVFieldCase(value: "a b", written: "a b"),
    CSVFieldCase(value: "Алматы", written: "Алматы"),
    CSVFieldCase(value: "a,b", written: "\"a,b\""),
    CSVFieldCase(value: "say \"hi\"", written: "\"say \"\"hi\"\"\""),
    CSVFieldCase(value: "\"", written: "\"\"\"\""),
    CSVFieldCase(value: "a\nb", written: "\"a\nb\""),
    CSVFieldCase(value: "a\r\nb", written: "\"a\r\nb\""),
    CSVFieldCase(value: "a\r", written: "\"a\r\""),
    CSVFieldCase(value: " lead", written: "\" lead\""),
    CSVFieldCase(value: "trail ", written: "\"trail \""),
    CSVFieldCase(value: "\ttab", written: "\"\ttab\""),
    CSVFieldCase(value: " ", written: "\" \""),
    CSVFieldCase(value: "\u{FEFF}x", written: "\"\u{FEFF}x\""),
    CSVFieldCase(value: "Бишкек, \"Ош\"", written: "\"Бишкек, \"\"Ош\"\"\""),
  ]

  @Test("writes a field", arguments: fieldCases)
  func writesField(_ testCase: CSVFieldCase) {
    #expect(CSVWriter.field(testCase.value) == testCase.written)
  }

  @Test func writesRowsEndingInLF() {
    #expect(CSVWriter.row(["a", "b,c", ""]) == "a,\"b,c\",\n")
    #expect(CSVWriter.row(["x"]) == "x\n")
    #expect(CSVWriter.row([""]) == "\n")
    #expect(CSVWriter.row([]) == "\n")
  }

  static let roundTripRows: [[String]] = [
    ["a", "b", "c"],
    ["with, comma", "with \"quotes\"", "\"\"", "\""],
    ["line\nbreak", "crlf\r\nbreak", "lone\rcr", "\n"],
    ["  leading", "trailing  ", " both ", "\tTab"],
    ["Алматы", "Бишкек, Ош", "Қарағанды \"Сарыарқа\"", "Жалал-Абад\n"],
    ["", "", ""],
    [""],
    ["\u{FEFF}bom", "emoji 😀", "a\u{0}b"],
  ]

  @Test("writer output reads back the same", arguments: roundTripRows)
  func roundTripsOneRow(_ row: [String]) throws {
    #expect(try readBack(CSVWriter.row(row)) == [row])
  }

  @Test func roundTripsADocument() throws {
    // The BOM-like first field matters here: it sits at the very start of the document.
    let rows = [["\u{FEFF}first", "x"]] + Self.roundTripRows
    let text = rows.map(CSVWriter.row).joined()
    #expect(try readBack(text) == rows)
  }

  @Test("random rows round-trip", arguments: [11, 12, 13])
  func roundTripsRandomRows(seed: UInt64) throws {
    let pieces = [
      "a", "Zz", "0", ",", "\"", "\n", "\r", "\r\n", " ", "\t", "Ж", "ң", "😀", "\u{FEFF}",
    ]
    var random = SplitMix64(seed: seed)
    var rows: [[String]] = []
    for _ in 0..<300 {
      let width = Int.random(in: 1...6, using: &random)
      let row = (0..<width).map { _ in
        let length = Int.random(in: 0...6, using: &random)
        return (0..<length).map { _ in
          pieces[Int.random(in: 0..<pieces.count, using: &random)]
        }.joined()
      }
      rows.append(row)
    }
    let text = rows.map(CSVWriter.row).joined()
    #expect(try readBack(text) == rows)
  }
}
