import HWCTemplates
import Testing

@Suite("Conditionals, loops, comments and whitespace")
struct TemplateSyntaxTests {
  @Test func textWithoutTagsIsCopied() throws {
    let text = "Квартальный отчёт } %} #} { % x\n\n  indented\n"
    #expect(try render(text) == text)
    #expect(try render("") == "")
  }

  @Test(arguments: [(0, "zero"), (1, "one"), (2, "few"), (5, "many"), (-3, "negative")])
  func ifElifElse(count: Int, expected: String) throws {
    let source = """
      {% if count == 0 %}
      zero
      {% elif count == 1 %}
      one
      {% elif count < 0 %}
      negative
      {% elif count <= 4 %}
      few
      {% else %}
      many
      {% end %}
      """
    #expect(try render(source, ["count": .integer(count)]) == expected + "\n")
  }

  @Test func ifWithoutElsePrintsNothingWhenFalse() throws {
    #expect(try render("a{% if x %}b{% end %}c", ["x": false]) == "ac")
    #expect(try render("a{% if x %}b{% elif y %}d{% end %}c", ["x": false, "y": true]) == "adc")
  }

  @Test(arguments: [
    ("3 == 3", true), ("3 != 3", false), ("2 < 3", true), ("3 < 2", false), ("3 > 2", true),
    ("3 <= 3", true), ("4 <= 3", false), ("3 >= 3", true), ("2 >= 3", false),
    (#""a" == "a""#, true), (#""a" != "b""#, true), (#""a" < "b""#, true),
    (#""Б" > "А""#, true), ("-5 < 0", true), ("null == null", true), ("x == null", true),
    ("s == null", false), ("true == true", true), ("n == 7", true), ("s == \"Talas\"", true),
  ])
  func comparisons(expression: String, expected: Bool) throws {
    let context: TemplateValue = ["x": nil, "n": 7, "s": "Talas"]
    let source = "{% if \(expression) %}T{% else %}F{% end %}"
    #expect(try render(source, context) == (expected ? "T" : "F"))
  }

  @Test(arguments: [
    ("true and false", false), ("true or false", true), ("not true", false),
    ("not false and false", false), ("not (false and false)", true),
    ("false or true and false", false), ("(false or true) and true", true),
    ("not not 1", true), ("t and n > 5", true), ("f or n < 5", false),
  ])
  func booleanOperators(expression: String, expected: Bool) throws {
    let context: TemplateValue = ["t": true, "f": false, "n": 7]
    let source = "{% if \(expression) %}T{% else %}F{% end %}"
    #expect(try render(source, context) == (expected ? "T" : "F"))
  }

  @Test func andOrStopAtTheFirstDecidingOperand() throws {
    #expect(try render("{% if false and missing %}T{% else %}F{% end %}") == "F")
    #expect(try render("{% if true or missing %}T{% else %}F{% end %}") == "T")
    let error = renderError("{% if true and missing %}T{% end %}")
    #expect(error == "t.en.txt:1: unknown name 'missing'")
  }

  @Test func filtersBindTighterThanComparisons() throws {
    #expect(try render(#"{% if x | default 5 > 3 %}big{% end %}"#, ["x": nil]) == "big")
    #expect(try render(#"{% if items | count == 2 %}two{% end %}"#, ["items": [1, 2]]) == "two")
  }

  @Test func forElseRunsOnlyForAnEmptyList() throws {
    let source = """
      {% for c in complaints %}
      - {{ c }}
      {% else %}
      No complaints this quarter.
      {% end %}
      """
    #expect(try render(source, ["complaints": []]) == "No complaints this quarter.\n")
    #expect(try render(source, ["complaints": ["A", "B"]]) == "- A\n- B\n")
  }

  @Test func conditionalsInsideLoopsInsideConditionals() throws {
    let source = """
      {% if show %}
      {% for n in numbers %}
        {% if n > 10 %}
      {{ n }} is large
        {% elif n == 0 %}
      zero
        {% else %}
      {{ n }}
        {% end %}
      {% end %}
      {% end %}
      """
    let context: TemplateValue = ["show": true, "numbers": [0, 5, 50]]
    #expect(try render(source, context) == "zero\n5\n50 is large\n")
  }

  @Test func tagOnlyLinesLeaveNoBlankLines() throws {
    let source = """
      Header
        {% if true %}
          {# a comment #}  {% for x in xs %}
      * {{ x }}
          {% end %}
      \t{% end %}\t
      Footer
      """
    #expect(try render(source, ["xs": [1, 2]]) == "Header\n* 1\n* 2\nFooter")
  }

  @Test func inlineTagsKeepTheirLine() throws {
    let source = "Paid: {% if paid %}yes{% else %}no{% end %}\nNext\n"
    #expect(try render(source, ["paid": true]) == "Paid: yes\nNext\n")
    #expect(try render("{% if false %}x{% end %}.\n") == ".\n")
  }

  @Test func aLineWithAValueIsKeptEvenWhenTheValueIsEmpty() throws {
    #expect(try render("a\n  {{ s }}\nb", ["s": ""]) == "a\n  \nb")
  }

  @Test func blankLinesWrittenInTheTemplateStay() throws {
    let source = "a\n\n{% if true %}\n\nb\n{% end %}\n\nc\n"
    #expect(try render(source) == "a\n\n\nb\n\nc\n")
  }

  @Test func tagOnlyLastLineWithoutNewline() throws {
    #expect(try render("a\n{% if true %}b\n{% end %}") == "a\nb\n")
  }

  @Test func windowsLineEndingsAreHandledTheSameWay() throws {
    let source = "a\r\n{% if true %}\r\nb\r\n{% end %}\r\nc\r\n"
    #expect(try render(source) == "a\r\nb\r\nc\r\n")
  }

  @Test func commentsVanish() throws {
    #expect(try render("a{# inline #}b") == "ab")
    let source = """
      before
      {# a comment
         over several lines
         with {{ tags }} and {% tags %} inside #}
      after
      """
    #expect(try render(source) == "before\nafter")
    #expect(try render("x {# note #}\n") == "x \n")
  }

  @Test func tagsToleratesSpacingVariations() throws {
    #expect(try render("{{x|number}}|{{  x  |  number  }}", ["x": 1000]) == "1,000|1,000")
    #expect(try render("{%if x%}y{%end%}", ["x": 1]) == "y")
  }
}
