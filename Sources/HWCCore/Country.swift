/// A country served by the register; its currency follows from it.
public enum Country: String, Sendable, CaseIterable, Codable {
  /// Kazakhstan: state compensation in tenge.
  case kz = "KZ"
  /// Kyrgyzstan: conservancy buffer funds in som.
  case kg = "KG"

  /// ISO 4217 code of the country's currency.
  public var currency: String {
    switch self {
    case .kz: return "KZT"
    case .kg: return "KGS"
    }
  }
}
