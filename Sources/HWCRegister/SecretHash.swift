import HWCCore

/// A passphrase as stored: `pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX` (PBKDF2-HMAC-SHA256, a
/// 16-byte random salt, a 32-byte hash). The iteration count is stored with each hash, so it can
/// be raised for new passphrases without invalidating old ones.
struct SecretHash: Equatable {
  static let algorithm = "pbkdf2-sha256"

  /// Iterations for new passphrases: one derivation takes about 0.02 s of CPU compiled with -O on
  /// the 2-core development machine with the CPU's SHA extensions (2026-11-30; two compressions,
  /// about 0.12 µs, an iteration), about 0.1 s with the portable SHA-256 or in a debug build
  /// (see README, "Who did what").
  static let standardIterations = 150_000

  /// The iterations new passphrases get. Only tests lower it (through `@testable import`), so
  /// that fixtures making many users stay fast; nothing a user can set reaches it.
  nonisolated(unsafe) static var iterationsForNewSecrets = standardIterations

  let iterations: Int
  let salt: [UInt8]
  let hash: [UInt8]

  /// Hashes `passphrase` with a new random salt.
  init(passphrase: String, iterations: Int = SecretHash.iterationsForNewSecrets) {
    let salt = Randomness.bytes(16)
    self.init(
      iterations: iterations, salt: salt,
      hash: PBKDF2.sha256(
        password: Array(passphrase.utf8), salt: salt, iterations: iterations, length: 32))
  }

  init(iterations: Int, salt: [UInt8], hash: [UInt8]) {
    self.iterations = iterations
    self.salt = salt
    self.hash = hash
  }

  /// Reads the stored form; nil when it is not one.
  init?(stored: String) {
    let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == Self.algorithm, let iterations = Int(parts[1]),
      iterations > 0, let salt = Hex.bytes(String(parts[2])),
      let hash = Hex.bytes(String(parts[3])),
      hash.count == 32
    else { return nil }
    self.init(iterations: iterations, salt: salt, hash: hash)
  }

  /// The stored form.
  var stored: String {
    "\(Self.algorithm)$\(iterations)$\(SHA256.hex(salt))$\(SHA256.hex(hash))"
  }

  /// True when `passphrase` derives to this hash (compared in constant time).
  func matches(_ passphrase: String) -> Bool {
    let derived = PBKDF2.sha256(
      password: Array(passphrase.utf8), salt: salt, iterations: iterations, length: hash.count)
    return ConstantTime.equal(derived, hash)
  }
}

/// Random bytes, setup codes and session tokens from the system's generator.
enum Randomness {
  static func bytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
  }

  /// A one-time setup code of 20 letters and digits in groups of 5 (about 100 bits), without
  /// letters easily mistaken for digits.
  static func setupCode() -> String {
    let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    var generator = SystemRandomNumberGenerator()
    let characters = (0..<20).map { _ in
      alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
    }
    return stride(from: 0, to: 20, by: 5).map { String(characters[$0..<$0 + 5]) }
      .joined(separator: "-")
  }

  /// A session token: 32 random bytes as hex.
  static func token() -> String { SHA256.hex(bytes(32)) }
}

/// Hex digits to bytes.
enum Hex {
  static func bytes(_ text: String) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(digits.count / 2)
    for index in stride(from: 0, to: digits.count, by: 2) {
      guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
      result.append(high << 4 | low)
    }
    return result
  }

  private static func value(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}

/// A setup code as stored: `sha256$HEX` of the code without dashes, upper-cased.
enum SetupCode {
  static func stored(_ code: String) -> String {
    "sha256$" + SHA256.hex(SHA256.hash(normalized(code)))
  }

  static func normalized(_ code: String) -> String {
    String(code.uppercased().filter { $0 != "-" && $0 != " " })
  }

  static func matches(_ code: String, stored: String) -> Bool {
    ConstantTime.equal(Array(Self.stored(code).utf8), Array(stored.utf8))
  }
}
