import Testing

@testable import HWCCore

/// Tests of `SHA256` against published FIPS 180-2 / NIST vectors and `sha256sum` output.
@Suite("SHA-256")
struct SHA256Tests {
  /// A message and its expected lowercase hex digest.
  struct Vector: Sendable, CustomTestStringConvertible {
    let name: String
    let message: String
    let digest: String
    var testDescription: String { name }
  }

  /// The examples published with FIPS 180-2 (and NIST's SHA-256 example values).
  static let publishedVectors: [Vector] = [
    Vector(
      name: "empty string", message: "",
      digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    Vector(
      name: "abc", message: "abc",
      digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    Vector(
      name: "448-bit message",
      message: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    Vector(
      name: "896-bit message",
      message: "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
        + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
  ]

  /// Digests of n repetitions of "a", computed with the system tool:
  /// `head -c n /dev/zero | tr '\0' 'a' | sha256sum`. They straddle the padding boundaries
  /// (55/56 bytes: length field fits or spills into a second block; 63/64/65: block edge).
  static let repeatedA: [(Int, String)] = [
    (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
    (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
    (57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"),
    (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
    (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
    (111, "6374f73208854473827f6f6a3f43b1f53eaa3b82c21c1a6d69a2110b2a79baad"),
    (112, "f54353008a2553262ecdc4a34749563ba0950e8b0fc8652780b0a614b99683c1"),
    (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
    (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    (127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a"),
    (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
    (1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
  ]

  /// Piece sizes for the incremental tests, including 1, 63, 64 and 65 bytes.
  static let pieceSizes: [Int] = [1, 2, 3, 7, 55, 56, 63, 64, 65, 127, 128, 129, 1000]

  /// A deterministic test message of `count` bytes covering every byte value.
  static func message(count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
  }

  @Test("Published FIPS 180-2 vectors", arguments: publishedVectors)
  func publishedVector(_ vector: Vector) {
    #expect(SHA256.hexHash(vector.message) == vector.digest)
    #expect(SHA256.hex(SHA256.hash(Array(vector.message.utf8))) == vector.digest)
  }

  @Test("One million repetitions of 'a'")
  func millionA() {
    let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(SHA256.hex(SHA256.hash(bytes)) == expected)

    // The same message fed 1000 times as a 1000-character string.
    var hasher = SHA256()
    let chunk = String(repeating: "a", count: 1000)
    for _ in 0..<1000 { hasher.update(chunk) }
    #expect(SHA256.hex(hasher.finalize()) == expected)
  }

  @Test("Padding boundaries match sha256sum", arguments: repeatedA)
  func paddingBoundary(_ count: Int, _ expected: String) {
    let text = String(repeating: "a", count: count)
    #expect(SHA256.hexHash(text) == expected)
    #expect(SHA256.hex(SHA256.hash([UInt8](repeating: 0x61, count: count))) == expected)
  }

  @Test("Padding boundaries match sha256sum when fed byte by byte", arguments: repeatedA)
  func paddingBoundaryByteByByte(_ count: Int, _ expected: String) {
    var hasher = SHA256()
    for _ in 0..<count { hasher.update([0x61]) }
    #expect(SHA256.hex(hasher.finalize()) == expected)
  }

  @Test("Multi-byte UTF-8 text is hashed as its UTF-8 bytes (sha256sum)")
  func utf8Text() {
    // printf 'Zürich — 東京 €5 🙂' | sha256sum
    let text = "Zürich — 東京 €5 🙂"
    let expected = "2eed13a1440e308dca16dbb8fcb3cfdfd717782f5d50d1caf472e1d8c348ef66"
    #expect(SHA256.hexHash(text) == expected)
    #expect(SHA256.hash(text) == SHA256.hash(Array(text.utf8)))
    // A string rebuilt from a substring must give the same bytes too.
    let substringText = String(("xx" + text + "yy").dropFirst(2).dropLast(2))
    #expect(SHA256.hexHash(substringText) == expected)
  }

  @Test("Fixed-size pieces give the one-shot digest", arguments: pieceSizes)
  func fixedPieces(_ pieceSize: Int) {
    for total in [0, 1, 55, 56, 63, 64, 65, 200, 1000, 4097] {
      let bytes = Self.message(count: total)
      var hasher = SHA256()
      var start = 0
      while start < total {
        let end = min(start + pieceSize, total)
        hasher.update(Array(bytes[start..<end]))
        start = end
      }
      #expect(hasher.finalize() == SHA256.hash(bytes), "total \(total), piece \(pieceSize)")
    }
  }

  @Test("Uneven sequence 1, 63, 64, 65 bytes gives the one-shot digest")
  func unevenSequence() {
    let sizes = [1, 63, 64, 65, 0, 1, 127, 128, 129, 55, 9]
    let bytes = Self.message(count: sizes.reduce(0, +))
    var hasher = SHA256()
    var start = 0
    for size in sizes {
      hasher.update(Array(bytes[start..<(start + size)]))
      start += size
    }
    #expect(hasher.finalize() == SHA256.hash(bytes))
  }

  @Test("Random splits give the one-shot digest", arguments: [1, 2, 3, 42, 2024])
  func randomSplits(_ seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let total = Int.random(in: 0...5000, using: &random)
    let bytes = Self.message(count: total)
    let expected = SHA256.hash(bytes)
    for _ in 0..<20 {
      var hasher = SHA256()
      var start = 0
      while start < total {
        let size = Int.random(in: 0...min(300, total - start), using: &random)
        bytes[start..<(start + size)].withUnsafeBytes { hasher.update($0) }
        start += size
      }
      #expect(hasher.finalize() == expected, "seed \(seed), total \(total)")
    }
  }

  @Test("Raw buffer, byte array and string updates agree")
  func updateOverloadsAgree() {
    let text = "The quick brown fox jumps over the lazy dog"
    let expected = "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"
    var fromText = SHA256()
    fromText.update(text)
    var fromArray = SHA256()
    fromArray.update(Array(text.utf8))
    var fromRaw = SHA256()
    Array(text.utf8).withUnsafeBytes { fromRaw.update($0) }
    let digests = [fromText.finalize(), fromArray.finalize(), fromRaw.finalize()]
    #expect(digests.allSatisfy { SHA256.hex($0) == expected })
  }

  @Test("Slices, raw buffers and non-contiguous collections hash like the array of their bytes")
  func collectionOverloads() {
    let bytes = Self.message(count: 1000)
    let expected = SHA256.hash(Array(bytes[3..<700]))
    #expect(SHA256.hash(bytes[3..<700]) == expected)
    #expect(
      bytes.withUnsafeBytes { SHA256.hash(UnsafeRawBufferPointer(rebasing: $0[3..<700])) }
        == expected)
    #expect(SHA256.hash((3..<700).lazy.map { bytes[$0] }) == expected)
    var hasher = SHA256()
    hasher.update(bytes[3..<100])
    hasher.update((100..<700).lazy.map { bytes[$0] })
    #expect(hasher.finalize() == expected)
    // 1000 × "a", as in `repeatedA` (sha256sum).
    #expect(
      SHA256.hex(SHA256.hash(repeatElement(UInt8(ascii: "a"), count: 1000)))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  @Test("Empty updates change nothing")
  func emptyUpdates() {
    var hasher = SHA256()
    hasher.update([])
    hasher.update("")
    hasher.update(UnsafeRawBufferPointer(start: nil, count: 0))
    hasher.update("abc")
    hasher.update([])
    #expect(SHA256.hex(hasher.finalize()) == SHA256.hexHash("abc"))
  }

  @Test("Digests are 32 bytes")
  func digestLength() {
    #expect(SHA256.hash("").count == 32)
    #expect(SHA256.hash(Self.message(count: 1000)).count == 32)
  }

  @Test("hex is lowercase, two digits per byte")
  func hexFormatting() {
    #expect(SHA256.hex([]) == "")
    let bytes: [UInt8] = [0x00, 0x01, 0x0a, 0x0f, 0x10, 0xab, 0xcd, 0xef, 0xff]
    #expect(SHA256.hex(bytes) == "00010a0f10abcdefff")
    #expect(SHA256.hex(Array(0...255)).count == 512)
    #expect(SHA256.hexHash("abc").count == 64)
  }
}
