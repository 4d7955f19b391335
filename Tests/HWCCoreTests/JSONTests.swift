import Testing

@testable import HWCCore

@Suite struct JSONTests {
  @Test func objectsKeepTheirKeyOrder() {
    let value = JSON.object([("b", .int(1)), ("a", .array([.null, .bool(true), .string("x")]))])
    #expect(value.text() == #"{"b":1,"a":[null,true,"x"]}"#)
  }

  @Test func stringsAreEscapedPerRFC8259() {
    let value = JSON.string("q\"b\\n\n\t\u{01}Жанибек")
    #expect(value.text() == #""q\"b\\n\n\t\u0001Жанибек""#)
  }

  @Test func prettyPrintingIndentsByTwo() {
    let value = JSON.object([("id", .string("KAZ-2026-0001")), ("items", .array([.int(1)]))])
    #expect(
      value.text(pretty: true) == "{\n  \"id\": \"KAZ-2026-0001\",\n  \"items\": [\n    1\n  ]\n}")
  }

  @Test func emptyContainers() {
    #expect(JSON.array([]).text(pretty: true) == "[]")
    #expect(JSON.object([]).text(pretty: true) == "{}")
  }
}
