import HWCCore

extension Quarter {
  /// Parses `YYYY-Qn`; the refusal names `--quarter`.
  public init(_ text: String) throws {
    guard let quarter = Quarter(parsing: text) else {
      throw DomainError.invalid(
        field: .quarter, "'\(text)' is not a quarter (YYYY-Qn, e.g. 2026-Q3)")
    }
    self = quarter
  }
}
