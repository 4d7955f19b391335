import HWCCore
import HWCTemplates
import Testing

@testable import HWCReports

@Suite struct DocumentValueTests {
  @Test("a template sees a document's JSON under the same names")
  func templateSeesTheJSON() {
    let json = JSON.object([
      ("id", .string("KAZ-2026-0001")), ("amount_minor", .int(15_570_000)),
      ("paid", .bool(false)), ("ref", .null),
      ("items", .array([.object([("unit", .string("head"))])])),
    ])
    #expect(
      TemplateValue(json)
        == .object([
          "id": .string("KAZ-2026-0001"), "amount_minor": .integer(15_570_000),
          "paid": .bool(false), "ref": .null, "items": .list([.object(["unit": .string("head")])]),
        ]))
  }

  @Test("words in the reader's language are added, or replace the JSON's English names")
  func addingWords() {
    let json = JSON.object([("district", .string("Kaztalov")), ("status", .string("paid"))])
    let context = TemplateValue(json).adding([
      "district": .string("Казталовский"), "status_name": .string("выплачена"),
    ])
    #expect(
      context
        == .object([
          "district": .string("Казталовский"), "status": .string("paid"),
          "status_name": .string("выплачена"),
        ]))
  }
}
