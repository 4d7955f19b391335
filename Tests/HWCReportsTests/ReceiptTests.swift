import HWCCore
import HWCDomain
import HWCRegister
import HWCReports
import Testing

/// The herder's receipt: what was registered, the national ID masked, in both languages.
@Suite struct ReceiptTests {
  @Test(arguments: ["KAZ-2026-0006", "CHU-2026-0002"])
  func matchesItsGoldenFilesInEveryLanguageAndFormat(code: String) throws {
    let receipt = try Receipt.build(DocumentFixture.open(), code: code)
    for lang in ReportSetup.languages {
      try Golden.check(try receipt.render(ReportSetup(lang: lang)), "receipt-\(code).\(lang).txt")
    }
    try Golden.check(receipt.json.text(pretty: true) + "\n", "receipt-\(code).json")
  }

  @Test(arguments: DocumentFixture.complaints)
  func everyReceiptFitsA4AndMasksTheNationalID(code: String) throws {
    let receipt = try Receipt.build(DocumentFixture.open(), code: code)
    for lang in ReportSetup.languages {
      DocumentChecks.printable(try receipt.render(ReportSetup(lang: lang)), "\(code) \(lang)")
    }
    DocumentChecks.masked(receipt.json.text(pretty: true), "\(code) json")
  }

  @Test func theReceiptHoldsWhatWasRegistered() throws {
    let receipt = try Receipt.build(DocumentFixture.open(), code: "kaz-2026-0006")
    let c = receipt.complaint
    #expect(c.code == "KAZ-2026-0006")
    #expect(c.claimantName == "Nurlan Omarov")
    #expect(c.claimantMaskedID == "75********11")
    #expect(c.registeredBy == "dauren")
    #expect(c.registeredOn == "2026-06-27")
    #expect(c.ref == "KZT-F-0627")
    #expect(c.items.map(\.item.code) == ["water.point_day"])
    #expect(c.items.map(\.quantityCenti) == [1400])
    #expect(c.scheme == "kz-state")
    #expect(receipt.printedOn == "2026-07-01")
  }

  @Test func theRussianReceiptUsesRussianReferenceNames() throws {
    let receipt = try Receipt.build(DocumentFixture.open(), code: "CHU-2026-0002")
    let text = try receipt.render(ReportSetup(lang: "ru"))
    #expect(text.contains("Чуйский, Чуйская область") || text.contains("Чуйский район"))
    #expect(text.contains("снежный барс"))
    #expect(text.contains("крупный рогатый скот, взрослый"))
    #expect(text.contains("Заказник         Шамшы"))
    #expect(!text.contains("snow leopard"))
  }

  @Test func whatHappensNextFollowsTheStatus() throws {
    let register = try DocumentFixture.open()
    let pending = try Receipt.build(register, code: "KAZ-2026-0006").render(ReportSetup())
    #expect(pending.contains("An inspector will visit"))
    let decided = try Receipt.build(register, code: "KAZ-2026-0001").render(ReportSetup())
    #expect(decided.contains("Ask the office for the decision letter on complaint KAZ-2026-0001"))
  }

  @Test func anUnknownComplaintIsRefusedNamingTheID() throws {
    #expect {
      _ = try Receipt.build(DocumentFixture.open(), code: "KAZ-2026-0999")
    } throws: {
      ($0 as? DomainError)?.field == .complaint
        && "\($0)" == "ID: there is no complaint KAZ-2026-0999"
    }
  }
}
