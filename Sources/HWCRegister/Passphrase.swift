import HWCCore

/// The register's stored passphrases (`SecretHash`), for the national register, which keeps its
/// own users the same way.
public enum Passphrase {
  /// The stored form of `passphrase` (PBKDF2-HMAC-SHA256 with a new random salt).
  public static func stored(_ passphrase: String) -> String {
    SecretHash(passphrase: passphrase).stored
  }

  /// True when `passphrase` matches the stored form `stored` (compared in constant time).
  public static func matches(_ passphrase: String, stored: String) -> Bool {
    SecretHash(stored: stored)?.matches(passphrase) ?? false
  }
}
