import HWCTemplates
import HWCTestSupport
import Testing

/// The description of the error loading `name` in `lang` raises, or nil if it loads.
private func loadError(_ library: TemplateLibrary, _ name: String, lang: String = "en") -> String? {
  do {
    _ = try library.template(name, lang: lang)
    return nil
  } catch {
    return error.description
  }
}

@Suite("Template library")
struct TemplateLibraryTests {
  private let shipped = TemporaryDirectory()
  private let override = TemporaryDirectory()
  private var library: TemplateLibrary {
    TemplateLibrary(shippedDirectory: shipped.path, overrideDirectory: override.path)
  }

  @Test func aTemplateInTheOverrideDirectoryWins() throws {
    shipped.write("quarterly.en.txt", "shipped {{ n }}\n")
    override.write("quarterly.en.txt", "override {{ n }}\n")
    let text = try library.render("quarterly", lang: "en", context: ["n": 5], locale: .english)
    #expect(text == "override 5\n")
  }

  @Test func aTemplateMissingFromTheOverrideFallsBackToTheShippedOne() throws {
    shipped.write("quarterly.en.txt", "shipped {{ n | number }}\n")
    override.write("receipt.en.txt", "override receipt\n")
    let text = try library.render("quarterly", lang: "en", context: ["n": 5000], locale: .english)
    #expect(text == "shipped 5,000\n")
    let receipt = try library.render("receipt", lang: "en", context: [:], locale: .english)
    #expect(receipt == "override receipt\n")
  }

