import Foundation
import HWCCore
import HWCDemo
import HWCRegister
import HWCTestSupport
import Testing

@testable import HWCReports

@Suite("Reports of the demo register")
struct DemoReportTests {
  @Test("the quarterly reports' money equals the demo register's ledger to the last unit")
  func demoMoneyEqualsTheLedger() throws {
    let directory = TemporaryDirectory(prefix: "hwc-demo-report")
    let path = directory.file("demo.sqlite")
    _ = try Demo.build(path: path, scale: .full)
    let register = try Register.open(path: path)
    try LedgerReconciliation.check(
      register, from: try Quarter("2025-Q1"), today: Demo.today)
    #expect(try register.ledgerProblems().isEmpty)
  }
}
