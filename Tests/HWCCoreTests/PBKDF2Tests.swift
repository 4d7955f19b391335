import HWCCore
import Testing

/// PBKDF2-HMAC-SHA256 against RFC 7914 §11 and the published RFC 6070-style vectors, and against
/// the plain definition of RFC 8018 §5.2 built from whole HMACs; every expected value was checked
/// with Python's `hashlib.pbkdf2_hmac` before it was written here.
@Suite struct PBKDF2Tests {
  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  /// Password, salt, iterations, derived bytes in hex (its length is the requested length):
  /// the two of RFC 7914 §11, then the RFC 6070 cases computed with SHA-256.
  static let published: [(String, String, Int, String)] = [
    (
      "passwd", "salt", 1,
      "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
    ),
    (
      "Password", "NaCl", 80_000,
      "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
        + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"
    ),
    ("password", "salt", 1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
    ("password", "salt", 2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
    ("password", "salt", 4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
    (
      "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096,
      "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"
    ),
    ("pass\0word", "sa\0lt", 4096, "89b69d0516f829893c696226650a8687"),
  ]

  @Test(arguments: 0..<published.count)
  func publishedVector(index: Int) {
    let (password, salt, iterations, expected) = Self.published[index]
    let derived = PBKDF2.sha256(
      password: Self.bytes(password), salt: Self.bytes(salt), iterations: iterations,
      length: expected.count / 2)
    #expect(SHA256.hex(derived) == expected)
  }

  /// RFC 8018 §5.2 word for word: every U is a whole HMAC under the key, prepared afresh.
  static func definition(
    password: [UInt8], salt: [UInt8], iterations: Int, length: Int
  ) -> [UInt8] {
    var derived: [UInt8] = []
    var index: UInt32 = 1
    while derived.count < length {
      let counter = withUnsafeBytes(of: index.bigEndian) { Array($0) }
      var u = HMACSHA256.mac(key: password, message: salt + counter)
      var t = u
      for _ in 1..<iterations {
        u = HMACSHA256.mac(key: password, message: u)
        t = zip(t, u).map { $0 ^ $1 }
      }
      derived += t
      index += 1
    }
    return Array(derived.prefix(length))
  }

  @Test("Precomputed key states give the plain definition (seeded passwords, salts, lengths)")
  func matchesDefinition() {
    var random = SplitMix64(seed: 8018)
    for _ in 0..<40 {
      let password = (0..<random.int(0...100)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      let salt = (0..<random.int(0...40)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      let iterations = random.int(1...40)
      let length = random.int(1...80)
      let derived = PBKDF2.sha256(
        password: password, salt: salt, iterations: iterations, length: length)
      let expected = Self.definition(
        password: password, salt: salt, iterations: iterations, length: length)
      #expect(derived == expected, "key \(password.count) B, \(iterations) iterations")
    }
  }
}
