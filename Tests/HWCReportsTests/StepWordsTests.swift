import HWCCore
import HWCDomain
import HWCRegister
import HWCRules
import Testing

@testable import HWCReports

/// Every step and reason the rules engine produces, rendered from its structure through the
/// words files: English equals the text the engine stores, Russian has no English left in it.
@Suite struct StepWordsTests {
  /// Assessments of crafted complaints that reach every rule of both schemes and every reason.
  static func assessments() throws -> [Assessment] {
    let register = try DocumentFixture.open()
    let policy = try register.policy()
    let items = register.reference.items
    let incident = CalendarDate("2026-06-10")!
    func on(_ offset: Int) -> CalendarDate { incident.adding(days: offset) }
    func verified(
      _ list: [(String, Int)], protected: Bool = false, certificate: String? = nil
    ) -> InspectionFacts {
      InspectionFacts(
        date: on(4), items: list.map { ItemQuantity(item: $0.0, centi: $0.1) },
        protected: protected, vetCertificate: certificate)
    }
    func kz(
      _ type: String, species: String = "wolf", reported: Int = 1,
      _ inspection: InspectionFacts?, emergencies: [EmergencyFacts] = [], already: Int = 0
    ) throws -> Assessment {
      try KZStateRules(
        input: AssessmentInput(
          complaint: "KAZ-2026-0100", scheme: .kzState, district: "Kaztalov", damageType: type,
          species: species, incidentDate: incident, reportedDate: on(reported),
          inspection: inspection, items: items, emergencies: emergencies,
          alreadyApprovedMinor: already),
        policy: policy
      ).assess()
    }
    func kg(
      type: String = "livestock_predation", member: Bool = true, reported: Int = 1,
      _ inspection: InspectionFacts?, insured: [String: Int] = ["sheep_goat": 3, "cattle": 2],
      compensated: [String: Int] = [:], incidents: [WildlifeIncident] = [], already: Int = 0
    ) throws -> Assessment {
      try KGBufferRules(
        input: AssessmentInput(
          complaint: "CHU-2026-0100", scheme: .kgBuffer, district: "Chuy", damageType: type,
          species: "snow_leopard", incidentDate: incident, reportedDate: on(reported),
          inspection: inspection, items: items, alreadyApprovedMinor: already,
          conservancy: "Shamshy", memberWithPaidPremium: member, insuredHeads: insured,
          compensatedHeads: compensated, incidents: incidents),
        policy: policy
      ).assess()
    }
    let sheep = [("sheep_goat.adult", 300)]
    let emergency = EmergencyFacts(decree: "17-п", from: on(-30), to: on(30))
    return [
      try kz("livestock_predation", reported: 5, verified(sheep)),
      try kz("livestock_predation", reported: 1, nil),
      try kz("disease_spread", verified(sheep)),
      try kz("disease_spread", verified(sheep, certificate: "ВС-0417")),
      try kz("pasture_trampling", species: "saiga", reported: 2, verified([("pasture.light", 25)])),
      try kz(
        "hay_loss", species: "saiga", verified([("hay", 250)]), emergencies: [emergency]),
      try kz("livestock_predation", verified(sheep, protected: true)),
      try kz("livestock_predation", verified([("sheep_goat.adult", 100), ("cattle.young", 1)])),
      try kz("livestock_predation", verified(sheep), already: 430_000_000),
      try kz("crop_invasion", species: "wild_boar", verified([("crop.wheat", 1)])),
      try kg(type: "crop_invasion", verified(sheep)),
      try kg(member: false, verified(sheep)),
      try kg(reported: 4, verified(sheep)),
      try kg(nil),
      try kg(
        verified(sheep),
        incidents: [WildlifeIncident(id: 7, kind: "retaliatory_killing", date: on(-1))]),
      try kg(
        verified(sheep), incidents: [WildlifeIncident(id: 8, kind: "poaching", date: on(-40))]),
      try kg(
        verified(
          [
            ("sheep_goat.adult", 300), ("sheep_goat.young", 200), ("horse.adult", 100),
            ("hay", 100),
          ], protected: true), compensated: ["sheep_goat": 1]),
      try kg(verified([("cattle.adult", 200)]), already: 14_000_000),
      try kg(verified([("sheep_goat.young", 1)])),
    ]
  }

