import HWCCore
import HWCTestSupport
import Testing

@testable import HWCRegister
@testable import HWCReports

/// Every printed document carries the chain's head; a chain rewritten after it was printed is
/// detected from the paper, while plain verification passes.
@Suite struct AnchorOnPaperTests {
  @Test func aReportsAnchorCatchesAChainRewrittenAfterItWasPrinted() throws {
    let copy = try DocumentFixture.copy()
    let report = try QuarterlyReport.build(
      register: copy.register, quarter: try Quarter("2026-Q2"), today: DocumentFixture.today.today)
    let text = try report.render(.text, setup: ReportSetup(lang: "en"))
    let printed = try #require(
      text.split(separator: "\n").first { $0.hasPrefix("Register anchor: ") })
    let anchor = try #require(
      AuditAnchor(String(printed.dropFirst("Register anchor: ".count).prefix { $0 != " " })))
    #expect(try copy.register.checkAnchor(anchor) == nil)

    // Later, someone changes who recorded entry 5 and recomputes every hash after it.
    let path = copy.register.db.path
    let entry = try #require(try copy.register.auditLog().first { $0.actor != "hwc" }).id + 4
    try Tamper.register(at: path, "UPDATE audit_entry SET action = 'edited' WHERE id = \(entry)")
    try Tamper.rewriteChain(at: path, from: entry)
    let after = try Register.open(path: path, clock: DocumentFixture.today)
    #expect(try after.verifyAudit().problem == nil)
    #expect(
      try after.checkAnchor(anchor)?.hasSuffix(
        "the chain was rewritten after the anchor was printed") == true)
  }

  @Test func everyDocumentCarriesTheAnchorOfTheRegisterItWasMadeFrom() throws {
    let register = try DocumentFixture.open()
    let head = try #require(try register.auditAnchor()).description
    let receipt = try Receipt.build(register, code: "KAZ-2026-0001")
    let letter = try DecisionLetter.build(register, code: "KAZ-2026-0001")
    let fund = try FundStatement.build(register, conservancy: "Shamshy", season: "2026")
    #expect([receipt.anchor, letter.anchor, fund.anchor] == [head, head, head])
    for lang in ["en", "ru"] {
      let setup = ReportSetup(lang: lang)
      for text in [try receipt.render(setup), try letter.render(setup), try fund.render(setup)] {
        #expect(text.contains(head), "\(lang)")
      }
    }
  }
}
