import HWCCore
import HWCDomain
import HWCStore
import Testing

@testable import HWCRegister

/// The ledger's invariants: the database refuses edits of its history, and `ledgerProblems()`
/// (run by `hwc check`) names every kind of tampering it cannot refuse.
@Suite struct LedgerCheckTests {
  /// A register whose ledger has every kind of transfer: allocations, a premium, a contribution,
  /// reservations, a payment and a release. KAZ-2026-0001 is paid, -0002 approved, -0003
  /// rejected after approval, -0004 assessed.
  func sound() throws -> Fixture {
    let fixture = try Fixture.money()
    try fixture.allocate("1000000")
    try fixture.allocate("50000", year: "2025")
    _ = try fixture.register.insureHerd(
      nationalID: Fixture.asel, season: "2026", livestockClass: "sheep_goat", heads: "10",
      actor: fixture.actor("bakyt"))
    _ = try fixture.register.contributeToFund(
      conservancy: "Shamshy", amount: "5000", source: "state", actor: fixture.actor("kubat"))
    let codes = try (0..<4).map { _ in try fixture.assessed() }
    for code in codes.prefix(3) {
      _ = try fixture.register.approve(code: code, actor: fixture.actor("aliya"))
      _ = try fixture.register.approve(code: code, actor: fixture.actor("bolat"))
    }
    _ = try fixture.register.pay(code: codes[0], reference: "B-1", actor: fixture.actor("tolkyn"))
    try fixture.register.reject(code: codes[2], reason: "no", actor: fixture.actor("chingiz"))
    _ = try fixture.register.approve(code: codes[3], actor: fixture.actor("aliya"))
    return fixture
  }

  func problems(_ fixture: Fixture) throws -> [String] { try fixture.register.ledgerProblems() }

