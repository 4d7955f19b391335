import HWCCore
import HWCStore
import Testing

@testable import HWCRegister
@testable import HWCReports

/// Checks that the quarterly reports of every quarter up to today agree with the ledger to the
/// last unit: payments and approvals add up over the quarters to each account's balance, and the
/// current quarter's balances are the accounts' balances now.
enum LedgerReconciliation {
  static func check(
    _ register: Register, from first: Quarter, today: CalendarDate,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    var paid: [String: Int] = [:]
    var approved: [String: Int] = [:]
    var latest: [String: [String: Int]] = [:]
    var quarter = first
    while quarter.first <= today {
      let report = try QuarterlyReport.build(register: register, quarter: quarter, today: today)
      guard case .array(let rows)? = report.value.at("compensation", "payers") else {
        Issue.record("no compensation section in \(quarter)", sourceLocation: sourceLocation)
        return
      }
      latest = [:]
      for row in rows {
        guard case .string(let account)? = row.at("account") else { continue }
        var figures: [String: Int] = [:]
        if case .object(let pairs) = row {
          for (key, value) in pairs { if case .int(let n) = value { figures[key] = n } }
        }
        paid[account, default: 0] += figures["paid_minor"] ?? 0
        approved[account, default: 0] += figures["approved_minor"] ?? 0
        latest[account] = figures
      }
      quarter = quarter.next
    }
    let balances = try register.db.prepare(
      """
      SELECT o.code, o.balance_minor,
        coalesce((SELECT balance_minor FROM ledger_account WHERE owner_id = o.id AND kind = 'payable'), 0) AS payable,
        coalesce((SELECT balance_minor FROM ledger_account WHERE owner_id = o.id AND kind = 'paid'), 0) AS paid
      FROM ledger_account o WHERE o.kind IN ('budget', 'fund') ORDER BY o.code
      """
    ).map { ($0.text("code"), $0.int("balance_minor"), $0.int("payable"), $0.int("paid")) }
    #expect(!balances.isEmpty, "the register has no budget or fund", sourceLocation: sourceLocation)
    for (code, available, reserved, paidBalance) in balances {
      #expect(paid[code] ?? 0 == paidBalance, "\(code): paid", sourceLocation: sourceLocation)
      #expect(
        approved[code] ?? 0 == reserved + paidBalance, "\(code): approved",
        sourceLocation: sourceLocation)
      let now = latest[code] ?? [:]
      #expect(
        now["available_minor"] == available, "\(code): available", sourceLocation: sourceLocation)
      #expect(
        now["outstanding_minor"] == reserved, "\(code): outstanding", sourceLocation: sourceLocation
      )
      #expect(
        now["paid_to_date_minor"] == paidBalance, "\(code): paid to date",
        sourceLocation: sourceLocation)
      #expect(
        now["credited_minor"] == available + reserved + paidBalance, "\(code): credited",
        sourceLocation: sourceLocation)
    }
  }
}
