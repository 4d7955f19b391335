import HWCDomain
import HWCRules
import Testing

@testable import HWCReports

@Suite struct WordsTests {
  static let languages = ["en", "ru"]

  @Test("every code of every vocabulary has its own word in every language")
  func everyCodeHasAWord() {
    func check<Code: Hashable>(_ table: [Code: Word], _ codes: [Code], _ name: String) {
      for code in codes {
        for lang in Self.languages {
          #expect(table[code]?.texts[lang] != nil, "\(name): \(code) has no \(lang) word")
        }
      }
    }
    check(Words.statuses, ComplaintStatus.allCases, "status")
    check(Words.reasons, ReasonCode.allCases, "reason")
    check(Words.steps, ExplanationStep.allCases, "step")
    check(Words.livestockClasses, LivestockClass.allCases, "livestock class")
    check(Words.units, QuantityUnit.allCases, "unit")
    check(Words.losses, [.pasture, .crop, .hay, .water], "loss")
    check(Words.flags, FlagKind.allCases, "flag")
    check(Words.stages, ProcessingStage.allCases, "stage")
    check(Words.trends, TrendFigure.allCases, "trend")
    check(Words.sources, FundSource.allCases, "source")
    check(Words.schemes, Scheme.allCases, "scheme")
    check(Words.payers, PayerKind.allCases, "payer")
  }

  @Test("a language without a words file falls back to Russian, word by word")
  func russianFallback() {
    let unknown = Words(lang: "xx")
    #expect(unknown.livestock(.cattle) == "крупный рогатый скот")
    #expect(unknown.status(.paid) == "выплачена")
    #expect(unknown.numbers == .russian)
  }

  @Test("one Russian term for cattle and one unit for water point-days, wherever printed")
  func oneTermPerConcept() {
    let russian = Words(lang: "ru")
    #expect(russian.livestock(.cattle) == "крупный рогатый скот")
    #expect(russian.loss(.livestock(.cattle)) == russian.livestock(.cattle))
    #expect(russian.unit(LossGroup.water.unit) == russian.unit(code: "point_day"))
    #expect(russian.unit(code: "point_day") == "точко-дней")
  }

  @Test("a reason without a recorded code is 'other'")
  func otherReason() {
    #expect(Words(lang: "en").reason(nil) == "other")
    #expect(Words(lang: "ru").reason(nil) == "прочее")
    #expect(Words(lang: "en").reason(.lateReport) == "reported after the deadline")
  }

  @Test("payer names fill in the place and the year")
  func payers() {
    #expect(
      Words(lang: "en").payer(.budget, place: "Kaztalov", year: 2026) == "Kaztalov budget 2026")
    #expect(
      Words(lang: "ru").payer(.budget, place: "Казталов", year: 2026)
        == "Казталов район, бюджет 2026 г.")
    #expect(Words(lang: "en").payer(.fund, place: "Shamshy", year: nil) == "Shamshy buffer fund")
    #expect(
      Words(lang: "ru").payer(.fund, place: "Шамшы", year: nil) == "страховой фонд заказника Шамшы")
  }

  @Test("livestock classes are listed in one order")
  func livestockOrder() {
    #expect(
      LivestockClass.allCases.map(\.rawValue) == ["sheep_goat", "cattle", "horse", "camel", "yak"])
    #expect(FundStatement.classOrder == LivestockClass.allCases.map(\.rawValue))
  }
}
