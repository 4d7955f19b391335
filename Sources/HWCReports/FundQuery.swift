import HWCDomain
import HWCRegister
import HWCStore

/// The ledger and insurance queries behind a `FundStatement`: one pass over the fund's entries
/// for the money, and the season's herd insurance for the members.
struct FundQuery {
  let db: Database
  let conservancy: Conservancy
  let season: Int
  /// First and last day of the season, `YYYY-MM-DD`.
  let from: String
  let to: String

  /// The fund's own account, and its payable and paid accounts.
  var fundCode: String { Register.fundCode(conservancy) }
  var payableCode: String { Register.payableCode(of: fundCode) }
  var paidCode: String { Register.paidCode(of: fundCode) }

  /// The money figures of the statement, summed from the entries.
  struct Flows {
    var openingAvailable = 0
    var openingReserved = 0
    var closingAvailable = 0
    var closingReserved = 0
    var premiums = 0
    var contributions: [String: Int] = [:]
    var paid = 0
    var approved = 0
    var released = 0
  }

  /// Sums the entries of the fund, payable and paid accounts dated up to the end of the season,
  /// by transfer kind, source, account kind, and before or inside the season.
  func flows() throws -> Flows {
    var flows = Flows()
    try db.prepare(
      """
      SELECT t.kind,
        (SELECT s.source FROM ledger_entry se JOIN ledger_account s ON s.id = se.account_id
         WHERE se.transfer_id = t.id AND s.kind = 'source' LIMIT 1),
        a.kind, t.on_date < ?, sum(e.amount_minor)
      FROM ledger_entry e
      JOIN ledger_account a ON a.id = e.account_id
      JOIN ledger_transfer t ON t.id = e.transfer_id
      WHERE a.code IN (?, ?, ?) AND t.on_date <= ?
      GROUP BY 1, 2, 3, 4
      """
    ).eachRow([.text(from), .text(fundCode), .text(payableCode), .text(paidCode), .text(to)]) {
      row in
      let (kind, source, account) = (row.text(0), row.optionalText(1), row.text(2))
      let before = row.int(3) == 1
      let amount = row.int(4)
      switch account {
      case "fund":
        flows.closingAvailable += amount
        if before { flows.openingAvailable += amount }
      case "payable":
        flows.closingReserved += amount
        if before { flows.openingReserved += amount }
      default: break
      }
      guard !before else { return }
      switch (kind, account) {
      case ("premium", "fund"): flows.premiums += amount
      case ("contribution", "fund"): flows.contributions[source ?? "unknown", default: 0] += amount
      case ("payment", "paid"): flows.paid += amount
      case ("reservation", "payable"): flows.approved += amount
      case ("release", "payable"): flows.released -= amount
      default: break
      }
    }
    return flows
  }

  /// Payouts paid in the season, in the order they were paid.
  func payments() throws -> [FundStatement.Payment] {
    try db.prepare(
      """
      SELECT c.code, t.on_date, t.reference, e.amount_minor
      FROM ledger_transfer t
      JOIN ledger_entry e ON e.transfer_id = t.id
      JOIN ledger_account a ON a.id = e.account_id
      JOIN complaint c ON c.id = t.complaint_id
      WHERE t.kind = 'payment' AND a.code = ? AND t.on_date BETWEEN ? AND ?
      ORDER BY t.on_date, t.id
      """
    ).map([.text(paidCode), .text(from), .text(to)]) {
      FundStatement.Payment(
        complaint: $0.text(0), paidOn: $0.text(1), reference: $0.text(2), amountMinor: $0.int(3))
    }
  }

  /// Payouts reserved and neither paid nor released by the end of the period, by complaint.
  func reservedAtEnd() throws -> [FundStatement.Reservation] {
    try db.prepare(
      """
      SELECT c.code, max(CASE WHEN t.kind = 'reservation' THEN t.on_date END),
        sum(e.amount_minor)
      FROM ledger_entry e
      JOIN ledger_account a ON a.id = e.account_id
      JOIN ledger_transfer t ON t.id = e.transfer_id
      JOIN complaint c ON c.id = t.complaint_id
      WHERE a.code = ? AND t.on_date <= ?
      GROUP BY c.id HAVING sum(e.amount_minor) > 0
      ORDER BY c.code
      """
    ).map([.text(payableCode), .text(to)]) {
      FundStatement.Reservation(
        complaint: $0.text(0), approvedOn: $0.text(1), amountMinor: $0.int(2))
    }
  }

  /// Claimants who insured heads in the conservancy for the season.
  func members() throws -> Int {
    try db.scalarInt(
      """
      SELECT count(DISTINCT claimant_id) FROM herd_insurance
      WHERE conservancy_id = ? AND season = ?
      """, [.integer(Int64(conservancy.id)), .integer(Int64(season))])
  }

  /// Members, heads and premiums per livestock class for the season.
  func insured() throws -> [FundStatement.InsuredClass] {
    try db.prepare(
      """
      SELECT livestock_class, count(DISTINCT claimant_id), sum(heads), sum(premium_minor)
      FROM herd_insurance WHERE conservancy_id = ? AND season = ?
      GROUP BY livestock_class
      """
    ).map([.integer(Int64(conservancy.id)), .integer(Int64(season))]) {
      FundStatement.InsuredClass(
        livestockClass: $0.text(0), members: $0.int(1), heads: $0.int(2), premiumMinor: $0.int(3))
    }
  }
}
