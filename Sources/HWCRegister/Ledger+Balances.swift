import HWCCore
import HWCDomain
import HWCStore

extension Ledger {
  /// What a budget or fund holds on a day, and what moved through it in a period, summed from
  /// the entries of its own, payable and paid accounts. The one definition of the ledger's
  /// figures: `hwc budget show`, `hwc fund show`, `hwc check`, the fund statement and the
  /// quarterly report's payers all read it.
  struct Figures: Equatable {
    let ownerID: Int
    let code: String
    let kind: Kind
    let currency: String
    let districtID: Int?
    let conservancyID: Int?
    let year: Int?
    /// Allocations, contributions and premiums credited up to the day.
    let credited: Int
    /// Approved and not yet paid on the day (the payable account).
    let reserved: Int
    /// Paid out up to the day (the paid account).
    let paid: Int
    /// What approvals may still use on the day (the budget's or fund's own account):
    /// credited − reserved − paid.
    let available: Int
    /// Reserved by approvals within the period.
    let reservedInPeriod: Int
    /// Reservations released within the period (a positive amount).
    let releasedInPeriod: Int
    /// Paid within the period.
    let paidInPeriod: Int
  }

  /// The query of `Figures`: one row per budget or fund (`o`) with entries dated up to `asOf`
  /// (`t.on_date <= ?` when `asOf`), the period starting at `since` (`t.on_date >= ?`, three
  /// times, when `since`; else the whole history); `filter` narrows the owners.
  ///
  /// With `byDate` (and `asOf`) the rows are found from the transfers' dates (the
  /// `ledger_transfer_date` index), so nothing dated after `asOf` is read: the quarterly report
  /// of a past quarter. Otherwise from the owners' accounts (one budget or fund, or all).
  static func figuresSQL(
    since: Bool = false, asOf: Bool = false, byDate: Bool = false, filter: String = ""
  ) -> String {
    let inPeriod = since ? " AND t.on_date >= ?" : ""
    let payable = Kind.payable.sqlLiteral
    let paid = Kind.paid.sqlLiteral
    return """
      SELECT o.id, o.code, o.kind, o.currency, o.district_id, o.conservancy_id, o.year,
        coalesce(sum(CASE WHEN a.kind = \(payable) AND t.kind = \(TransferKind.reservation.sqlLiteral)\(inPeriod)
          THEN e.amount_minor END), 0) AS reserved_in_period,
        coalesce(sum(CASE WHEN a.kind = \(payable) AND t.kind = \(TransferKind.release.sqlLiteral)\(inPeriod)
          THEN -e.amount_minor END), 0) AS released_in_period,
        coalesce(sum(CASE WHEN a.kind = \(paid)\(inPeriod) THEN e.amount_minor END), 0)
          AS paid_in_period,
        coalesce(sum(CASE WHEN a.kind = \(payable) THEN e.amount_minor END), 0) AS reserved,
        coalesce(sum(CASE WHEN a.kind = \(paid) THEN e.amount_minor END), 0) AS paid,
        coalesce(sum(CASE WHEN a.id = o.id AND t.kind IN (\(TransferKind.allCases.filter(\.isCredit).sqlLiteral))
          THEN e.amount_minor END), 0) AS credited,
        coalesce(sum(CASE WHEN a.id = o.id THEN e.amount_minor END), 0) AS available
      FROM \(byDate && asOf ? figuresByDate : figuresByAccount)
      WHERE o.kind IN (\([Kind.budget, .fund].sqlLiteral))\(asOf ? " AND t.on_date <= ?" : "")\(filter)
      GROUP BY o.id ORDER BY o.kind, o.code
      """
  }

  /// The joins of `figuresSQL` from the owners: each budget or fund, its accounts, their entries.
  private static let figuresByAccount = """
    ledger_account o
      JOIN ledger_account a ON a.id = o.id OR a.owner_id = o.id
      JOIN ledger_entry e ON e.account_id = a.id
      JOIN ledger_transfer t ON t.id = e.transfer_id
    """

  /// The joins of `figuresSQL` from the transfers (in this order: `CROSS JOIN` keeps it), each
  /// entry's account and the budget or fund that owns it (itself, or its `owner_id`).
  private static let figuresByDate = """
    ledger_transfer t
      CROSS JOIN ledger_entry e ON e.transfer_id = t.id
      CROSS JOIN ledger_account a ON a.id = e.account_id
      CROSS JOIN ledger_account o ON o.id = coalesce(a.owner_id, a.id)
    """

  /// The figures of every budget and fund with entries dated up to `asOf` (all when nil); the
  /// period is `since`…`asOf` (the whole history when nil). `filter` narrows the owners (`o`),
  /// with its `values`; `byDate` reads the ledger from the transfers' dates (`figuresSQL`).
  func figures(
    asOf: String? = nil, since: String? = nil, byDate: Bool = false, filter: String = "",
    _ values: [any SQLBindable] = []
  ) throws -> [Figures] {
    let bounds: [any SQLBindable] =
      (since.map { Array(repeating: $0, count: 3) } ?? []) + (asOf.map { [$0] } ?? [])
    let sql = Ledger.figuresSQL(
      since: since != nil, asOf: asOf != nil, byDate: byDate, filter: filter)
    return try db.prepare(sql)
      .map(with: bounds + values) { row in
        Figures(
          ownerID: row.int("id"), code: row.text("code"), kind: Kind(rawValue: row.text("kind"))!,
          currency: row.text("currency"), districtID: row.optionalInt("district_id"),
          conservancyID: row.optionalInt("conservancy_id"), year: row.optionalInt("year"),
          credited: row.int("credited"), reserved: row.int("reserved"), paid: row.int("paid"),
          available: row.int("available"), reservedInPeriod: row.int("reserved_in_period"),
          releasedInPeriod: row.int("released_in_period"), paidInPeriod: row.int("paid_in_period"))
      }
  }

  /// The figures of the budget or fund `code` (nil when it has no entries dated by `asOf`).
  func figures(of code: String, asOf: String? = nil, since: String? = nil) throws -> Figures? {
    try figures(asOf: asOf, since: since, filter: " AND o.code = ?", [code]).first
  }
}
