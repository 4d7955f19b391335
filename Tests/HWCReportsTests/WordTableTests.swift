import HWCTemplates
import Testing

@testable import HWCReports

@Suite struct WordTableTests {
  @Test("a words file is key = text lines; comments and blank lines are skipped")
  func parses() throws {
    let table = try WordTable(lang: "xx", parsing: "# words\n\nstep.a = one {x}\nempty =\n")
    #expect(table["step.a"] == "one {x}")
    #expect(table["empty"] == "")
    #expect(table.pluralRule == nil)
  }

  @Test(
    "a line that is not key = text is refused naming the file and line",
    arguments: [
      ("a = 1\nno equals here\n", "words.xx.txt:2: expected 'key = text'"),
      ("a = 1\na = 2\n", "words.xx.txt:2: 'a' is given twice"),
      ("two words = x\n", "words.xx.txt:1: expected a key without spaces before '='"),
      (
        "# rule\nplural.one = q = 1\n",
        "words.xx.txt:2: plural rule 'one' is not a CLDR condition: 'q = 1'"
      ),
    ])
  func refuses(source: String, message: String) {
    #expect(throws: WordsError.self) { try WordTable(lang: "xx", parsing: source) }
    do {
      _ = try WordTable(lang: "xx", parsing: source)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test("a language falls back key by key to Russian, then English; English to nothing")
  func fallback() throws {
    let library = ReportSetup().templates
    let uzbek = try WordChain(lang: "uz", library: library)
    #expect(uzbek.tables.map(\.lang) == ["ru", "en"])
    #expect(uzbek["why.not_inspected"] == "осмотр не проводился")
    let kazakh = try WordChain(lang: "kk", library: library)
    #expect(kazakh.tables.map(\.lang) == ["kk", "ru", "en"])
    let english = try WordChain(lang: "en", library: library)
    #expect(english.tables.map(\.lang) == ["en"])
  }
}
