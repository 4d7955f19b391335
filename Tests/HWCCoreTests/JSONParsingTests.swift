import Testing

@testable import HWCCore

@Suite struct JSONParsingTests {
  @Test func parsesWhatTextWritesBack() throws {
    let value = JSON.object([
      ("b", .int(-12)),
      ("a", .array([.null, .bool(true), .bool(false), .string("x\"\\\n\u{01}Ж")])),
      ("o", .object([])), ("e", .array([])),
    ])
    #expect(try JSON.parse(value.text()) == value)
    #expect(try JSON.parse(value.text(pretty: true)) == value)
  }

  @Test func readsUnicodeEscapesAndSurrogatePairs() throws {
    #expect(try JSON.parse(#""\u0416\ud83d\ude00\/""#) == .string("Ж😀/"))
  }

  @Test func subscriptFindsAKeyOfAnObject() throws {
    let value = try JSON.parse(#"{"office":"WKO","export":2}"#)
    #expect(value["export"] == .int(2))
    #expect(value["missing"] == nil)
    #expect(JSON.int(1)["office"] == nil)
  }

  @Test(arguments: [
    ("", "unexpected end"), ("{", "expected a key"), (#"{"a" 1}"#, "expected ':'"),
    ("[1,]", "expected a value"), ("1.5", "expected an integer"), (#""abc"#, "unterminated string"),
    ("[1] x", "unexpected text"), (#""\q""#, "unknown escape"), ("nul", "expected a value"),
  ])
  func refusesMalformedText(text: String, problem: String) {
    #expect(throws: JSONParseError.self) { try JSON.parse(text) }
    do {
      _ = try JSON.parse(text)
    } catch {
      #expect(error.problem == problem)
    }
  }

  @Test func refusesNestingDeeperThanItsLimit() {
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(throws: JSONParseError.self) { try JSON.parse(deep) }
  }
}