  /// A word with a Latin letter.
  static var latin: Regex<Substring> { /[A-Za-z]+(?:[_.\-][A-Za-z]+)*/ }

  @Test(
    "every rule and reason renders in English exactly as stored, and in Russian without English")
  func everyStepInEveryLanguage() throws {
    let register = try DocumentFixture.open()
    let setup = ReportSetup(lang: "en")
    let english = try StepWords(lang: "en", library: setup.templates, reference: register.reference)
    let russian = try StepWords(lang: "ru", library: setup.templates, reference: register.reference)
    // English needs no reference data: the register can rebuild its stored text from structure.
    let bare = try StepWords(lang: "en", library: setup.templates, reference: nil)
    var rules: Set<String> = []
    var reasons: Set<ReasonCode> = []
    for assessment in try Self.assessments() {
      for line in assessment.explanation {
        rules.insert(line.rule)
        #expect(english.text(line, scheme: assessment.scheme) == line.text, "rule \(line.rule)")
        #expect(bare.text(line, scheme: assessment.scheme) == line.text, "rule \(line.rule)")
        let text = russian.text(line, scheme: assessment.scheme)
        let words = text.matches(of: Self.latin).map { String($0.output) }
        #expect(Set(words).isSubset(of: ["KZT", "KGS"]), "rule \(line.rule): \(text)")
      }
      guard let code = assessment.reasonCode else { continue }
      reasons.insert(code)
      let scheme = assessment.scheme
      #expect(
        english.reason(code, explanation: assessment.explanation, scheme: scheme)
          == assessment.reason)
      let text = try #require(
        russian.reason(code, explanation: assessment.explanation, scheme: scheme))
      let words = text.matches(of: Self.latin).map { String($0.output) }
      #expect(Set(words).isSubset(of: ["KZT", "KGS"]), "reason \(code): \(text)")
    }
    #expect(reasons == Set(ReasonCode.allCases))
    let keyed = try #require(try WordTable.load("en", from: setup.templates)).entries.keys
      .filter { $0.hasPrefix("step.") }
      .map { $0.dropFirst(5).split(separator: ".")[0] }
    #expect(rules == Set(keyed.map(String.init)), "every rule with words is produced, and no other")
  }

  @Test("a step recorded before steps had structure prints as it was stored, in any language")
  func recordedSteps() throws {
    let setup = ReportSetup(lang: "ru")
    let russian = try StepWords(lang: "ru", library: setup.templates, reference: nil)
    let line = ExplanationLine(step: .cap, rule: "recorded", text: "cap not reached")
    #expect(russian.text(line, scheme: .kzState) == "cap not reached")
    #expect(russian.reason(.lateReport, explanation: [line], scheme: .kzState) == nil)
    #expect(
      russian.reason(.notInspected, explanation: [line], scheme: .kzState) == "осмотр не проводился"
    )
  }

  @Test("Russian counts days by the CLDR plural rule of its words file")
  func russianDays() throws {
    let setup = ReportSetup(lang: "ru")
    let russian = try StepWords(lang: "ru", library: setup.templates, reference: nil)
    let forms = [1, 2, 5, 11, 12, 21, 22, 25, 111, 1001].map {
      russian.count(String($0), noun: "day")
    }
    #expect(
      forms == [
        "1 день", "2 дня", "5 дней", "11 дней", "12 дней", "21 день", "22 дня", "25 дней",
        "111 дней", "1\u{202F}001 день",
      ])
    #expect(russian.count("1.5", noun: "day") == "1,5 дня")
    #expect(russian.date("2025-06-30") == "30 июня 2025 г.")
  }
}
