import HWCTemplates
import Testing

/// Large inputs render completely and correctly. Speed is measured by `make bench`, never here.
@Suite("Large inputs")
struct TemplatePerformanceTests {
  @Test func aReportWithThousandsOfRowsRendersEveryRow() throws {
    let rows: [TemplateValue] = (0..<5_000).map { index in
      [
        "name": .string("District №\(index) Жанибек"), "count": .integer(index * 7),
        "amount": .integer(index * 1_234_567), "closedOn": index % 3 == 0 ? nil : "2026-11-21",
      ]
    }
    let source = """
      {% table "District" left 24, "Complaints" right 10, "Amount" right 22 %}
      {% for d in rows %}
      {% row d.name | truncate 24, d.count | number, d.amount | money "KZT" %}
      {% end %}
      {% rule %}
      {% end %}
      {% for d in rows %}
      {{ loop.index | lpad 5 }} {{ d.name | pad 30 }} {{ d.count | bar 20 max }} \
      {{ d.closedOn | date "long" | default "open" }}
      {% end %}
      """
    let template = try Template(source: source, name: "big.en.txt")
    let text = try template.render(["rows": .list(rows), "max": .integer(4_999 * 7)])
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 + 5_000 + 1 + 5_000 + 1)
    #expect(lines[2] == "District №0 Жанибек                0                   0 KZT")
    #expect(lines[5_004] == "    2 District №1 Жанибек            █ 21 November 2026")
  }

  @Test func aLongTemplateParsesAndRendersToTheEnd() throws {
    var source = ""
    for index in 0..<50_000 {
      source += "Line \(index) of plain text with a value {{ n }} and Кириллица.\n"
      if index % 100 == 0 { source += "{% if n > 0 %}\n{# note #}\n{% end %}\n" }
    }
    let text = try Template(source: source, name: "long.en.txt").render(["n": 1])
    #expect(text.utf8.count > 3_000_000)
    #expect(text.hasSuffix("Line 49999 of plain text with a value 1 and Кириллица.\n"))
  }
}