  func accountID(_ fixture: Fixture, _ code: String) throws -> Int {
    try #require(
      try fixture.register.db.scalar(
        Int.self, "SELECT id FROM ledger_account WHERE code = ?", with: [code]))
  }

  @Test func aSoundLedgerHasNoProblemsAndCheckSaysSo() throws {
    let fixture = try sound()
    #expect(
      try fixture.register.db.prepare("SELECT DISTINCT kind FROM ledger_transfer ORDER BY kind")
        .map { $0.text("kind") } == [
          "allocation", "contribution", "payment", "premium", "release", "reservation",
        ])
    #expect(try problems(fixture) == [])
    let items = try fixture.register.check()
    #expect(items.map(\.name) == ["schema", "integrity", "foreign keys", "audit chain", "ledger"])
    #expect(items.allSatisfy { $0.problem == nil })
  }

  /// Statements that would rewrite the ledger's history, and what the database answers.
  static let rewrites: [(String, String)] = [
    ("UPDATE ledger_transfer SET memo = 'edited' WHERE id = 1", "never changed"),
    ("UPDATE ledger_transfer SET reference = 'B-2' WHERE kind = 'payment'", "never changed"),
    ("DELETE FROM ledger_transfer WHERE kind = 'release'", "never deleted"),
    ("UPDATE ledger_entry SET amount_minor = amount_minor * 2", "never changed"),
    ("UPDATE ledger_entry SET account_id = 1 WHERE id = 2", "never changed"),
    ("DELETE FROM ledger_entry WHERE id = 1", "never deleted"),
    ("UPDATE approval SET member_id = 1", "approvals are never changed"),
    ("UPDATE approval SET assessment_id = 4 WHERE id = 7", "approvals are never changed"),
    ("DELETE FROM approval WHERE id = 1", "approvals are never deleted"),
    ("DELETE FROM ledger_account WHERE kind = 'paid'", "never deleted"),
    ("UPDATE ledger_account SET code = 'budget:KAZ:2099' WHERE id = 1", "only changes by"),
    ("UPDATE ledger_account SET kind = 'source' WHERE kind = 'budget'", "only changes by"),
    ("UPDATE ledger_account SET owner_id = NULL WHERE kind = 'payable'", "only changes by"),
    ("UPDATE ledger_account SET balance_minor = -1 WHERE kind = 'budget'", "CHECK"),
    ("UPDATE ledger_account SET balance_minor = 1 WHERE kind = 'source'", "CHECK"),
    (
      """
      INSERT INTO ledger_transfer(kind, on_date, complaint_id, reference, actor_id, at)
      VALUES ('payment', '2026-06-15', 1, 'B-9', 1, '2026-06-15T10:00:00Z')
      """, "UNIQUE"
    ),
    (
      """
      INSERT INTO ledger_transfer(kind, on_date, complaint_id, reference, actor_id, at)
      VALUES ('payment', '2026-06-15', 2, 'B-1', 1, '2026-06-15T10:00:00Z')
      """, "UNIQUE"
    ),
    (
      """
      INSERT INTO ledger_transfer(kind, on_date, actor_id, at)
      VALUES ('reservation', '2026-06-15', 1, '2026-06-15T10:00:00Z')
      """, "CHECK"
    ),
    (
      """
      INSERT INTO ledger_transfer(kind, on_date, complaint_id, actor_id, at)
      VALUES ('release', '2026-06-15', 2, 1, '2026-06-15T10:00:00Z')
      """, "CHECK"
    ),
  ]

  @Test(arguments: rewrites)
  func theDatabaseRefusesToRewriteTheLedger(sql: String, answer: String) throws {
    let fixture = try sound()
    let before = try fixture.ledgerCounts()
    let balances = try fixture.register.db.prepare(
      "SELECT code, balance_minor FROM ledger_account ORDER BY id"
    ).map { "\($0.text("code")) \($0.int("balance_minor"))" }
    #expect {
      try fixture.register.db.run(sql)
    } throws: { error in
      (error as? SQLiteError)?.isConstraint == true
        && (error as? SQLiteError)?.message.contains(answer) == true
    }
    #expect(try fixture.ledgerCounts() == before)
    #expect(
      try fixture.register.db.prepare("SELECT code, balance_minor FROM ledger_account ORDER BY id")
        .map { "\($0.text("code")) \($0.int("balance_minor"))" } == balances)
    #expect(try problems(fixture) == [])
  }

  @Test func aBudgetCannotBeDrawnBelowZeroEvenWithRawSQL() throws {
    let fixture = try sound()
    let budget = try accountID(fixture, "budget:KAZ:2025")
    let source = try accountID(fixture, "source:ministry:KZT")
    #expect {
      try fixture.register.db.transaction {
        try fixture.register.db.run(
          """
          INSERT INTO ledger_transfer(kind, on_date, actor_id, at)
          VALUES ('allocation', '2026-06-15', 1, '2026-06-15T10:00:00Z')
          """)
        let transfer = fixture.register.db.lastInsertRowID
        for (account, amount) in [(budget, -5_000_001), (source, 5_000_001)] {
          try fixture.register.db.run(
            "INSERT INTO ledger_entry(transfer_id, account_id, amount_minor) VALUES (?, ?, ?)",
            with: [transfer, account, amount])
        }
      }
    } throws: { ($0 as? SQLiteError)?.isConstraint == true }
    #expect(try fixture.budget("Kaztalov", "2025").available == 5_000_000)
    #expect(try problems(fixture) == [])
  }

  @Test func aBalanceSetDirectlyIsNamed() throws {
    let fixture = try sound()
    // The triggers let a balance change (entries must post to it); the check catches an edit.
    try fixture.register.db.run(
      "UPDATE ledger_account SET balance_minor = balance_minor + 100 WHERE code = 'budget:KAZ:2026'"
    )
    let found = try problems(fixture)
    #expect(
      found == [
        "balances equal the sum of their entries: account budget:KAZ:2026 shows a balance of "
          + "68860100 but its entries sum to 68860000"
      ])
    let ledger = try #require(try fixture.register.check().first { $0.name == "ledger" })
    #expect(ledger.problem?.contains("balances equal the sum of their entries") == true)
  }

  @Test func anUnbalancedTransferIsNamed() throws {
    let fixture = try sound()
    let budget = try accountID(fixture, "budget:KAZ:2026")
    try fixture.register.db.run(
      """
      INSERT INTO ledger_transfer(kind, on_date, actor_id, at)
      VALUES ('allocation', '2026-06-15', 1, '2026-06-15T10:00:00Z')
      """)
    let transfer = fixture.register.db.lastInsertRowID
    try fixture.register.db.run(
      "INSERT INTO ledger_entry(transfer_id, account_id, amount_minor) VALUES (?, ?, 500)",
      with: [transfer, budget])
    let found = try problems(fixture)
    #expect(
      found.first
        == "every transfer balances: transfer #\(transfer) (allocation) does not balance: its "
        + "entries sum to 500 over 1 entries")
    #expect(try fixture.register.check().last?.problem?.contains("every transfer balances") == true)
  }

  @Test func aTransferWithoutEntriesIsNamed() throws {
    let fixture = try sound()
    try fixture.register.db.run(
      """
      INSERT INTO ledger_transfer(kind, on_date, actor_id, at)
      VALUES ('contribution', '2026-06-15', 1, '2026-06-15T10:00:00Z')
      """)
    #expect(
      try problems(fixture).first?.hasSuffix(
        "(contribution) does not balance: its entries sum "
          + "to 0 over 0 entries") == true)
  }

  @Test func aTransferMixingCurrenciesIsNamed() throws {
    let fixture = try sound()
    let budget = try accountID(fixture, "budget:KAZ:2026")
    let donor = try #require(
      try fixture.register.db.scalar(
        Int.self, "SELECT id FROM ledger_account WHERE kind = 'source' AND currency = 'KGS'"))
    try fixture.register.db.transaction {
      try fixture.register.db.run(
        """
        INSERT INTO ledger_transfer(kind, on_date, actor_id, at)
        VALUES ('allocation', '2026-06-15', 1, '2026-06-15T10:00:00Z')
        """)
      let transfer = fixture.register.db.lastInsertRowID
      for (account, amount) in [(donor, -700), (budget, 700)] {
        try fixture.register.db.run(
          "INSERT INTO ledger_entry(transfer_id, account_id, amount_minor) VALUES (?, ?, ?)",
          with: [transfer, account, amount])
      }
    }
    #expect(try problems(fixture).first?.hasPrefix("one currency per transfer: transfer #") == true)
  }

  @Test func moneyReservedBeyondWhatWasCreditedIsNamed() throws {
    let fixture = try sound()
    let payable = try accountID(fixture, "payable:budget:KAZ:2026")
    let source = try accountID(fixture, "source:ministry:KZT")
    try fixture.register.db.transaction {
      try fixture.register.db.run(
        """
        INSERT INTO ledger_transfer(kind, on_date, actor_id, at)
        VALUES ('allocation', '2026-06-15', 1, '2026-06-15T10:00:00Z')
        """)
      let transfer = fixture.register.db.lastInsertRowID
      for (account, amount) in [(source, -100_000_000), (payable, 100_000_000)] {
        try fixture.register.db.run(
          "INSERT INTO ledger_entry(transfer_id, account_id, amount_minor) VALUES (?, ?, ?)",
          with: [transfer, account, amount])
      }
    }
    #expect(
      try problems(fixture) == [
        "reserved + paid never exceed what was credited: budget:KAZ:2026: reserved + paid "
          + "131140000 exceed credited 100000000"
      ])
  }

  @Test func anAccountWhoseEntriesSumBelowZeroIsNamed() throws {
    let fixture = try sound()
    let budget = try accountID(fixture, "budget:KAZ:2025")
    let source = try accountID(fixture, "source:ministry:KZT")
    // Raise the stored balance first, so the entry below passes the CHECK on the balance.
    try fixture.register.db.run(
      "UPDATE ledger_account SET balance_minor = 10000000 WHERE id = ?",
      with: [budget])
    try fixture.register.db.transaction {
      try fixture.register.db.run(
        """
        INSERT INTO ledger_transfer(kind, on_date, actor_id, at)
        VALUES ('allocation', '2026-06-15', 1, '2026-06-15T10:00:00Z')
        """)
      let transfer = fixture.register.db.lastInsertRowID
      for (account, amount) in [(budget, -6_000_000), (source, 6_000_000)] {
        try fixture.register.db.run(
          "INSERT INTO ledger_entry(transfer_id, account_id, amount_minor) VALUES (?, ?, ?)",
          with: [transfer, account, amount])
      }
    }
    let found = try problems(fixture)
    #expect(
      found.contains("no account below zero: account budget:KAZ:2025 is below zero: -1000000"))
    #expect(found.contains { $0.hasPrefix("balances equal the sum of their entries") })
  }

  @Test func anApprovedStatusWithoutMoneyIsNamed() throws {
    let fixture = try sound()
    try fixture.register.db.run(
      "UPDATE complaint SET status = 'approved' WHERE code = 'KAZ-2026-0004'")
    #expect(
      try problems(fixture) == [
        "money follows each complaint's status: KAZ-2026-0004 is approved but the ledger holds "
          + "0 reserved and 0 paid for it (assessed 15570000)"
      ])
    let ledger = try #require(try fixture.register.check().first { $0.name == "ledger" })
    #expect(ledger.problem?.contains("KAZ-2026-0004 is approved") == true)
  }

  @Test func aPaidStatusWithoutAPaymentIsNamed() throws {
    let fixture = try sound()
    try fixture.register.db.run("UPDATE complaint SET status = 'paid' WHERE code = 'KAZ-2026-0002'")
    #expect(
      try problems(fixture) == [
        "money follows each complaint's status: KAZ-2026-0002 is paid but the ledger holds "
          + "15570000 reserved and 0 paid for it (assessed 15570000)"
      ])
  }

  @Test func aReservationLeftBehindByAStatusEditIsNamed() throws {
    let fixture = try sound()
    try fixture.register.db.run(
      "UPDATE complaint SET status = 'rejected' WHERE code = 'KAZ-2026-0002'")
    #expect(
      try problems(fixture).first?.hasPrefix(
        "money follows each complaint's status: KAZ-2026-0002 is rejected but the ledger holds "
          + "15570000 reserved") == true)
  }
}