  @Test func withoutAnOverrideDirectoryOrWithAMissingOneTheShippedFileIsUsed() throws {
    shipped.write("letter.ru.txt", "Письмо от {{ d | date \"long\" }}\n")
    let context: TemplateValue = ["d": "2026-11-21"]
    let plain = TemplateLibrary(shippedDirectory: shipped.path + "/")
    #expect(
      try plain.render("letter", lang: "ru", context: context, locale: .russian)
        == "Письмо от 21 ноября 2026\n")
    let absent = TemplateLibrary(
      shippedDirectory: shipped.path, overrideDirectory: override.path + "/does-not-exist")
    #expect(
      try absent.render("letter", lang: "ru", context: context, locale: .russian)
        == "Письмо от 21 ноября 2026\n")
  }

  @Test func theLanguagePicksTheFile() throws {
    shipped.write("fund.en.txt", "Balance: {{ b | money \"KZT\" }}\n")
    shipped.write("fund.ru.txt", "Остаток: {{ b | money \"KZT\" }}\n")
    let context: TemplateValue = ["b": 123_456_789]
    #expect(
      try library.render("fund", lang: "en", context: context, locale: .english)
        == "Balance: 1,234,567.89 KZT\n")
    #expect(
      try library.render("fund", lang: "ru", context: context, locale: .russian)
        == "Остаток: 1\u{202F}234\u{202F}567,89 KZT\n")
  }

  @Test func aTemplateMissingEverywhereNamesTheFileAndTheDirectories() {
    let expected = "quarterly.de.txt: template not found in '\(override.path)' or '\(shipped.path)'"
    #expect(loadError(library, "quarterly", lang: "de") == expected)
    let plain = TemplateLibrary(shippedDirectory: shipped.path)
    let shippedOnly = "quarterly.en.txt: template not found in '\(shipped.path)'"
    #expect(loadError(plain, "quarterly") == shippedOnly)
  }

  @Test(arguments: [
    ("../etc", "en", "invalid template name '../etc' (use letters, digits, '_' and '-')"),
    ("", "en", "invalid template name '' (use letters, digits, '_' and '-')"),
    ("a.b", "en", "invalid template name 'a.b' (use letters, digits, '_' and '-')"),
    ("quarterly", "e/n", "invalid template language 'e/n'"),
    ("quarterly", "", "invalid template language ''"),
  ])
  func invalidNamesAreRefused(name: String, lang: String, expected: String) {
    #expect(loadError(library, name, lang: lang) == expected)
  }

  @Test func includesFallBackFileByFileAndSeeTheLoopVariables() throws {
    shipped.write(
      "report.en.txt",
      """
      {% include "header" %}
      {% for c in complaints %}
        {% include "line" %}
      {% end %}
      {% include "footer" %}
      """)
    shipped.write("header.en.txt", "SHIPPED HEADER\n")
    override.write("header.en.txt", "Report for {{ region }}\n{# override #}\n")
    shipped.write("line.en.txt", "{{ loop.index }}. {{ c.number }}\n")
    shipped.write(
      "footer.en.txt",
      """
      {% if complaints | count > 1 %}
      {{ complaints | count }} complaints
      {% end %}

      """)
    let context: TemplateValue = [
      "region": "Talas", "complaints": [["number": "A-1"], ["number": "A-2"]],
    ]
    let text = try library.render("report", lang: "en", context: context, locale: .english)
    #expect(text == "Report for Talas\n1. A-1\n2. A-2\n2 complaints\n")
  }

  @Test func theSamePartialMayBeIncludedMoreThanOnce() throws {
    shipped.write("main.en.txt", "{% include \"a\" %}{% include \"b\" %}{% include \"a\" %}\n")
    shipped.write("a.en.txt", "a{% include \"c\" %}")
    shipped.write("b.en.txt", "b{% include \"c\" %}")
    shipped.write("c.en.txt", "c")
    #expect(try library.render("main", lang: "en", context: [:], locale: .english) == "acbcac")
  }

  @Test func aMissingIncludeIsALoadErrorAtTheIncludeTag() {
    shipped.write("main.en.txt", "Title\n{% include \"footer\" %}\n")
    let expected =
      "main.en.txt:2: cannot include 'footer': footer.en.txt not found in "
      + "'\(override.path)' or '\(shipped.path)'"
    #expect(loadError(library, "main") == expected)
  }

  @Test func includeCyclesAreRefused() {
    shipped.write("a.en.txt", "{% include \"b\" %}")
    shipped.write("b.en.txt", "b\n{% include \"a\" %}")
    shipped.write("self.en.txt", "{% include \"self\" %}")
    let cycle = #"b.en.txt:2: '{% include "a" %}' makes a cycle: a.en.txt → b.en.txt → a.en.txt"#
    #expect(loadError(library, "a") == cycle)
    let selfCycle =
      #"self.en.txt:1: '{% include "self" %}' makes a cycle: self.en.txt → self.en.txt"#
    #expect(loadError(library, "self") == selfCycle)
  }

  @Test func errorsInsideAnIncludedFileNameThatFile() {
    shipped.write("main.en.txt", "{% include \"part\" %}\n")
    override.write("part.en.txt", "ok\n{{ n | monye }}\n")
    #expect(loadError(library, "main") == "part.en.txt:2: unknown filter 'monye'")
    shipped.write("render.en.txt", "{% include \"late\" %}\n")
    shipped.write("late.en.txt", "\n\n{{ nope }}\n")
    #expect(throws: TemplateError.self) {
      try library.render("render", lang: "en", context: [:], locale: .english)
    }
    do {
      _ = try library.render("render", lang: "en", context: [:], locale: .english)
    } catch {
      #expect(error.description == "late.en.txt:3: unknown name 'nope'")
    }
  }

  @Test func aByteOrderMarkIsDropped() throws {
    shipped.write("bom.en.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("Hi {{ n }}".utf8))
    #expect(try library.render("bom", lang: "en", context: ["n": 1], locale: .english) == "Hi 1")
  }

  @Test func invalidUTF8IsAnError() {
    shipped.write("bad.en.txt", bytes: [0x48, 0xFF, 0x49])
    let expected = "bad.en.txt: '\(shipped.path)/bad.en.txt' is not valid UTF-8"
    #expect(loadError(library, "bad") == expected)
  }

  @Test func anUnreadableEntryIsAnErrorNotAFallback() {
    override.makeDirectory("odd.en.txt")
    shipped.write("odd.en.txt", "fine")
    let expected = "odd.en.txt: cannot read '\(override.path)/odd.en.txt': Is a directory"
    #expect(loadError(library, "odd") == expected)
  }

  @Test func aLoadedTemplateRendersManyTimes() throws {
    shipped.write("receipt.en.txt", "Receipt {{ number }}: {{ amount | money \"KZT\" }}\n")
    let template = try library.template("receipt", lang: "en")
    #expect(template.name == "receipt.en.txt")
    for index in 1...3 {
      let context: TemplateValue = ["number": .integer(index), "amount": .integer(index * 100)]
      #expect(try template.render(context) == "Receipt \(index): \(index) KZT\n")
    }
  }

  @Test func anUnopenableFileIsAnError() {
    let long = "/tmp/" + String(repeating: "x", count: 300)
    let library = TemplateLibrary(shippedDirectory: long)
    let expected = "q.en.txt: cannot open '\(long)/q.en.txt': File name too long"
    #expect(loadError(library, "q") == expected)
  }
}
