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
    for status in ComplaintStatus.allCases { _ = words.status(status) }
    for code in [nil] + ReasonCode.allCases.map(Optional.some) { _ = words.reason(code) }
    for step in ExplanationStep.allCases { _ = words.step(step) }
    for group in LossGroup.allCases { _ = words.loss(group) }
    for unit in QuantityUnit.allCases { _ = words.unit(unit) }
    for flag in FlagKind.allCases { _ = words.flag(flag) }
    for stage in ProcessingStage.allCases { _ = words.stage(stage) }
    for figure in TrendFigure.allCases { _ = words.trend(figure) }
    for source in FundSource.allCases { _ = words.source(source) }
    for scheme in Scheme.allCases { _ = words.scheme(scheme) }
    for kind in PayerKind.allCases { _ = words.payer(kind, place: "", year: 2026) }
    _ = words.numbers
    let names =
      reference.districts.flatMap { [$0.name, $0.region] } + reference.conservancies.map(\.name)
      + Array(reference.species.values) + Array(reference.damageTypes.values)
      + reference.items.values.map(\.name)
    for name in names { _ = words.name(name) }
  }

  @Test(arguments: fileLanguages)
  func everyWordAndReferenceNameIsInTheWordsFile(lang: String) throws {
    let setup = ReportSetup(lang: lang)
    LanguageFilesTests.lookUpEverything(setup.vocabulary, try DocumentFixture.open().reference)
    #expect(setup.vocabulary.book?.missing == [], "\(lang)")
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
        register: fixture.register, quarter: try Quarter("2026-Q2"), words: setup.vocabulary,
        today: CalendarDate("2026-07-15")!)
      texts.append(("quarterly", try report.render(.text, setup: setup)))
    }
    #expect(setup.missingWordsWarning == nil)
    for (name, text) in texts { DocumentChecks.printable(text, "\(name) \(lang)") }
  }

  /// Whether `key` is a plural form of a category `lang` does not have (Russian `few`, `many`).
  static func isForeignPluralForm(_ key: String) -> Bool {
    ["few", "many", "two", "zero"].contains { key.hasSuffix(".\($0)") }
  }

  @Test(arguments: fileLanguages)
  func everyKeyOfTheRussianWordsFileIsTranslated(lang: String) throws {
    let library = ReportSetup().templates
    let russian = try #require(try WordTable.load("ru", from: library))
    let own = try #require(try WordTable.load(lang, from: library))
    let missing = russian.entries.keys.filter {
      own[$0] == nil && !LanguageFilesTests.isForeignPluralForm($0)
    }
    #expect(missing.sorted() == [], "\(lang)")
    #expect(own.pluralRule != nil, "\(lang) gives its CLDR plural rule")
  }

  @Test(arguments: fileLanguages)
  func everyStepAndReasonRendersWithoutLatinWordsButCurrencies(lang: String) throws {
    let register = try DocumentFixture.open()
    let words = try StepWords(
      lang: lang, library: ReportSetup().templates, reference: register.reference)
    for assessment in try StepWordsTests.assessments() {
      var texts = assessment.explanation.map { words.text($0, scheme: assessment.scheme) }
      if let code = assessment.reasonCode {
        texts.append(
          try #require(
            words.reason(code, explanation: assessment.explanation, scheme: assessment.scheme)))
      }
      for text in texts {
        let latin = text.matches(of: StepWordsTests.latin).map { String($0.output) }
        #expect(Set(latin).isSubset(of: ["KZT", "KGS"]), "\(lang): \(text)")
      }
    }
  }

  @Test func kazakhAndKyrgyzCountWithOneAndOther() throws {
    let library = ReportSetup().templates
    for lang in LanguageFilesTests.fileLanguages {
      let words = try StepWords(lang: lang, library: library, reference: nil)
      #expect(words.count("1", noun: "day") == "1 күн")
      #expect(words.count("21", noun: "day") == "21 күн")
      #expect(words.words.pluralRule.category(whole: 1, fraction: "") == "one")
      #expect(words.words.pluralRule.category(whole: 5, fraction: "") == "other")
    }
  }

  @Test(arguments: fileLanguages)
  func lettersOfEveryOutcomeAndReceiptsHaveNoLatinWordsButCodesAndCurrency(lang: String) throws {
    let copy = try DocumentFixture.copy()
    try copy.register.appeal(
      code: "KAZ-2026-0002", reason: "An emergency was declared for the whole spring migration.",
      actor: copy.register.actor(named: "dauren"))
    let register = try DocumentFixture.open()
    var letters = try DocumentFixture.complaints.map {
      try DecisionLetter.build(register, code: $0)
    }
    letters.append(try DecisionLetter.build(copy.register, code: "KAZ-2026-0002"))
    letters += try LetterOutcomeTests.byReason().map {
      try LetterOutcomeTests.ineligibleLetter($0.1)
    }
    let setup = ReportSetup(lang: lang)
    for letter in letters {
      let text = try letter.render(setup)
      let latin = LetterOutcomeTests.english(in: text, letter: letter)
      #expect(latin.isEmpty, "\(lang) \(letter.complaint.code) \(letter.decision): \(latin)")
    }
    for code in DocumentFixture.complaints {
      let receipt = try Receipt.build(register, code: code)
      let c = receipt.complaint
      let data =
        [c.claimantName, c.village ?? "", c.code, c.ref ?? "", c.registeredBy]
        + [receipt.anchor ?? ""]
      let allowed = Set(data.flatMap { $0.matches(of: StepWordsTests.latin).map(\.output) })
      let latin = try receipt.render(setup).matches(of: StepWordsTests.latin).map(\.output)
        .filter { !["KZT", "KGS"].contains($0) && !allowed.contains($0) }
      #expect(latin.isEmpty, "\(lang) receipt \(code): \(latin)")
    }
    #expect(setup.missingWordsWarning == nil)
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
