/// The vocabulary as SQL string literals, so that queries spell statuses, kinds and outcomes
/// through their types (`ComplaintStatus`, `TransferKind`, `Ledger.Kind`, …) rather than by hand.
/// The values are the types' own raw values, never input: nothing here is user text.
extension RawRepresentable where RawValue == String {
  /// `'approved'`.
  var sqlLiteral: String { "'\(rawValue)'" }
}

extension Sequence where Element: RawRepresentable, Element.RawValue == String {
  /// `'approved', 'paid'`, for `IN (…)`.
  var sqlLiteral: String { map(\.sqlLiteral).joined(separator: ", ") }
}
