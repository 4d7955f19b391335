/// SHA-256 as specified by FIPS 180-4.
///
/// Feed the message with any number of `update` calls, then call `finalize()` once to obtain the
/// 32-byte digest. Full 64-byte blocks are compressed straight from the caller's memory; only a
/// trailing partial block is copied into fixed inline storage, so hashing allocates nothing on
/// the heap.
public struct SHA256: Sendable {
  /// The eight 32-bit words of the intermediate hash value (H0 through H7).
  private var state: State
  /// Bytes of a not yet complete block, kept inline (64 bytes).
  private var buffer: Block
  /// How many leading bytes of `buffer` are in use (always below 64 between calls).
  private var bufferCount: Int
  /// Total message length so far, in bytes.
  private var length: UInt64

  /// The chaining value: eight 32-bit words.
  private struct State: Sendable {
    var h0: UInt32, h1: UInt32, h2: UInt32, h3: UInt32
    var h4: UInt32, h5: UInt32, h6: UInt32, h7: UInt32
  }

  /// Inline storage for one 64-byte block.
  private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

  /// The block size of SHA-256, in bytes.
  private static let blockSize = 64

  /// Creates a hasher holding the initial hash value of FIPS 180-4 §5.3.3.
  public init() {
    state = State(
      h0: 0x6a09_e667, h1: 0xbb67_ae85, h2: 0x3c6e_f372, h3: 0xa54f_f53a,
      h4: 0x510e_527f, h5: 0x9b05_688c, h6: 0x1f83_d9ab, h7: 0x5be0_cd19)
    buffer = (0, 0, 0, 0, 0, 0, 0, 0)
    bufferCount = 0
    length = 0
  }

  /// Appends the bytes of a raw buffer to the message.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    var input = base
    var remaining = bytes.count
    length &+= UInt64(remaining)

    if bufferCount > 0 {
      let take = min(Self.blockSize - bufferCount, remaining)
      let offset = bufferCount
      withUnsafeMutableBytes(of: &buffer) { block in
        (block.baseAddress! + offset).copyMemory(from: input, byteCount: take)
      }
      bufferCount += take
      input += take
      remaining -= take
      guard bufferCount == Self.blockSize else { return }
      compressBuffer()
    }

    let fullBlocks = remaining / Self.blockSize
    if fullBlocks > 0 {
      Self.compress(&state, input, blocks: fullBlocks)
      input += fullBlocks * Self.blockSize
      remaining -= fullBlocks * Self.blockSize
    }

