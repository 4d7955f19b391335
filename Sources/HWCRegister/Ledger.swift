import HWCCore
import HWCDomain
import HWCStore

/// The double-entry ledger (SPEC §6): accounts, and transfers whose entries sum to zero.
///
/// Only appends: a correction is a reversing transfer. The database keeps each account's balance
/// from its entries and refuses any budget, fund, payable or paid account below zero.
struct Ledger {
  let db: Database

  /// What an account holds.
  enum Kind: String {
    /// A district's budget for a year: what is still available.
    case budget
    /// A conservancy's buffer fund: what is still available.
    case fund
    /// Payouts approved (reserved) and not yet paid, of one budget or fund.
    case payable
    /// Payouts paid, of one budget or fund.
    case paid
    /// Where money came from; its balance is zero or negative.
    case source
  }

  /// An account as stored.
  struct Account {
    let id: Int
    let code: String
    let kind: Kind
    let currency: String
    let balance: Int
  }

  /// How a new account is described.
  struct Opening {
    var code: String
    var kind: Kind
    var currency: String
    var districtID: Int? = nil
    var conservancyID: Int? = nil
    var year: Int? = nil
    var ownerID: Int? = nil
    var source: String? = nil
  }

  func account(code: String) throws -> Account? {
    try db.prepare(
      "SELECT id, code, kind, currency, balance_minor FROM ledger_account WHERE code = ?"
    ).first(with: [code]) {
      Account(
        id: $0.int("id"), code: $0.text("code"), kind: Kind(rawValue: $0.text("kind"))!,
        currency: $0.text("currency"), balance: $0.int("balance_minor"))
    }
  }

  /// Opens an account and returns its id; the caller audits it.
  func open(_ opening: Opening, at: String) throws -> Int {
    try db.run(
      """
      INSERT INTO ledger_account(code, kind, currency, district_id, conservancy_id, year,
        owner_id, source, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      with: [
        opening.code, opening.kind.rawValue, opening.currency,
        opening.districtID, opening.conservancyID, opening.year,
        opening.ownerID, opening.source, at,
      ])
    return db.lastInsertRowID
  }

  /// A transfer to post: its kind, what it concerns, and its entries (account id, signed amount).
  struct Transfer {
    var kind: TransferKind
    var onDate: CalendarDate
    var complaintID: Int? = nil
    var insuranceID: Int? = nil
    var reverses: Int? = nil
    var reference: String? = nil
    var memo: String? = nil
    var entries: [(account: Int, amount: Int)]
  }

  /// Posts a balanced transfer and returns its id; the caller audits it.
  func post(_ transfer: Transfer, actorID: Int, at: String) throws -> Int {
    precondition(
      transfer.entries.count >= 2 && transfer.entries.reduce(0, { $0 + $1.amount }) == 0
        && transfer.entries.allSatisfy({ $0.amount != 0 }),
      "an unbalanced transfer was about to be posted")
    try db.prepare(
      """
      INSERT INTO ledger_transfer(kind, on_date, complaint_id, insurance_id, reverses_id,
        reference, memo, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """
    ).run(with: [
      transfer.kind.rawValue, transfer.onDate.description,
      transfer.complaintID,
      transfer.insuranceID, transfer.reverses,
      transfer.reference, transfer.memo,
      actorID, at,
    ])
    let id = db.lastInsertRowID
    let insert = try db.prepare(
      "INSERT INTO ledger_entry(transfer_id, account_id, amount_minor) VALUES (?, ?, ?)")
    for entry in transfer.entries {
      try insert.run(with: [
        id, entry.account, entry.amount,
      ])
    }
    return id
  }
}
