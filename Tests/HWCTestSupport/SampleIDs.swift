/// Valid national identifiers of the claimants the test fixtures share, by first name (the worked
/// examples of `NationalIDTests` show their check digits).
public enum SampleIDs {
  /// Yerlan's Kazakh IIN: born 1988-05-12, a man.
  public static let yerlan = "880512300411"
  /// Gulnara's Kazakh IIN: born 1990-07-15, a woman; its check digit needs the second weights.
  public static let gulnara = "900715400236"
  /// Nurlan's Kazakh IIN: born 1975-03-12, a man.
  public static let nurlan = "750312301011"
  /// Asel's Kyrgyz PIN: born 1988-05-15.
  public static let asel = "21505198800345"
}