    if remaining > 0 {
      withUnsafeMutableBytes(of: &buffer) { block in
        block.baseAddress!.copyMemory(from: input, byteCount: remaining)
      }
      bufferCount = remaining
    }
  }

  /// Appends an array of bytes to the message.
  public mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Appends the UTF-8 encoding of a string to the message.
  public mutating func update(_ text: String) {
    var text = text
    text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
  }

  /// Pads the message and returns its 32-byte digest.
  ///
  /// This consumes the hasher: once `finalize()` has been called, the value must not be updated
  /// or finalized again (the results would be meaningless). Start a new `SHA256()` instead.
  public mutating func finalize() -> [UInt8] {
    let bitLength = length &<< 3
    let count = bufferCount
    withUnsafeMutableBytes(of: &buffer) { block in
      block[count] = 0x80
      for index in (count + 1)..<Self.blockSize { block[index] = 0 }
    }
    if count >= Self.blockSize - 8 {
      compressBuffer()
      withUnsafeMutableBytes(of: &buffer) { block in
        for index in 0..<Self.blockSize { block[index] = 0 }
      }
    }
    withUnsafeMutableBytes(of: &buffer) { block in
      block.storeBytes(
        of: bitLength.bigEndian, toByteOffset: Self.blockSize - 8, as: UInt64.self)
    }
    compressBuffer()
    bufferCount = 0

    let words = [
      state.h0, state.h1, state.h2, state.h3, state.h4, state.h5, state.h6, state.h7,
    ]
    return [UInt8](unsafeUninitializedCapacity: 32) { digest, initialized in
      for (index, word) in words.enumerated() {
        digest[index * 4] = UInt8(truncatingIfNeeded: word &>> 24)
        digest[index * 4 + 1] = UInt8(truncatingIfNeeded: word &>> 16)
        digest[index * 4 + 2] = UInt8(truncatingIfNeeded: word &>> 8)
        digest[index * 4 + 3] = UInt8(truncatingIfNeeded: word)
      }
      initialized = 32
    }
  }

  /// Returns the SHA-256 digest (32 bytes) of an array of bytes.
  public static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Returns the SHA-256 digest (32 bytes) of the UTF-8 encoding of a string.
  public static func hash(_ text: String) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(text)
    return hasher.finalize()
  }

  /// Formats a digest (or any bytes) as lowercase hexadecimal, two digits per byte.
  public static func hex(_ digest: [UInt8]) -> String {
    let digits: StaticString = "0123456789abcdef"
    return digits.withUTF8Buffer { table in
      let utf8 = [UInt8](unsafeUninitializedCapacity: digest.count * 2) { out, initialized in
        for (index, byte) in digest.enumerated() {
          out[index * 2] = table[Int(byte &>> 4)]
          out[index * 2 + 1] = table[Int(byte & 0x0f)]
        }
        initialized = digest.count * 2
      }
      return String(decoding: utf8, as: UTF8.self)
    }
  }

  /// Returns the lowercase hexadecimal SHA-256 digest of the UTF-8 encoding of a string.
  public static func hexHash(_ text: String) -> String {
    hex(hash(text))
  }

  // MARK: - Compression

  /// Compresses the 64 bytes held in `buffer` into the state.
  private mutating func compressBuffer() {
    var chaining = state
    withUnsafeBytes(of: &buffer) { block in
      Self.compress(&chaining, block.baseAddress!, blocks: 1)
    }
    state = chaining
    bufferCount = 0
  }

  /// The round constants K0 through K63 of FIPS 180-4 §4.2.2.
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  /// Rotates a word right by `count` bits (0 < count < 32).
  @inline(__always)
  private static func rotr(_ word: UInt32, _ count: UInt32) -> UInt32 {
    (word &>> count) | (word &<< (32 &- count))
  }

  /// One round of FIPS 180-4 §6.2.2 step 3, with the working variables renamed instead of moved.
  ///
  /// `kw` is K(t) + W(t). Adds T1 to `d` and stores T1 + T2 in `h`; the caller rotates the roles
  /// of the eight variables from one round to the next.
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
  ) {
    let sigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
    let choose = g ^ (e & (f ^ g))
    let t1 = h &+ sigma1 &+ choose &+ kw
    let sigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
    let majority = (a & b) | (c & (a | b))
    d &+= t1
    h = t1 &+ sigma0 &+ majority
  }

  /// Runs the compression function over `blocks` consecutive 64-byte blocks at `input`.
  ///
  /// The message schedule lives in one stack-allocated 64-word buffer reused for every block.
  private static func compress(_ state: inout State, _ input: UnsafeRawPointer, blocks: Int) {
    roundConstants.withUnsafeBufferPointer { k in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        var block = input
        var h0 = state.h0
        var h1 = state.h1
        var h2 = state.h2
        var h3 = state.h3
        var h4 = state.h4
        var h5 = state.h5
        var h6 = state.h6
        var h7 = state.h7
        for _ in 0..<blocks {
          for t in 0..<16 {
            w[t] = block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self).bigEndian
          }
          for t in 16..<64 {
            let w15 = w[t &- 15]
            let w2 = w[t &- 2]
            let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
            let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
            w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
          }
          var a = h0
          var b = h1
          var c = h2
          var d = h3
          var e = h4
          var f = h5
          var g = h6
          var h = h7
          var t = 0
          while t < 64 {
            round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
            round(h, a, b, &c, d, e, f, &g, k[t &+ 1] &+ w[t &+ 1])
            round(g, h, a, &b, c, d, e, &f, k[t &+ 2] &+ w[t &+ 2])
            round(f, g, h, &a, b, c, d, &e, k[t &+ 3] &+ w[t &+ 3])
            round(e, f, g, &h, a, b, c, &d, k[t &+ 4] &+ w[t &+ 4])
            round(d, e, f, &g, h, a, b, &c, k[t &+ 5] &+ w[t &+ 5])
            round(c, d, e, &f, g, h, a, &b, k[t &+ 6] &+ w[t &+ 6])
            round(b, c, d, &e, f, g, h, &a, k[t &+ 7] &+ w[t &+ 7])
            t &+= 8
          }
          h0 &+= a
          h1 &+= b
          h2 &+= c
          h3 &+= d
          h4 &+= e
          h5 &+= f
          h6 &+= g
          h7 &+= h
          block += 64
        }
        state = State(h0: h0, h1: h1, h2: h2, h3: h3, h4: h4, h5: h5, h6: h6, h7: h7)
      }
    }
  }
}
