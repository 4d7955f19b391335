import HWCCore
import HWCDomain
import HWCRegister
import Testing

@testable import HWCReports

/// The decision letter: the decision and its reason, the assessment explained, how to appeal.
@Suite struct DecisionLetterTests {
  /// Every kind of decision of the fixture.
  static let letters = [
    "KAZ-2026-0001", "KAZ-2026-0002", "KAZ-2026-0003", "KAZ-2026-0004", "KAZ-2026-0005",
    "KAZ-2026-0006", "CHU-2026-0001",
  ]

  func letter(_ code: String) throws -> DecisionLetter {
    try DecisionLetter.build(DocumentFixture.open(), code: code)
  }

  @Test(arguments: letters)
  func matchesItsGoldenFilesInEveryLanguageAndFormat(code: String) throws {
    let letter = try letter(code)
    for lang in ReportSetup.languages {
      try Golden.check(try letter.render(ReportSetup(lang: lang)), "letter-\(code).\(lang).txt")
    }
    try Golden.check(letter.json.text(pretty: true) + "\n", "letter-\(code).json")
  }

  @Test(arguments: DocumentFixture.complaints)
  func everyLetterFitsA4AndMasksTheNationalID(code: String) throws {
    let letter = try letter(code)
    for lang in ReportSetup.languages {
      DocumentChecks.printable(try letter.render(ReportSetup(lang: lang)), "\(code) \(lang)")
    }
    DocumentChecks.masked(letter.json.text(pretty: true), "\(code) json")
  }

  @Test(arguments: [
    ("KAZ-2026-0001", DecisionLetter.Decision.paid), ("KAZ-2026-0002", .ineligible),
    ("KAZ-2026-0003", .rejected), ("KAZ-2026-0004", .approved), ("KAZ-2026-0005", .eligible),
    ("KAZ-2026-0006", .pending), ("CHU-2026-0001", .paid), ("CHU-2026-0002", .approved),
  ])
  func theDecisionFollowsTheComplaintsStatus(code: String, decision: DecisionLetter.Decision)
    throws
  {
    #expect(try letter(code).decision == decision)
  }

