/// HMAC-SHA256 as specified by RFC 2104 (tested against the vectors of RFC 4231).
///
/// The key's inner and outer hashers are prepared once, so that computing many MACs under one key
/// (as PBKDF2 does) costs two SHA-256 compressions per short message.
public struct HMACSHA256: Sendable {
  /// The hasher after the key XOR ipad block.
  let inner: SHA256
  /// The hasher after the key XOR opad block.
  let outer: SHA256

  /// The SHA-256 block size, in bytes.
  private static let blockSize = 64

  /// Prepares the MAC for `key` (a key longer than a block is hashed first).
  public init(key: [UInt8]) {
    var block = key.count > Self.blockSize ? SHA256.hash(key) : key
    block += [UInt8](repeating: 0, count: Self.blockSize - block.count)
    var inner = SHA256()
    inner.update(block.map { $0 ^ 0x36 })
    var outer = SHA256()
    outer.update(block.map { $0 ^ 0x5c })
    self.inner = inner
    self.outer = outer
  }

  /// The 32-byte MAC of `message`.
  public func authenticate(_ message: [UInt8]) -> [UInt8] {
    var hasher = inner
    hasher.update(message)
    var result = outer
    result.update(hasher.finalize())
    return result.finalize()
  }

  /// The MAC of `message` under `key`.
  public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
    HMACSHA256(key: key).authenticate(message)
  }
}

/// Byte comparisons whose time does not depend on where the inputs differ.
public enum ConstantTime {
  /// True when `a` and `b` are equal; looks at every byte of both whatever they hold.
  public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
    let count = max(a.count, b.count)
    for index in 0..<count {
      let x = index < a.count ? a[index] : 0
      let y = index < b.count ? b[index] : 0
      difference |= x ^ y
    }
    return difference == 0
  }
}
