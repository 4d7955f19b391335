import HWCCore
import HWCDomain
import HWCRegister
import HWCRules
import Testing

@testable import HWCReports

/// A letter for every outcome — each ineligibility reason among them — in English and Russian:
/// golden files, and Russian with no English left in it.
@Suite struct LetterOutcomeTests {
  /// The letter of a fixture complaint of the same scheme, carrying `assessment` as its
  /// ineligible decision (the complaint's own facts stay; the reason and steps are the point).
  static func ineligibleLetter(_ assessment: Assessment) throws -> DecisionLetter {
    let code = assessment.scheme == .kzState ? "KAZ-2026-0002" : "CHU-2026-0001"
    let register = try DocumentFixture.open()
    let base = try DecisionLetter.build(register, code: code)
    return DecisionLetter(
      date: base.date, complaint: base.complaint, decision: .ineligible,
      decidedOn: "2026-06-20", reason: assessment.reason, reasonCode: assessment.reasonCode,
      scheme: assessment.scheme, currency: assessment.currency, amountMinor: 0, payment: nil,
      payer: base.payer, policyDate: assessment.policyDate.description,
      lines: assessment.lines.map {
        DecisionLetter.Line(
          item: DocumentComplaint.item(register.reference, $0.item, $0.quantityCenti),
          rate: $0.rate, amountMinor: $0.amountMinor, note: $0.note)
      },
      explanation: DecisionLetter.steps(assessment.explanation), appealBy: "2026-07-20",
      office: base.office, officeIsConservancy: base.officeIsConservancy, anchor: base.anchor,
      names: base.names)
  }

  /// One crafted assessment per reason code.
  static func byReason() throws -> [(ReasonCode, Assessment)] {
    let assessments = try StepWordsTests.assessments()
    return ReasonCode.allCases.compactMap { code in
      assessments.first { $0.reasonCode == code }.map { (code, $0) }
    }
  }

  @Test func anIneligibleLetterForEveryReasonMatchesItsGoldenFiles() throws {
    let letters = try Self.byReason()
    #expect(letters.count == ReasonCode.allCases.count)
    for (code, assessment) in letters {
      let letter = try Self.ineligibleLetter(assessment)
      for lang in ReportSetup.languages {
        let text = try letter.render(ReportSetup(lang: lang))
        try Golden.check(text, "letter-ineligible-\(code.rawValue).\(lang).txt")
        DocumentChecks.printable(text, "\(code) \(lang)")
      }
    }
  }

  /// Latin words of a Russian letter that are neither codes nor currency nor data the register
  /// holds as typed (names, villages, decrees, officers' reasons, the anchor).
  static func english(in text: String, letter: DecisionLetter) -> [String] {
    let latin = /[A-Za-z]+(?:[_.\-][A-Za-z]+)*/
    var data = [
      letter.complaint.claimantName, letter.complaint.village ?? "", letter.complaint.code,
      letter.anchor ?? "", letter.reasonCode == nil ? letter.reason ?? "" : "",
      letter.payment?.reference ?? "",
    ]
    data += letter.explanation.flatMap(\.lines).compactMap { $0.values["decree"] }
    let allowed = Set(data.flatMap { $0.matches(of: latin).map { String($0.output) } })
    return text.matches(of: latin).map { String($0.output) }
      .filter { !["KZT", "KGS"].contains($0) && !allowed.contains($0) }
  }

  @Test func russianLettersOfEveryOutcomeHaveNoEnglishWords() throws {
    let copy = try DocumentFixture.copy()
    try copy.register.appeal(
      code: "KAZ-2026-0002", reason: "An emergency was declared for the whole spring migration.",
      actor: copy.register.actor(named: "dauren"))
    var letters = try DocumentFixture.complaints.map {
      try DecisionLetter.build(DocumentFixture.open(), code: $0)
    }
    letters.append(try DecisionLetter.build(copy.register, code: "KAZ-2026-0002"))
    letters += try Self.byReason().map { try Self.ineligibleLetter($0.1) }
    for letter in letters {
      let text = try letter.render(ReportSetup(lang: "ru"))
      #expect(
        Self.english(in: text, letter: letter).isEmpty,
        "\(letter.complaint.code) \(letter.decision): \(Self.english(in: text, letter: letter))")
    }
  }

  @Test func onlyAPaidLetterSaysPaidFromAndARejectedOneNamesNoPayer() throws {
    let paid = try DecisionLetter.build(DocumentFixture.open(), code: "KAZ-2026-0001")
    let approved = try DecisionLetter.build(DocumentFixture.open(), code: "KAZ-2026-0004")
    let rejected = try DecisionLetter.build(DocumentFixture.open(), code: "KAZ-2026-0003")
    let english = ReportSetup(lang: "en")
    #expect(try paid.render(english).contains("  - paid from the Kaztalov budget 2026:"))
    #expect(try approved.render(english).contains("  - to be paid from the Kaztalov budget 2026:"))
    let refused = try rejected.render(english)
    #expect(!refused.contains("paid from") && !refused.contains("Who pays"))
    #expect(!(try rejected.render(ReportSetup(lang: "ru"))).contains("из средств"))
  }
}
