import HWCCore

/// The register's stored passphrases (`SecretHash`) and hex reading, for the national register,
/// which keeps its own users the same way.
public enum Passphrase {
  /// The stored form of `passphrase` (PBKDF2-HMAC-SHA256 with a new random salt).
  public static func stored(_ passphrase: String) -> String {
    SecretHash(passphrase: passphrase).stored
  }

  /// True when `passphrase` matches the stored form `stored` (compared in constant time).
  public static func matches(_ passphrase: String, stored: String) -> Bool {
    SecretHash(stored: stored)?.matches(passphrase) ?? false
  }

  /// The bytes written as hex digits in `text`; nil when it is not an even run of hex digits.
  public static func hexBytes(_ text: String) -> [UInt8]? { Hex.bytes(text) }
}
