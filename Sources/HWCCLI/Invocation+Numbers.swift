import HWCDomain

extension Invocation {
  /// The whole number given to option `name` (nil when it was not given), at least `minimum`;
  /// anything else is refused naming the option.
  func wholeNumber(_ name: String, field: Field, minimum: Int) throws -> Int? {
    guard let text = value(name) else { return nil }
    guard let number = Int(text.trimmingSpaces), number >= minimum else {
      let kind = minimum > 0 ? "a positive whole number" : "a whole number, 0 or more"
      throw DomainError.invalid(field: field, "'\(text)' is not \(kind)")
    }
    return number
  }
}
