import HWCTemplates
import Testing

/// One context for every error case, so each source shows just what goes wrong.
private let context: TemplateValue = [
  "n": 5, "s": "text", "x": nil, "xs": [1, 2], "o": ["k": 1], "d": "2026-11-21",
  "big": .integer(Int.max),
  "complaint": ["district": ["name": "Talas"], "name": "Жанибек", "closedOn": nil, "owner": nil],
]

@Suite("Error messages")
struct TemplateErrorTests {
  @Test(arguments: [
    ("{{ x", "t.en.txt:1: '{{' is never closed"),
    ("a\n{{ x\n}}", "t.en.txt:2: '{{' is never closed"),
    ("{% if n", "t.en.txt:1: '{%' is never closed"),
    ("a\n\n{# note\nmore", "t.en.txt:3: '{#' is never closed"),
    (#"{{ "abc }}"#, "t.en.txt:1: string is never closed"),
    (#"{{ "a\q" }}"#, #"t.en.txt:1: unknown escape '\q' in a string"#),
    ("{{ n @ }}", "t.en.txt:1: unexpected character '@'"),
    ("{{ n } }}", "t.en.txt:1: unexpected character '}'"),
    ("{% if n = 1 %}{% end %}", "t.en.txt:1: unexpected '=' (use '==' to compare)"),
    ("{{ 99999999999999999999 }}", "t.en.txt:1: integer 99999999999999999999 is too large"),
    ("{{ -9223372036854775809 }}", "t.en.txt:1: integer -9223372036854775809 is too large"),
    ("{{ }}", "t.en.txt:1: empty '{{ }}'"),
    ("{% %}", "t.en.txt:1: empty '{% %}'"),
    (#"{% "if" %}"#, #"t.en.txt:1: expected a tag name after '{%', got '"if"'"#),
    ("{% iff n %}", "t.en.txt:1: unknown tag 'iff'"),
    ("a\nb\n{{ n | monye }}", "t.en.txt:3: unknown filter 'monye'"),
    ("{{ n | }}", "t.en.txt:1: expected a filter name after '|', got '}}'"),
    ("{{ n | 5 }}", "t.en.txt:1: expected a filter name after '|', got '5'"),
    ("{{ s | pad }}", "t.en.txt:1: filter 'pad' takes 1 argument, got 0"),
    ("{{ s | upper 1 }}", "t.en.txt:1: filter 'upper' takes no arguments, got 1"),
    ("{{ n | bar 1 }}", "t.en.txt:1: filter 'bar' takes 2 arguments, got 1"),
    (#"{{ d | date "long" 2 }}"#, "t.en.txt:1: filter 'date' takes 0 or 1 arguments, got 2"),
    (#"{{ n | money "KZT" "KGS" }}"#, "t.en.txt:1: filter 'money' takes 0 or 1 arguments, got 2"),
    ("{{ n s }}", "t.en.txt:1: unexpected 's' before '}}'"),
    ("{% if n s %}{% end %}", "t.en.txt:1: unexpected 's' before '%}'"),
    ("{% if n < 3 < 4 %}{% end %}", "t.en.txt:1: unexpected '<' before '%}'"),
    ("{% if %}{% end %}", "t.en.txt:1: expected a value, got '%}'"),
    ("{{ n and }}", "t.en.txt:1: expected a value, got '}}'"),
    ("{{ in }}", "t.en.txt:1: expected a value, got 'in'"),
    ("{{ o. }}", "t.en.txt:1: expected a name after '.', got '}}'"),
    ("{{ (n }}", "t.en.txt:1: expected ')', got '}}'"),
    ("{% for v in xs %}\n{{ v }}\n", "t.en.txt:2: '{% for %}' is never closed (opened on line 1)"),
    (
      "a\n{% if n %}\nb\n{% for v in xs %}\n{% end %}",
      "t.en.txt:5: '{% if %}' is never closed (opened on line 2)"
    ),
    (#"{% table "A" left 3 %}"#, "t.en.txt:1: '{% table %}' is never closed (opened on line 1)"),
    (
      "a\n{% end %}",
      "t.en.txt:2: '{% end %}' without an open '{% if %}', '{% for %}' or '{% table %}'"
    ),
    (
      "{% if n %}{% end %}{% end %}",
      "t.en.txt:1: '{% end %}' without an open '{% if %}', '{% for %}' or '{% table %}'"
    ),
    ("{% else %}", "t.en.txt:1: '{% else %}' outside '{% if %}' or '{% for %}'"),
    (
      #"{% table "A" left 3 %}{% else %}{% end %}"#,
      "t.en.txt:1: '{% else %}' outside '{% if %}' or '{% for %}'"
    ),
    ("{% elif n %}", "t.en.txt:1: '{% elif %}' outside '{% if %}'"),
    ("{% for v in xs %}{% elif n %}{% end %}", "t.en.txt:1: '{% elif %}' outside '{% if %}'"),
    (
      "{% if n %}\n{% else %}\n{% elif s %}\n{% end %}",
      "t.en.txt:3: '{% elif %}' after '{% else %}'"
    ),
    ("{% if n %}{% else %}{% else %}{% end %}", "t.en.txt:1: second '{% else %}' in '{% if %}'"),
    (
      "{% for v in xs %}{% else %}{% else %}{% end %}",
      "t.en.txt:1: second '{% else %}' in '{% for %}'"
    ),
    ("{% if n %}{% else n %}{% end %}", "t.en.txt:1: unexpected 'n' before '%}'"),
    ("{% if n %}{% end if %}", "t.en.txt:1: unexpected 'if' before '%}'"),
    ("{% for %}", "t.en.txt:1: expected a loop variable name after 'for', got '%}'"),
    ("{% for in xs %}", "t.en.txt:1: expected a loop variable name after 'for', got 'in'"),
    (
      "{% for loop in xs %}{% end %}",
      "t.en.txt:1: 'loop' holds the loop counters; choose another name for the loop variable"
    ),
    ("{% for v xs %}{% end %}", "t.en.txt:1: expected 'in' after 'for v', got 'xs'"),
    (
      "{% include header %}",
      "t.en.txt:1: expected a template name in quotes after 'include', got 'header'"
    ),
    (
      #"{% include "../header" %}"#,
      "t.en.txt:1: invalid template name '../header' (use letters, digits, '_' and '-')"
    ),
    (
      "a\n" + #"{% include "header" %}"#,
      "t.en.txt:2: '{% include %}' needs a template library; "
        + "load this template with TemplateLibrary"
    ),
    ("{% row 1 %}", "t.en.txt:1: '{% row %}' outside '{% table %}'"),
    ("{% rule %}", "t.en.txt:1: '{% rule %}' outside '{% table %}'"),
    (
      #"{% table "A" left 3, "B" right 4 %}"# + "\n{% row 1 %}\n{% end %}",
      "t.en.txt:2: '{% row %}' has 1 cell but the table has 2 columns"
    ),
    (
      #"{% table "A" left 3 %}"# + "\n{% row 1, 2 %}\n{% end %}",
      "t.en.txt:2: '{% row %}' has 2 cells but the table has 1 column"
    ),
    ("{% table A left 3 %}{% end %}", "t.en.txt:1: expected a column header in quotes, got 'A'"),
    (
      #"{% table "A" middle 3 %}{% end %}"#,
      "t.en.txt:1: expected 'left', 'right' or 'center' after the column header, got 'middle'"
    ),
    (
      #"{% table "A" left 0 %}{% end %}"#,
      "t.en.txt:1: expected a column width above 0 after 'left', got '0'"
    ),
    (#"{% table "A" left 3 "B" %}{% end %}"#, #"t.en.txt:1: unexpected '"B"' before '%}'"#),
    (#"{% table "A" left 3 %}{% rule x %}{% end %}"#, "t.en.txt:1: unexpected 'x' before '%}'"),
  ])
  func parseErrors(source: String, expected: String) {
    #expect(renderError(source, context) == expected)
  }

  @Test(arguments: [
    ("a\n{{ complaint.distrct }}", "t.en.txt:2: unknown name 'complaint.distrct'"),
    ("{{ nothing }}", "t.en.txt:1: unknown name 'nothing'"),
    ("{{ loop.index }}", "t.en.txt:1: unknown name 'loop.index'"),
    ("{% for v in xs %}{{ loop.number }}{% end %}", "t.en.txt:1: unknown name 'loop.number'"),
    (
      "{{ complaint.name.first }}",
      "t.en.txt:1: 'complaint.name' is a string and has no field 'first'"
    ),
    ("{{ complaint.owner.name }}", "t.en.txt:1: 'complaint.owner' is null and has no field 'name'"),
    ("{{ n.k }}", "t.en.txt:1: 'n' is an integer and has no field 'k'"),
    (
      "{{ complaint.closedOn }}",
      "t.en.txt:1: 'complaint.closedOn' is null (use the 'default' filter to print a placeholder)"
    ),
    (
      #"{{ x | date "long" | upper }}"#,
      #"t.en.txt:1: 'x | date "long" | upper' is null "#
        + "(use the 'default' filter to print a placeholder)"
    ),
    ("{{ xs }}", "t.en.txt:1: cannot print 'xs', which is a list"),
    ("{{ o }}", "t.en.txt:1: cannot print 'o', which is an object"),
    ("{{ s | number }}", "t.en.txt:1: filter 'number' needs an integer, got a string"),
    ("{{ xs | money_whole }}", "t.en.txt:1: filter 'money_whole' needs an integer, got a list"),
    ("{{ n | money 5 }}", "t.en.txt:1: filter 'money' needs a string argument, got an integer"),
    ("{{ n | money x }}", "t.en.txt:1: filter 'money' needs a string argument, got null"),
    (#"{{ s | pad "x" }}"#, "t.en.txt:1: filter 'pad' needs an integer argument, got a string"),
    ("{{ s | lpad -1 }}", "t.en.txt:1: filter 'lpad' needs a width of at least 0, got -1"),
    ("{{ s | truncate 0 }}", "t.en.txt:1: filter 'truncate' needs a width of at least 1, got 0"),
    ("{{ xs | upper }}", "t.en.txt:1: filter 'upper' needs a string or an integer, got a list"),
    (
      "{{ o | center 3 }}",
      "t.en.txt:1: filter 'center' needs a string or an integer, got an object"
    ),
    ("{{ n | date }}", "t.en.txt:1: filter 'date' needs a string, got an integer"),
    (
      #"{{ "2026-02-30" | date }}"#,
      "t.en.txt:1: filter 'date' needs a date as YYYY-MM-DD, got '2026-02-30'"
    ),
    (
      #"{{ "21.11.2026" | date "long" }}"#,
      "t.en.txt:1: filter 'date' needs a date as YYYY-MM-DD, got '21.11.2026'"
    ),
    (
      #"{{ d | date "medium" }}"#,
      "t.en.txt:1: filter 'date' has no style 'medium' (use iso, long or short)"
    ),
    ("{{ d | date 1 }}", "t.en.txt:1: filter 'date' needs a string argument, got an integer"),
    (
      #"{{ n | percent "x" }}"#,
      "t.en.txt:1: filter 'percent' needs an integer argument, got a string"
    ),
    ("{{ big | percent 1 }}", "t.en.txt:1: filter 'percent' got a ratio too large to print"),
    ("{{ -1 | bar 10 10 }}", "t.en.txt:1: filter 'bar' needs a value of at least 0, got -1"),
    ("{{ 1 | bar 10 -1 }}", "t.en.txt:1: filter 'bar' needs a maximum of at least 0, got -1"),
    ("{{ 1 | bar -1 10 }}", "t.en.txt:1: filter 'bar' needs a width of at least 0, got -1"),
    ("{{ 1 | bar 10 s }}", "t.en.txt:1: filter 'bar' needs an integer argument, got a string"),
    (
      "{{ n | count }}",
      "t.en.txt:1: filter 'count' needs a list, an object or a string, got an integer"
    ),
    (
      #"{% if n < "a" %}{% end %}"#,
      "t.en.txt:1: '<' needs two integers or two strings, got an integer and a string"
    ),
    (
      "{% if xs >= xs %}{% end %}",
      "t.en.txt:1: '>=' needs two integers or two strings, got a list and a list"
    ),
    (
      #"{% if n == "5" %}{% end %}"#,
      "t.en.txt:1: '==' needs two values of one kind, got an integer and a string"
    ),
    (
      "{% if n != true %}{% end %}",
      "t.en.txt:1: '!=' needs two values of one kind, got an integer and a boolean"
    ),
    ("a\n{% for v in n %}{% end %}", "t.en.txt:2: '{% for %}' needs a list, but 'n' is an integer"),
    ("{% for v in x %}{% end %}", "t.en.txt:1: '{% for %}' needs a list, but 'x' is null"),
    (
      "{% for v in xs %}\nrow {{ v }}\n  {{ v.name }}\n{% end %}",
      "t.en.txt:3: 'v' is an integer and has no field 'name'"
    ),
    ("{% if false %}\n{% elif missing %}\n{% end %}", "t.en.txt:2: unknown name 'missing'"),
    (
      #"{% table "A" left 3 %}"# + "\n{% rule %}\n{% row x %}\n{% end %}",
      "t.en.txt:3: 'x' is null (use the 'default' filter to print a placeholder)"
    ),
    (
      #"{% table "A" left 3, "B" left 3 %}"# + "\n{% row n, nope | upper %}\n{% end %}",
      "t.en.txt:2: unknown name 'nope'"
    ),
  ])
  func renderErrors(source: String, expected: String) throws {
    _ = try Template(source: source, name: "t.en.txt")
    #expect(renderError(source, context) == expected)
  }

  @Test(arguments: [
    ("not (a and b)", "not (a and b)", "a boolean"),
    ("a and (b or c)", "a and (b or c)", "a boolean"),
    ("(a or b) or c", "a or b or c", "a boolean"),
    ("a or (b or c)", "a or (b or c)", "a boolean"),
    ("not a == b", "not a == b", "a boolean"),
    ("(not a) == b", "(not a) == b", "a boolean"),
    ("(n < x) == true", "(n < x) == true", "a boolean"),
    ("o.b.c != null", "o.b.c != null", "a boolean"),
    (#"x | money "KZT" | lpad 9"#, #"x | money "KZT" | lpad 9"#, "a string"),
    ("n|bar 3 1", "n | bar 3 1", "a string"),
    (
      "(a or not b) != ((c | pad 3) | default (d | upper) == d)",
      "(a or not b) != (c | pad 3 | default (d | upper) == d)", "a boolean"
    ),
  ])
  func messagesQuoteExpressionsWithTheirGrouping(written: String, quoted: String, kind: String) {
    let context: TemplateValue = [
      "a": true, "b": false, "c": "s", "d": "t", "x": 1, "n": 2, "o": ["b": ["c": 1]],
    ]
    let expected = "t.en.txt:1: '{% for %}' needs a list, but '\(quoted)' is \(kind)"
    #expect(renderError("{% for v in \(written) %}{% end %}", context) == expected)
  }

  @Test func errorsCarryFileLineColumnAndMessage() {
    do {
      _ = try Template(source: "ab\n  {{ n | monye }}", name: "quarterly.en.txt")
      Issue.record("expected an error")
    } catch {
      #expect(error.file == "quarterly.en.txt")
      #expect(error.line == 2)
      #expect(error.column == 10)
      #expect(error.message == "unknown filter 'monye'")
      #expect(error.description == "quarterly.en.txt:2: unknown filter 'monye'")
    }
  }

  @Test func columnsCountUnicodeScalars() {
    do {
      _ = try Template(source: "Жанибек {{ x | monye }}", name: "t.txt")
      Issue.record("expected an error")
    } catch {
      #expect(error.column == 16)
    }
  }

  @Test func anErrorAfterOutputStillFailsTheWholeRender() {
    #expect(renderError("lots of text {{ n }} then {{ nope }}", context) != nil)
  }
}
