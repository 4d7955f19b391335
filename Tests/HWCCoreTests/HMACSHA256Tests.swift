import HWCCore
import Testing

/// HMAC-SHA256 against RFC 4231 (PBKDF2 is in `PBKDF2Tests`); every expected value was checked
/// with Python's hmac before it was written here.
@Suite struct HMACSHA256Tests {
  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
  static func repeated(_ byte: UInt8, _ count: Int) -> [UInt8] {
    [UInt8](repeating: byte, count: count)
  }

  /// RFC 4231 §4.2–4.8: key, data, HMAC-SHA-256 (test case 5 is truncated to 128 bits).
  static let cases: [(Int, [UInt8], [UInt8], String)] = [
    (
      1, repeated(0x0b, 20), bytes("Hi There"),
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    ),
    (
      2, bytes("Jefe"), bytes("what do ya want for nothing?"),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    ),
    (
      3, repeated(0xaa, 20), repeated(0xdd, 50),
      "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
    ),
    (
      4, Array(1...25), repeated(0xcd, 50),
      "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
    ),
    (5, repeated(0x0c, 20), bytes("Test With Truncation"), "a3b6167473100ee06e0c796c2955552b"),
    (
      6, repeated(0xaa, 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First"),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
    ),
    (
      7, repeated(0xaa, 131),
      bytes(
        "This is a test using a larger than block-size key and a larger than block-size data."
          + " The key needs to be hashed before being used by the HMAC algorithm."),
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
    ),
  ]

  @Test(arguments: cases.map(\.0))
  func rfc4231TestCase(number: Int) {
    let (_, key, data, expected) = Self.cases[number - 1]
    let mac = SHA256.hex(HMACSHA256.mac(key: key, message: data))
    #expect(String(mac.prefix(expected.count)) == expected)
  }

  @Test func constantTimeEqualityComparesWholeValues() {
    #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
    #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
    #expect(!ConstantTime.equal([1, 2, 3], [1, 2]))
    #expect(ConstantTime.equal([], []))
  }
}
