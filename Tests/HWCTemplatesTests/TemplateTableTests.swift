import HWCTemplates
import Testing

@Suite("Tables")
struct TemplateTableTests {
  private let context: TemplateValue = [
    "districts": [
      ["name": "Талас", "count": 12, "amount": 123_456_700],
      ["name": "Kara-Buura", "count": 1_204, "amount": 5_000_050],
      ["name": "Ат-Башы", "count": 0, "amount": 0],
    ],
    "total": ["count": 1_216, "amount": 128_456_750],
  ]

  @Test func headerRowsRuleAndTotal() throws {
    let source = """
      Complaints by district
        {% table "District" left 12, "Complaints" right 10, "Amount" right 18 %}
        {% for d in districts %}
        {% row d.name, d.count | number, d.amount | money "KGS" %}
        {% end %}
        {% rule %}
        {% row "Total", total.count | number, total.amount | money "KGS" %}
        {% end %}
      End
      """
    let expected = """
      Complaints by district
      District      Complaints              Amount
      ------------  ----------  ------------------
      Талас                 12       1,234,567 KGS
      Kara-Buura         1,204       50,000.50 KGS
      Ат-Башы                0               0 KGS
      ------------  ----------  ------------------
      Total              1,216    1,284,567.50 KGS
      End
      """
    #expect(try render(source, context) == expected)
  }

  @Test func centeredColumnsAndRussianHeaders() throws {
    let source = """
      {% table "Район" center 9, "Жалобы" right 6 %}
      {% for d in districts %}
      {% row d.name, d.count %}
      {% end %}
      {% end %}
      """
    let expected = """
        Район    Жалобы
      ---------  ------
        Талас        12
      Kara-Buura    1204
       Ат-Башы        0

      """
    #expect(try render(source, context) == expected)
  }

  @Test func aHeaderWiderThanItsColumnWidensIt() throws {
    let source = """
      {% table "Complaints received" right 3 %}
      {% row 5 %}
      {% end %}
      """
    let expected = "Complaints received\n-------------------\n                  5\n"
    #expect(try render(source) == expected)
  }

  @Test func emptyHeadersPrintNoHeaderOrRule() throws {
    let source = """
      {% table "" left 6, "" right 4 %}
      {% row "a", 1 %}
      {% row "bb", 22 %}
      {% end %}
      """
    #expect(try render(source) == "a          1\nbb        22\n")
  }

  @Test func trailingBlanksAreDroppedAndWideCellsAreNotCut() throws {
    let source = """
      {% table "Name" left 4, "Note" left 8 %}
      {% row "Kara-Buura", "" %}
      {% row "Ош", "ok" %}
      {% end %}
      """
    let expected = "Name  Note\n----  --------\nKara-Buura\nОш    ok\n"
    #expect(try render(source) == expected)
  }

  @Test func cellsMayBeAnyExpression() throws {
    let source = """
      {% table "A" left 5, "B" right 5 %}
      {% row x | default "—", x == null %}
      {% end %}
      """
    #expect(try render(source, ["x": nil]) == "A          B\n-----  -----\n—       true\n")
  }

  @Test func rowsWorkInsideConditionalsInsideTheTable() throws {
    let source = """
      {% table "N" right 3 %}
      {% for d in districts %}
      {% if d.count > 0 %}
      {% row d.count %}
      {% end %}
      {% end %}
      {% end %}
      """
    #expect(try render(source, context) == "  N\n---\n 12\n1204\n")
  }
}
