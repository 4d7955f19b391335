import HWCCore
import HWCDomain
import HWCStore

extension Register {
  /// The ledger invariants (SPEC §6), each a query that returns the first thing that breaks it,
  /// in words. An empty result means the ledger is sound.
  static let ledgerInvariants: [(name: String, sql: String)] = [
    (
      "every transfer balances",
      """
      SELECT 'transfer #' || t.id || ' (' || t.kind || ') does not balance: its entries sum to '
        || coalesce(sum(e.amount_minor), 0) || ' over ' || count(e.id) || ' entries' AS problem
      FROM ledger_transfer t LEFT JOIN ledger_entry e ON e.transfer_id = t.id
      GROUP BY t.id HAVING coalesce(sum(e.amount_minor), 0) != 0 OR count(e.id) < 2 LIMIT 1
      """
    ),
    (
      "one currency per transfer",
      """
      SELECT 'transfer #' || e.transfer_id || ' mixes currencies' AS problem
      FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
      GROUP BY e.transfer_id HAVING count(DISTINCT a.currency) > 1 LIMIT 1
      """
    ),
    (
      "balances equal the sum of their entries",
      """
      SELECT 'account ' || a.code || ' shows a balance of ' || a.balance_minor
        || ' but its entries sum to ' || coalesce(s.total, 0) AS problem
      FROM ledger_account a LEFT JOIN (
        SELECT account_id, sum(amount_minor) AS total FROM ledger_entry GROUP BY account_id) s
        ON s.account_id = a.id
      WHERE a.balance_minor != coalesce(s.total, 0) LIMIT 1
      """
    ),
    (
      "no account below zero",
      """
      SELECT 'account ' || a.code || ' is below zero: ' || s.total AS problem
      FROM ledger_account a JOIN (
        SELECT account_id, sum(amount_minor) AS total FROM ledger_entry GROUP BY account_id) s
        ON s.account_id = a.id
      WHERE (a.kind != \(Ledger.Kind.source.sqlLiteral) AND s.total < 0)
        OR (a.kind = \(Ledger.Kind.source.sqlLiteral) AND s.total > 0) LIMIT 1
      """
    ),
    (
      "reserved + paid never exceed what was credited",
      """
      SELECT code || ': reserved + paid ' || (reserved + paid) || ' exceed credited ' || credited AS problem
      FROM (\(Ledger.figuresSQL()))
      WHERE reserved + paid > credited LIMIT 1
      """
    ),
    (
      "money follows each complaint's status",
      """
      WITH money AS (
        SELECT t.complaint_id AS id,
          sum(CASE WHEN a.kind = \(Ledger.Kind.payable.sqlLiteral) THEN e.amount_minor ELSE 0 END)
            AS reserved,
          sum(CASE WHEN a.kind = \(Ledger.Kind.paid.sqlLiteral) THEN e.amount_minor ELSE 0 END) AS paid
        FROM ledger_transfer t JOIN ledger_entry e ON e.transfer_id = t.id
        JOIN ledger_account a ON a.id = e.account_id
        WHERE t.complaint_id IS NOT NULL GROUP BY t.complaint_id),
      expected AS (
        SELECT c.id, c.code, c.status, coalesce(a.amount_minor, 0) AS amount FROM complaint c
        LEFT JOIN assessment a ON a.id = \(ReadSQL.latestAssessment(of: "c.id"))
        WHERE c.status IN (\(ComplaintStatus.allCases.filter(\.isCommitted).sqlLiteral))
          OR c.id IN (SELECT id FROM money))
      SELECT x.code || ' is ' || x.status || ' but the ledger holds ' || coalesce(m.reserved, 0)
        || ' reserved and ' || coalesce(m.paid, 0) || ' paid for it (assessed ' || x.amount || ')' AS problem
      FROM expected x LEFT JOIN money m ON m.id = x.id
      WHERE NOT (
        (x.status = \(ComplaintStatus.approved.sqlLiteral) AND coalesce(m.reserved, 0) = x.amount
          AND coalesce(m.paid, 0) = 0)
        OR (x.status = \(ComplaintStatus.paid.sqlLiteral) AND coalesce(m.reserved, 0) = 0
          AND coalesce(m.paid, 0) = x.amount)
        OR (x.status NOT IN (\(ComplaintStatus.allCases.filter(\.isCommitted).sqlLiteral))
          AND coalesce(m.reserved, 0) = 0
          AND coalesce(m.paid, 0) = 0))
      LIMIT 1
      """
    ),
  ]

  /// The first breach of each ledger invariant, in words; empty when the ledger is sound.
  public func ledgerProblems() throws -> [String] {
    try db.transaction(.deferred) {
      try Register.ledgerInvariants.compactMap { invariant in
        try db.prepare(invariant.sql).first { $0.text("problem") }.map {
          "\(invariant.name): \($0)"
        }
      }
    }
  }
}