  @Test func aPaidLetterGivesTheAmountBankReferenceAndDateAndNoAppeal() throws {
    let letter = try letter("KAZ-2026-0001")
    // (4 × 12 + 1 × 5) MRP × 4,325 KZT = 229,225 KZT, halved (unprotected), rounded half-up.
    #expect(letter.subtotalMinor == 22_922_500)
    #expect(letter.amountMinor == 11_461_300)
    #expect(
      letter.payment
        == .init(reference: "KZ-BANK-0001", paidOn: "2026-03-02", amountMinor: 11_461_300))
    #expect(
      letter.payer
        == .init(
          kind: "budget",
          name: LocalizedName(en: "Kaztalov", ru: "Казталовский", key: "district.KAZ"),
          year: 2026))
    #expect(letter.appealBy == nil)
    #expect(
      letter.explanation.map(\.step) == [.eligibility, .lines, .reduction, .cap, .minimum, .payer])
  }

  @Test func anIneligibleLetterGivesTheReasonAndThirtyDaysToAppeal() throws {
    let letter = try letter("KAZ-2026-0002")
    #expect(
      letter.reason?.hasPrefix("saiga damage is paid only under a declared emergency") == true)
    #expect(letter.decidedOn == "2026-04-20")
    #expect(letter.appealBy == "2026-05-20")
    #expect(letter.amountMinor == 0)
    #expect(letter.lines.isEmpty)
    let text = try letter.render(ReportSetup(lang: "en"))
    #expect(text.contains("The reason:\n    saiga damage is paid only under a declared emergency"))
  }

  @Test func theAppealDeadlineCountsFromTheDecisionSoAReprintGivesTheSameDay() throws {
    func printed(on day: String) throws -> DecisionLetter {
      let register = try Register.open(
        path: DocumentFixture.path(), clock: .fixed(day + "T09:00:00Z"), command: "test")
      return try DecisionLetter.build(register, code: "KAZ-2026-0002")
    }
    let early = try printed(on: "2026-04-25")
    let late = try printed(on: "2026-07-01")
    #expect(early.appealBy == "2026-05-20" && late.appealBy == "2026-05-20")
    let open = try early.render(ReportSetup(lang: "en"))
    #expect(
      open.contains(
        "appeal within 30 days of the decision of\n20 April 2026, that is by 20 May 2026"))
    #expect(open.contains("Come to the Kaztalov district office (West Kazakhstan region)"))
    #expect(open.contains("Bring this letter, your identity document"))
    let ended = try late.render(ReportSetup(lang: "ru"))
    #expect(ended.contains("Срок обжалования этого решения истёк 20 мая 2026 г."))
    for text in [open, ended, try early.render(ReportSetup(lang: "ru"))] {
      #expect(!text.contains("hwc "), "a letter names no program command")
    }
  }

  @Test func aRejectedLetterGivesTheCommitteesReason() throws {
    let letter = try letter("KAZ-2026-0003")
    #expect(letter.reason?.hasPrefix("The field was harvested before the reported date") == true)
    #expect(letter.amountMinor == 14_596_900)
    #expect(letter.appealBy == "2026-06-27")
  }

  @Test func aConservancyLetterSendsTheAppealToTheConservancy() throws {
    let letter = try letter("CHU-2026-0002")
    #expect(letter.officeIsConservancy)
    #expect(letter.payer?.kind == "fund")
    let text = try letter.render(ReportSetup(lang: "ru"))
    #expect(text.contains("в комитет заказника Шамшы"))
  }

  @Test func theExplanationIsWordedInTheLettersLanguage() throws {
    let letter = try letter("KAZ-2026-0005")
    let english = try letter.render(ReportSetup(lang: "en"))
    #expect(english.contains("Is the loss covered?"))
    #expect(english.contains("Value of the verified losses"))
    let russian = try letter.render(ReportSetup(lang: "ru"))
    #expect(russian.contains("Подлежит ли ущерб компенсации"))
    #expect(!russian.contains("английск"))
    #expect(
      russian.contains(
        "ущерб от сайгака: режим чрезвычайной ситуации (решение: WKO akimat decree 2026-117;"))
    #expect(english.contains("saiga damage: emergency decree WKO akimat decree 2026-117"))
  }

  @Test func anAppealedComplaintIsPendingWithTheAppealsGrounds() throws {
    let copy = try DocumentFixture.copy()
    try copy.register.appeal(
      code: "KAZ-2026-0002", reason: "An emergency was declared for the whole spring migration.",
      actor: copy.register.actor(named: "dauren"))
    let letter = try DecisionLetter.build(copy.register, code: "KAZ-2026-0002")
    #expect(letter.decision == .pending)
    #expect(letter.reason == "An emergency was declared for the whole spring migration.")
    #expect(letter.appealBy == nil)
    #expect(letter.lines.isEmpty && letter.explanation.isEmpty)
    let text = try letter.render(ReportSetup(lang: "en"))
    #expect(text.contains("your appeal is being considered"))
    DocumentChecks.printable(text, "appealed")
    for lang in ReportSetup.languages {
      try Golden.check(
        try letter.render(ReportSetup(lang: lang)), "letter-appealed-KAZ-2026-0002.\(lang).txt")
    }
  }

  @Test func aLongRecordedReasonIsWrappedToThePage() throws {
    let copy = try DocumentFixture.copy()
    let reason =
      String(repeating: "The herd was left unattended overnight near the gorge. ", count: 30)
      + String(repeating: "x", count: 150)
    try copy.register.reject(
      code: "KAZ-2026-0005", reason: reason, actor: copy.register.actor(named: "bolat"))
    let letter = try DecisionLetter.build(copy.register, code: "KAZ-2026-0005")
    for lang in ReportSetup.languages {
      DocumentChecks.printable(try letter.render(ReportSetup(lang: lang)), "long reason \(lang)")
    }
  }

  @Test func anUnknownComplaintIsRefusedNamingTheID() throws {
    #expect {
      _ = try letter("ZHA-2026-0001")
    } throws: { ($0 as? DomainError)?.field == .complaint }
  }
}
