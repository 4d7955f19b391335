import HWCRules

extension Payer {
  /// `budget` or `fund`: the kind of the payer's ledger account, as reports and letters name it.
  var kind: PayerKind {
    switch self {
    case .budget: .budget
    case .fund: .fund
    }
  }
}
