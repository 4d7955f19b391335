import HWCCore
import HWCDomain
import HWCRules
import Testing

@testable import HWCRegister

/// The register's read models: the ledger's figures as of a day and within a period, the
/// quarterly payers as values, and a complaint's document facts.
@Suite struct ReadModelTests {
  /// Kaztalov's 2026 budget: 400,000 KZT allocated on 15 June, Yerlan's wolf complaint
  /// (155,700 KZT) approved on 20 June and paid on 2 July.
  static func paidInJuly() throws -> (Fixture, String) {
    let fixture = try Fixture.money()
    try fixture.allocate("400000")
    let code = try fixture.assessed()
    fixture.register.clock = Clock.fixed("2026-06-20T10:00:00Z")
    _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
    _ = try fixture.register.approve(code: code, actor: fixture.actor("bolat"))
    fixture.register.clock = Clock.fixed("2026-07-02T10:00:00Z")
    _ = try fixture.register.pay(code: code, reference: "KZ-1", actor: fixture.actor("tolkyn"))
    return (fixture, code)
  }

  @Test func figuresAsOfADayCountOnlyWhatIsDatedByThen() throws {
    let (fixture, _) = try ReadModelTests.paidInJuly()
    let ledger = fixture.register.ledger
    let june = try #require(try ledger.figures(of: "budget:KAZ:2026", asOf: "2026-06-30"))
    #expect(june.credited == 40_000_000)
    #expect(june.reserved == 15_570_000 && june.paid == 0)
    #expect(june.available == 40_000_000 - 15_570_000)
    #expect(try ledger.figures(of: "budget:KAZ:2026", asOf: "2026-06-14") == nil)
    let now = try #require(try ledger.figures(of: "budget:KAZ:2026"))
    #expect(now.reserved == 0 && now.paid == 15_570_000)
    #expect(now.credited == now.available + now.reserved + now.paid)
  }

  @Test func figuresWithinAPeriodCountWhatMovedInIt() throws {
    let (fixture, _) = try ReadModelTests.paidInJuly()
    let ledger = fixture.register.ledger
    let q2 = try #require(
      try ledger.figures(of: "budget:KAZ:2026", asOf: "2026-06-30", since: "2026-04-01"))
    #expect(q2.reservedInPeriod == 15_570_000 && q2.paidInPeriod == 0)
    let q3 = try #require(
      try ledger.figures(of: "budget:KAZ:2026", asOf: "2026-09-30", since: "2026-07-01"))
    #expect(q3.reservedInPeriod == 0 && q3.releasedInPeriod == 0)
    #expect(q3.paidInPeriod == 15_570_000)
  }

  @Test func budgetShowReadsTheSameFiguresAsTheReports() throws {
    let (fixture, _) = try ReadModelTests.paidInJuly()
    let figures = try #require(try fixture.register.ledger.figures(of: "budget:KAZ:2026"))
    #expect(
      try fixture.budget()
        == Balances(
          account: "budget:KAZ:2026", currency: "KZT", credited: figures.credited,
          reserved: figures.reserved, paid: figures.paid, available: figures.available))
  }

  @Test func quarterlyPayersAreValuesWithTheirAccount() throws {
    let (fixture, _) = try ReadModelTests.paidInJuly()
    let register = fixture.register
    let kaztalov = try #require(register.reference.district(named: "Kaztalov"))
    let payers = try register.quarterlyFigures(
      from: CalendarDate("2026-04-01")!, to: CalendarDate("2026-06-30")!, district: kaztalov
    ).payers()
    #expect(payers.map(\.payer) == [.budget(district: kaztalov, year: 2026)])
    #expect(payers.map(\.account) == ["budget:KAZ:2026"])
    #expect(payers.first?.assessed == 15_570_000)
    #expect(payers.first?.approved == 15_570_000)
    #expect(payers.first?.outstanding == 15_570_000)
  }

  @Test func aComplaintsDocumentFactsMaskTheIDAndCarryItsHistory() throws {
    let (fixture, code) = try ReadModelTests.paidInJuly()
    let facts = try fixture.register.complaintDocument(code: code.lowercased())
    #expect(facts.code == code)
    #expect(facts.claimantMaskedID == "88********11")
    #expect(facts.events.last?.status == .paid)
    #expect(
      facts.payment
        == ComplaintDocumentFacts.Payment(
          reference: "KZ-1", paidOn: "2026-07-02", amountMinor: 15_570_000))
    #expect(facts.coverage.payer?.year == 2026)
    #expect(throws: DomainError.self) {
      try fixture.register.complaintDocument(code: "KAZ-2026-9999")
    }
  }
}
