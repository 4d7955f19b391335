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
    ).first([.text(code)]) {
      Account(
        id: $0.int(0), code: $0.text(1), kind: Kind(rawValue: $0.text(2))!,
        currency: $0.text(3), balance: $0.int(4))
    }
  }

  /// Opens an account and returns its id; the caller audits it.
  func open(_ opening: Opening, at: String) throws -> Int {
    func value(_ number: Int?) -> SQLValue { number.map { .integer(Int64($0)) } ?? .null }
    try db.run(
      """
      INSERT INTO ledger_account(code, kind, currency, district_id, conservancy_id, year,
        owner_id, source, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(opening.code), .text(opening.kind.rawValue), .text(opening.currency),
        value(opening.districtID), value(opening.conservancyID), value(opening.year),
        value(opening.ownerID), opening.source.map(SQLValue.text) ?? .null, .text(at),
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
    func value(_ number: Int?) -> SQLValue { number.map { .integer(Int64($0)) } ?? .null }
    try db.prepare(
      """
      INSERT INTO ledger_transfer(kind, on_date, complaint_id, insurance_id, reverses_id,
        reference, memo, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """
    ).run([
      .text(transfer.kind.rawValue), .text(transfer.onDate.description),
      value(transfer.complaintID),
      value(transfer.insuranceID), value(transfer.reverses),
      transfer.reference.map(SQLValue.text) ?? .null, transfer.memo.map(SQLValue.text) ?? .null,
      .integer(Int64(actorID)), .text(at),
    ])
    let id = db.lastInsertRowID
    let insert = try db.prepare(
      "INSERT INTO ledger_entry(transfer_id, account_id, amount_minor) VALUES (?, ?, ?)")
    for entry in transfer.entries {
      try insert.run([
        .integer(Int64(id)), .integer(Int64(entry.account)), .integer(Int64(entry.amount)),
      ])
    }
    return id
  }
}
