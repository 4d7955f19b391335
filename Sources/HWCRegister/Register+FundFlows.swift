import HWCCore
import HWCDomain
import HWCStore

/// The money and members of a conservancy's buffer fund for a season, as the fund statement
/// needs them: balances at the season's start and end, what came in and went out in it, and the
/// season's herd insurance.
public struct FundFlows: Sendable, Equatable {
  /// A payout paid in the season.
  public struct Payment: Sendable, Equatable {
    public let complaint: String
    public let paidOn: String
    public let reference: String
    public let amountMinor: Int

    public init(complaint: String, paidOn: String, reference: String, amountMinor: Int) {
      self.complaint = complaint
      self.paidOn = paidOn
      self.reference = reference
      self.amountMinor = amountMinor
    }
  }

  /// A payout approved and not paid at the end of the period.
  public struct Reservation: Sendable, Equatable {
    public let complaint: String
    public let approvedOn: String
    public let amountMinor: Int

    public init(complaint: String, approvedOn: String, amountMinor: Int) {
      self.complaint = complaint
      self.approvedOn = approvedOn
      self.amountMinor = amountMinor
    }
  }

  /// Heads insured in one livestock class for the season.
  public struct InsuredClass: Sendable, Equatable {
    public let livestockClass: String
    /// Claimants who insured heads of the class.
    public let members: Int
    public let heads: Int
    /// Premiums due for this cover, whenever they were credited.
    public let premiumMinor: Int

    public init(livestockClass: String, members: Int, heads: Int, premiumMinor: Int) {
      self.livestockClass = livestockClass
      self.members = members
      self.heads = heads
      self.premiumMinor = premiumMinor
    }
  }

  /// The fund's ledger account, e.g. `fund:Shamshy`.
  public let account: String
  /// Available and reserved at the end of the day before the season.
  public let openingAvailable: Int
  public let openingReserved: Int
  /// Available and reserved at the season's end.
  public let closingAvailable: Int
  public let closingReserved: Int
  /// Herd-insurance premiums credited in the season.
  public let premiums: Int
  /// Contributions credited in the season, by source.
  public let contributions: [String: Int]
  /// Paid in the season.
  public let paid: Int
  /// Reserved by approvals in the season.
  public let approved: Int
  /// Reservations released in the season.
  public let released: Int
  /// Payouts paid in the season, in the order they were paid.
  public let payments: [Payment]
  /// Payouts reserved and neither paid nor released at the season's end, by complaint.
  public let reservedAtEnd: [Reservation]
  /// Claimants who insured heads in the conservancy for the season.
  public let members: Int
  /// Members, heads and premiums per livestock class for the season.
  public let insured: [InsuredClass]
}

extension Register {
  /// The flows of `conservancy`'s fund for season `season`, the days `from`…`to`.
  public func fundFlows(
    conservancy: Conservancy, season: Int, from: CalendarDate, to: CalendarDate
  ) throws -> FundFlows {
    let fundCode = Register.fundCode(conservancy)
    let payableCode = Register.payableCode(of: fundCode)
    let paidCode = Register.paidCode(of: fundCode)
    let (start, end) = (from.description, to.description)
    let insurance: [any SQLBindable] = [conservancy.id, season]
    return try db.transaction(.deferred) {
      let opening = try ledger.figures(of: fundCode, asOf: from.adding(days: -1).description)
      let closing = try ledger.figures(of: fundCode, asOf: end, since: start)
      var premiums = 0
      var contributions: [String: Int] = [:]
      try db.prepare(
        """
        SELECT t.kind,
          (SELECT s.source FROM ledger_entry se JOIN ledger_account s ON s.id = se.account_id
           WHERE se.transfer_id = t.id AND s.kind = \(Ledger.Kind.source.sqlLiteral) LIMIT 1) AS source,
          sum(e.amount_minor) AS amount
        FROM ledger_entry e
        JOIN ledger_account a ON a.id = e.account_id
        JOIN ledger_transfer t ON t.id = e.transfer_id
        WHERE a.code = ? AND t.on_date BETWEEN ? AND ? AND t.kind IN (\([TransferKind.premium, .contribution].sqlLiteral))
        GROUP BY 1, 2
        """
      ).eachRow(with: [fundCode, start, end]) { row in
        if row.text("kind") == "premium" {
          premiums += row.int("amount")
        } else {
          contributions[row.optionalText("source") ?? "unknown", default: 0] += row.int("amount")
        }
      }
      let payments = try db.prepare(
        """
        SELECT c.code, t.on_date, t.reference, e.amount_minor
        FROM ledger_transfer t
        JOIN ledger_entry e ON e.transfer_id = t.id
        JOIN ledger_account a ON a.id = e.account_id
        JOIN complaint c ON c.id = t.complaint_id
        WHERE t.kind = \(TransferKind.payment.sqlLiteral) AND a.code = ? AND t.on_date BETWEEN ? AND ?
        ORDER BY t.on_date, t.id
        """
      ).map(with: [paidCode, start, end]) {
        FundFlows.Payment(
          complaint: $0.text("code"), paidOn: $0.text("on_date"), reference: $0.text("reference"),
          amountMinor: $0.int("amount_minor"))
      }
      let reserved = try db.prepare(
        """
        SELECT c.code, max(CASE WHEN t.kind = \(TransferKind.reservation.sqlLiteral) THEN t.on_date END) AS approved_on,
          sum(e.amount_minor) AS amount_minor
        FROM ledger_entry e
        JOIN ledger_account a ON a.id = e.account_id
        JOIN ledger_transfer t ON t.id = e.transfer_id
        JOIN complaint c ON c.id = t.complaint_id
        WHERE a.code = ? AND t.on_date <= ?
        GROUP BY c.id HAVING sum(e.amount_minor) > 0
        ORDER BY c.code
        """
      ).map(with: [payableCode, end]) {
        FundFlows.Reservation(
          complaint: $0.text("code"), approvedOn: $0.text("approved_on"),
          amountMinor: $0.int("amount_minor"))
      }
      let members =
        try db.scalar(
          Int.self,
          """
          SELECT count(DISTINCT claimant_id) FROM herd_insurance
          WHERE conservancy_id = ? AND season = ?
          """, with: insurance) ?? 0
      let insured = try db.prepare(
        """
        SELECT livestock_class, count(DISTINCT claimant_id) AS members, sum(heads) AS heads, sum(premium_minor) AS premium_minor
        FROM herd_insurance WHERE conservancy_id = ? AND season = ?
        GROUP BY livestock_class
        """
      ).map(with: insurance) {
        FundFlows.InsuredClass(
          livestockClass: $0.text("livestock_class"), members: $0.int("members"),
          heads: $0.int("heads"),
          premiumMinor: $0.int("premium_minor"))
      }
      return FundFlows(
        account: fundCode, openingAvailable: opening?.available ?? 0,
        openingReserved: opening?.reserved ?? 0, closingAvailable: closing?.available ?? 0,
        closingReserved: closing?.reserved ?? 0, premiums: premiums, contributions: contributions,
        paid: closing?.paidInPeriod ?? 0, approved: closing?.reservedInPeriod ?? 0,
        released: closing?.releasedInPeriod ?? 0, payments: payments, reservedAtEnd: reserved,
        members: members, insured: insured)
    }
  }
}
