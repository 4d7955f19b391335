import Foundation
import HWCCLI
import Testing

/// Languages as files (issue #14): `--lang` for any language with templates, a new language
/// added in a folder with templates and a words file only, the word-by-word fallback with its
/// warning, and the claimant's preferred language.
@Suite struct CLILanguageTests {
  /// A receipt in language `xx`, which hwc has never heard of: its template and its words.
  static let receipt = """
    {{ id }}: {{ status_name }}
    {{ district }} / {{ region }} / {{ species_name }} / {{ type_name }}
    {% for i in items %}
    {{ i.name }} {{ i.quantity }} {{ i.unit_name }}
    {% end %}
    {{ registered_on | date "long" }}

    """

  /// The words of `xx`, without `status.paid` and `species.wolf`.
  static let words = """
    # Words of a test language.
    number.grouping = .
    number.decimal = ,
    date.long = {day}/{month}/{year}
    month.1 = I
    month.2 = II
    month.3 = III
    month.4 = IV
    month.5 = V
    month.6 = VI
    month.7 = VII
    month.8 = VIII
    month.9 = IX
    month.10 = X
    month.11 = XI
    month.12 = XII
    district.KAZ = Kaz-xx
    region.west_kazakhstan = West-xx
    damage.livestock_predation = predation-xx
    item.sheep_goat.adult = sheep-xx
    unit.head.other = heads-xx
    scheme.kz-state = state-xx

    """

  /// A folder holding the `xx` receipt and words.
  static func languageFolder(_ workspace: Workspace) throws -> String {
    let directory = workspace.path("xx")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    _ = try workspace.write("xx/receipt.xx.txt", receipt)
    _ = try workspace.write("xx/words.xx.txt", words)
    return directory
  }

  @Test func aLanguageAddedAsFilesPrintsWithLangAndTemplatesAndWarnsOnceAboutMissingWords()
    throws
  {
    let workspace = CLIDocumentTests.documents()
    let folder = try CLILanguageTests.languageFolder(workspace)
    let printed = workspace.run(["receipt", "KAZ-2026-0001", "--lang", "xx", "--templates", folder])
    #expect(printed.code == 0)
    #expect(
      printed.out == """
        KAZ-2026-0001: выплачена
        Kaz-xx / West-xx / волк / predation-xx
        sheep-xx 3 heads-xx
        15/VI/2026

        """)
    #expect(
      printed.errLines == [
        "hwc: warning: 2 words missing in xx, shown in Russian: species.wolf, status.paid"
      ])
  }

  @Test func aLanguageWithoutTheTemplateIsRefusedNamingTheLanguagesThatHaveIt() throws {
    let workspace = CLIDocumentTests.documents()
    let folder = try CLILanguageTests.languageFolder(workspace)
    let refused = workspace.run(["letter", "KAZ-2026-0001", "--lang", "xx", "--templates", folder])
    #expect(refused.code == 1)
    #expect(refused.out.isEmpty)
    #expect(
      refused.err
        == "hwc: --lang: 'xx' has no letter template (letter.LANG.txt) among the shipped ones"
        + " or in \(folder); languages with one: en, kk, ky, ru\n")
    let unknown = workspace.run(["receipt", "KAZ-2026-0001", "--lang", "xx"])
    #expect(unknown.code == 1)
    #expect(unknown.err.hasPrefix("hwc: --lang: 'xx' has no receipt template"))
  }

  @Test func aBrokenWordsFileIsRefusedNamingItsLine() throws {
    let workspace = CLIDocumentTests.documents()
    let folder = try CLILanguageTests.languageFolder(workspace)
    _ = try workspace.write("xx/words.xx.txt", "status.paid = paid-xx\nno equals sign\n")
    let refused = workspace.run(["receipt", "KAZ-2026-0001", "--lang", "xx", "--templates", folder])
    #expect(refused.code == 1)
    #expect(refused.out.isEmpty)
    #expect(refused.err.hasPrefix("hwc: words.xx.txt:2: expected 'key = text'"))
  }

  @Test func theShippedLanguagesPrintWithoutAWarning() {
    let workspace = CLIDocumentTests.documents()
    for lang in ["kk", "ky"] {
      for document in [["receipt", "KAZ-2026-0001"], ["letter", "KAZ-2026-0001"]] {
        let printed = workspace.ok(document + ["--lang", lang])
        #expect(printed.err.isEmpty, "\(document) \(lang)")
      }
    }
    let report = workspace.ok(["report", "fund", "--conservancy", "Shamshy", "--season", "2026"])
    #expect(report.err.isEmpty)
  }

  @Test func theClaimantsLanguageIsTheDefaultOfTheirReceiptAndLetter() {
    let workspace = CLIDocumentTests.documents()
    workspace.ok([
      "claimant", "add", "--name", "Gulnara Sarsenova", "--id", Workspace.gulnara, "--district",
      "Kaztalov", "--lang", "kk", "--as", "dauren",
    ])
    let shown = workspace.ok(["claimant", "show", Workspace.gulnara, "--json"])
    #expect(shown.out.contains("\"lang\": \"kk\""))
    workspace.ok([
      "complaint", "register", "--claimant", Workspace.gulnara, "--district", "Kaztalov",
      "--type", "livestock_predation", "--species", "wolf", "--incident-date", "2026-06-01",
      "--reported-date", "2026-06-02", "--item", "sheep_goat.adult=2", "--as", "dauren",
    ])
    let code = "KAZ-2026-0002"
    #expect(workspace.ok(["receipt", code]).out.contains("ШАҒЫМДЫ ҚАБЫЛДАУ ТУРАЛЫ ҚОЛХАТ"))
    #expect(workspace.ok(["letter", code]).out.contains("ШАҒЫМЫ БОЙЫНША ШЕШІМ"))
    #expect(workspace.ok(["receipt", code, "--lang", "en"]).out.hasPrefix("RECEIPT"))
    // Another claimant's documents stay English.
    #expect(workspace.ok(["receipt", "KAZ-2026-0001"]).out.hasPrefix("RECEIPT"))
    // A correction changes the language, keeping the old one in the claimant's history.
    let corrected = workspace.ok([
      "claimant", "correct", Workspace.gulnara, "--lang", "ru", "--reason",
      "reads Russian better", "--as", "dauren",
    ])
    #expect(corrected.out.contains("lang: kk -> ru"), "\(corrected.out)")
    #expect(workspace.ok(["receipt", code]).out.contains("РАСПИСКА"))
    #expect(workspace.ok(["claimant", "show", Workspace.gulnara]).out.contains("lang: kk -> ru"))
    let refused = workspace.run([
      "claimant", "correct", Workspace.gulnara, "--lang", "Kazakh!", "--reason", "typo",
      "--as", "dauren",
    ])
    #expect(refused.code == 1)
    #expect(refused.err.hasPrefix("hwc: --lang: 'Kazakh!' is not a language code"))
  }

  @Test func aLanguageCodeThatIsNotOneIsRefused() {
    let workspace = CLIDocumentTests.documents()
    let refused = workspace.run([
      "claimant", "add", "--name", "Gulnara Sarsenova", "--id", Workspace.gulnara, "--district",
      "Kaztalov", "--lang", "Kazakh!", "--as", "dauren",
    ])
    #expect(refused.code == 1)
    #expect(
      refused.err == "hwc: --lang: 'Kazakh!' is not a language code such as kk, ky, ru or en\n")
  }
}
