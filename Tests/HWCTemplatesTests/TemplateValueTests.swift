import HWCTemplates
import Testing

@Suite("Values and names")
struct TemplateValueTests {
  @Test func literalsBuildTheMatchingCases() {
    let value: TemplateValue = [
      "s": "text", "i": 42, "b": true, "l": [1, "two"], "o": ["k": nil], "n": nil,
      "interpolated": "x\(1 + 1)",
    ]
    let expected = TemplateValue.object([
      "s": .string("text"), "i": .integer(42), "b": .bool(true),
      "l": .list([.integer(1), .string("two")]), "o": .object(["k": .null]), "n": .null,
      "interpolated": .string("x2"),
    ])
    #expect(value == expected)
  }

  @Test(arguments: [
    (TemplateValue.bool(false), "no"), (true, "yes"), (nil, "no"), (0, "no"), (1, "yes"),
    (-1, "yes"), ("", "no"), ("a", "yes"), (" ", "yes"), (.list([]), "no"),
    (.list([0]), "yes"), (.object([:]), "no"), (.object(["k": 0]), "yes"),
  ])
  func truthiness(value: TemplateValue, expected: String) throws {
    #expect(try render("{% if x %}yes{% else %}no{% end %}", ["x": value]) == expected)
  }

  @Test func scalarsPrintPlainly() throws {
    let context: TemplateValue = ["s": "Жанибек", "i": -1_234_567, "t": true, "f": false]
    #expect(try render("{{ s }} {{ i }} {{ t }} {{ f }}", context) == "Жанибек -1234567 true false")
  }

  @Test func literalsPrint() throws {
    let source = #"{{ "a \"b\" \\ c" }}|{{ 42 }}|{{ -7 }}|{{ true }}"#
    #expect(try render(source) == #"a "b" \ c|42|-7|true"#)
    #expect(try render(#"{{ "tab\there" }}"#) == "tab\there")
    #expect(try render(#"{{ "{{ not a tag }}" }}"#) == "{{ not a tag }}")
  }

  @Test func dottedNamesReachNestedFields() throws {
    let context: TemplateValue = [
      "complaint": ["number": "KZ-2026-0042", "district": ["name": "Талас", "code": 7]]
    ]
    let source =
      "{{ complaint.number }}: {{ complaint.district.name }} ({{ complaint.district.code }})"
    #expect(try render(source, context) == "KZ-2026-0042: Талас (7)")
  }

  @Test func loopVariableShadowsTheContextAndEndsWithTheLoop() throws {
    let context: TemplateValue = ["x": "outer", "items": ["a", "b"]]
    let source = "{% for x in items %}{{ x }},{% end %}{{ x }}"
    #expect(try render(source, context) == "a,b,outer")
  }

  @Test func loopCounters() throws {
    let source = """
      {% for x in items %}
      {{ loop.index }}/{{ loop.count }} {{ loop.index0 }} {{ x }}\
      {% if loop.first %} first{% end %}{% if loop.last %} last{% end %}
      {% end %}
      """
    let expected = """
      1/3 0 a first
      2/3 1 b
      3/3 2 c last

      """
    #expect(try render(source, ["items": ["a", "b", "c"]]) == expected)
  }

  @Test func singleItemIsFirstAndLast() throws {
    let loop = "{% for x in items %}{{ loop.first }} {{ loop.last }}{% end %}"
    #expect(try render(loop, ["items": [1]]) == "true true")
  }

  @Test func nestedLoopsSeeTheirOwnCountersAndOuterVariables() throws {
    let context: TemplateValue = [
      "districts": [
        ["name": "Talas", "villages": ["Kara-Buura", "Manas"]],
        ["name": "Naryn", "villages": ["At-Bashy"]],
      ]
    ]
    let source = """
      {% for d in districts %}
      {{ loop.index }}. {{ d.name }}
        {% for v in d.villages %}
        {{ loop.index }}) {{ v }} in {{ d.name }}{% if loop.last %}.{% else %};{% end %}
        {% end %}
      {% end %}
      """
    let expected = """
      1. Talas
        1) Kara-Buura in Talas;
        2) Manas in Talas.
      2. Naryn
        1) At-Bashy in Naryn.

      """
    #expect(try render(source, context) == expected)
  }

  @Test func contextThatIsNotAnObjectHasNoNames() throws {
    #expect(try Template(source: "plain", name: "t.txt").render(.list([])) == "plain")
    #expect(throws: TemplateError.self) {
      try Template(source: "{{ x }}", name: "t.txt").render(.integer(1))
    }
  }
}
