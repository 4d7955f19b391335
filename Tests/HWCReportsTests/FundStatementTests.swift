import Foundation
import HWCCore
import HWCDomain
import HWCRegister
import HWCTestSupport
import Testing

@testable import HWCReports

/// The buffer fund statement: figures from the ledger, the identity, and its renderings.
@Suite struct FundStatementTests {
  func statement(_ season: String, in conservancy: String = "Shamshy") throws -> FundStatement {
    try FundStatement.build(DocumentFixture.open(), conservancy: conservancy, season: season)
  }

  @Test(arguments: ["2025", "2026"])
  func matchesItsGoldenFilesInEveryLanguageAndFormat(season: String) throws {
    let statement = try statement(season)
    for lang in ReportSetup.languages(shipping: "fund") {
      let text = try statement.render(ReportSetup(lang: lang))
      try Golden.check(text, "fund-Shamshy-\(season).\(lang).txt")
      DocumentChecks.printable(text, "fund \(season) \(lang)")
    }
    try Golden.check(statement.json.text(pretty: true) + "\n", "fund-Shamshy-\(season).json")
  }

  @Test func theSeasonsFiguresComeFromTheLedger() throws {
    let s = try statement("2026")
    // Before 2026: premiums 2,100 and a donor's 200,000, of which 11,200 approved in December.
    #expect(s.opening == FundStatement.Balance(available: 19_090_000, reserved: 1_120_000))
    // 40 + 25 sheep × 70, 2 cattle × 450, 3 horses × 600.
    #expect(s.premiumsMinor == 725_000)
    #expect(
      s.contributions == [
        .init(source: "donor", amountMinor: 0), .init(source: "state", amountMinor: 5_000_000),
        .init(source: "premium", amountMinor: 300_000),
      ])
    // CHU-2025-0001 paid in January, CHU-2026-0001 in June.
    #expect(s.paidMinor == 1_120_000 + 960_000)
    #expect(s.approvedMinor == 960_000 + 3_600_000)
    #expect(s.releasedMinor == 0)
    #expect(s.closing == FundStatement.Balance(available: 20_555_000, reserved: 3_600_000))
    #expect(s.payments.map(\.complaint) == ["CHU-2025-0001", "CHU-2026-0001"])
    #expect(s.payments.map(\.reference) == ["KG-BANK-2026-0007", "KG-BANK-2026-0031"])
    #expect(
      s.reservedAtEnd == [
        .init(complaint: "CHU-2026-0002", approvedOn: "2026-06-16", amountMinor: 3_600_000)
      ])
    #expect(s.members == 2)
    #expect(s.insured.map(\.livestockClass) == ["sheep_goat", "cattle", "horse"])
    #expect(s.insured.map(\.heads) == [65, 2, 3])
    #expect(s.insured.map(\.members) == [2, 1, 1])
    #expect(s.insuredHeads == 70)
    #expect(s.asOf == "2026-07-01")
    #expect(!s.seasonClosed)
  }

  @Test func theClosingBalanceOfOneSeasonIsTheOpeningOfTheNext() throws {
    let earlier = try statement("2025")
    let later = try statement("2026")
    #expect(earlier.seasonClosed)
    #expect(earlier.asOf == "2025-12-31")
    #expect(earlier.closing == later.opening)
    #expect(earlier.reservedAtEnd.map(\.complaint) == ["CHU-2025-0001"])
  }

  @Test(arguments: ["2024", "2025", "2026"], ["Shamshy", "Baiboosun"])
  func openingPlusPremiumsPlusContributionsMinusPaidIsClosing(
    season: String, conservancy: String
  ) throws {
    let s = try statement(season, in: conservancy)
    #expect(s.reconciles)
    #expect(
      s.opening.total + s.premiumsMinor + s.contributionsMinor - s.paidMinor == s.closing.total)
    #expect(
      s.opening.reserved + s.approvedMinor - s.releasedMinor - s.paidMinor == s.closing.reserved)
    // The closing balance is what the ledger holds: the fund's and its payable account's balances.
    if season == "2026", let fund = try DocumentFixture.open().fund(conservancy: conservancy) {
      #expect(s.closing.total == fund.available + fund.reserved)
      #expect(s.closing.reserved == fund.reserved)
    }
  }

  @Test func aReleasedReservationLeavesTheIdentityIntact() throws {
    let copy = try DocumentFixture.copy()
    try copy.register.appeal(
      code: "CHU-2026-0002", reason: "The herder says two cows were killed, not one.",
      actor: copy.register.actor(named: "bakyt"))
    let s = try FundStatement.build(copy.register, conservancy: "Shamshy", season: "2026")
    #expect(s.releasedMinor == 3_600_000)
    #expect(s.closing.reserved == 0)
    #expect(s.reservedAtEnd.isEmpty)
    #expect(s.reconciles)
  }

  @Test func aFundNeverCreditedHasAStatementOfZeros() throws {
    let s = try statement("2026", in: "Baiboosun")
    #expect(s.opening.total == 0 && s.closing.total == 0 && s.members == 0)
    let text = try s.render(ReportSetup(lang: "en"))
    #expect(text.contains("No herds were insured for season 2026."))
    #expect(text.contains("Check: opening + premiums + contributions - payouts paid = closing"))
  }

  @Test func theRussianStatementUsesRussianNames() throws {
    let text = try statement("2026").render(ReportSetup(lang: "ru"))
    #expect(text.contains("Заказник Шамшы, Чуйский район, Чуйская область"))
    #expect(text.contains("овцы и козы"))
    #expect(text.contains("1\u{202F}120 KGS") || text.contains("11\u{202F}200 KGS"))
  }

  @Test(arguments: [
    ("Shamshy", "26", Field.season), ("Shamshy", "abcd", .season), ("Shamshy", "1999", .season),
    ("Shamshy", "2027", .season), ("Narnia", "2026", .conservancy),
  ])
  func aBadConservancyOrSeasonIsRefusedNamingTheOption(
    conservancy: String, season: String, field: Field
  ) throws {
    #expect {
      _ = try statement(season, in: conservancy)
    } throws: { ($0 as? DomainError)?.field == field }
  }

  @Test func anOverrideOfOneTemplateIsUsedAndTheOthersFallBack() throws {
    let directory = TemporaryDirectory()
    directory.write(
      "fund.en.txt",
      "Fund {{ conservancy }} {{ season }}: {{ closing.total_minor | money currency }}\n")
    let setup = ReportSetup(lang: "en", overrideDirectory: directory.path)
    #expect(try statement("2026").render(setup) == "Fund Shamshy 2026: 241,550 KGS\n")
    let receipt = try Receipt.build(DocumentFixture.open(), code: "KAZ-2026-0006")
    #expect(try receipt.render(setup) == receipt.render(ReportSetup(lang: "en")))
    // The Russian statement is not overridden.
    let russian = ReportSetup(lang: "ru", overrideDirectory: directory.path)
    #expect(try statement("2026").render(russian).hasPrefix("ОТЧЁТ О СТРАХОВОМ ФОНДЕ"))
  }
}
