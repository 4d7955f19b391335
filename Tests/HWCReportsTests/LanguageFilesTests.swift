import Foundation
import HWCCore
import HWCDomain
import HWCRegister
import HWCRules
import HWCTemplates
import Testing

@testable import HWCReports

/// The languages shipped as files (`templates/words.LANG.txt` and `NAME.LANG.txt`): every word
/// hwc looks up is there, and every shipped template renders with its language's words, no word
/// falling back to Russian and no line wider than an A4 page.
@Suite struct LanguageFilesTests {
  /// The languages with a words file rather than built-in words.
  static let fileLanguages = ReportSetup.languages.filter {
    !ReportSetup.builtInLanguages.contains($0)
  }

  @Test func kazakhAndKyrgyzShipAsFiles() {
    #expect(LanguageFilesTests.fileLanguages == ["kk", "ky"])
    #expect(ReportSetup.languages(shipping: "receipt") == ["en", "kk", "ky", "ru"])
    #expect(ReportSetup.languages(shipping: "letter") == ["en", "kk", "ky", "ru"])
    #expect(ReportSetup.languages(shipping: "quarterly") == ["en", "kk", "ru"])
    #expect(ReportSetup.languages(shipping: "fund") == ["en", "kk", "ru"])
  }

  /// Looks up every word and every reference name of `reference` in `words`.
  static func lookUpEverything(_ words: Words, _ reference: Reference) {
    ComplaintStatus.allCases.forEach { _ = words.status($0) }
    ([nil] + ReasonCode.allCases.map(Optional.some)).forEach { _ = words.reason($0) }
    ExplanationStep.allCases.forEach { _ = words.step($0) }
    LossGroup.allCases.forEach { _ = words.loss($0) }
    QuantityUnit.allCases.forEach { _ = words.unit($0) }
    FlagKind.allCases.forEach { _ = words.flag($0) }
    ProcessingStage.allCases.forEach { _ = words.stage($0) }
    TrendFigure.allCases.forEach { _ = words.trend($0) }
    FundSource.allCases.forEach { _ = words.source($0) }
    Scheme.allCases.forEach { _ = words.scheme($0) }
    PayerKind.allCases.forEach { _ = words.payer($0, place: "", year: 2026) }
    _ = words.locale
    let names =
      reference.districts.flatMap { [$0.name, $0.region] } + reference.conservancies.map(\.name)
      + Array(reference.species.values) + Array(reference.damageTypes.values)
      + reference.items.values.map(\.name)
    names.forEach { _ = words.name($0) }
  }

  @Test(arguments: fileLanguages)
  func everyWordAndReferenceNameIsInTheWordsFile(lang: String) throws {
    let setup = ReportSetup(lang: lang)
    LanguageFilesTests.lookUpEverything(setup.words, try DocumentFixture.open().reference)
    #expect(setup.words.book?.missing == [], "\(lang)")
  }

  @Test(arguments: ReportSetup.languages)
  func everyShippedTemplateRendersWithItsWordsAndFitsA4(lang: String) throws {
    let register = try DocumentFixture.open()
    var texts: [(String, String)] = []
    let setup = ReportSetup(lang: lang)
    for code in DocumentFixture.complaints {
      texts.append(("receipt \(code)", try Receipt.build(register, code: code).render(setup)))
      texts.append(("letter \(code)", try DecisionLetter.build(register, code: code).render(setup)))
    }
    if ReportSetup.languages(shipping: "fund").contains(lang) {
      for season in ["2025", "2026"] {
        let statement = try FundStatement.build(register, conservancy: "Shamshy", season: season)
        texts.append(("fund \(season)", try statement.render(setup)))
      }
    }
    if ReportSetup.languages(shipping: "quarterly").contains(lang) {
      let fixture = try QuarterlyFixture()
      let report = try QuarterlyReport.build(
        register: fixture.register, quarter: try Quarter("2026-Q2"), words: setup.words,
        today: CalendarDate("2026-07-15")!)
      texts.append(("quarterly", try report.render(.text, setup: setup)))
    }
    #expect(setup.missingWordsWarning == nil)
    for (name, text) in texts { DocumentChecks.printable(text, "\(name) \(lang)") }
  }

  @Test func aMissingWordFallsBackToRussianAndIsRememberedOnce() {
    let words = Words(lang: "xx", book: WordBook(lang: "xx", texts: ["unit.head": "bas"]))
    #expect(words.unit(.head) == "bas")
    #expect(words.status(.paid) == "выплачена")
    #expect(words.status(.paid) == "выплачена")
    #expect(
      words.name(LocalizedName(en: "Kaztalov", ru: "Казталовский", key: "district.KAZ"))
        == "Казталовский")
    #expect(words.book?.missing == ["district.KAZ", "status.paid"])
  }
}
