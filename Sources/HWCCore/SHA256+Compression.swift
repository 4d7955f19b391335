import CSHA256

extension SHA256 {
  /// The implementations of the SHA-256 compression function; they give identical results.
  enum Engine: Sendable {
    /// Portable Swift, on any CPU.
    case portable
    /// The x86 SHA extensions (`sha256rnds2`, `sha256msg1`, `sha256msg2`), in C (CSHA256).
    case cpuExtensions

    /// The fastest engine this CPU runs: the SHA extensions when CPUID reports them (x86-64).
    static let fastest: Engine = hwc_sha256_has_extensions() != 0 ? .cpuExtensions : .portable
  }

  /// The chaining value: the eight 32-bit words H0…H7, in host order.
  ///
  /// A homogeneous tuple, so its memory is eight consecutive words that C can take as
  /// `uint32_t[8]`.
  struct ChainingValue: Sendable {
    /// H0 through H7.
    var words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// The initial hash value of FIPS 180-4 §5.3.3.
    static var initial: ChainingValue {
      ChainingValue(
        words: (
          0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
          0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        ))
    }

    /// Holds the given words.
    init(words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)) {
      self.words = words
    }

    /// Reads eight words stored big-endian in 32 bytes at `input` (a digest).
    init(bigEndianFrom input: UnsafeRawPointer) {
      func word(_ offset: Int) -> UInt32 {
        UInt32(bigEndian: input.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
      }
      words = (word(0), word(4), word(8), word(12), word(16), word(20), word(24), word(28))
    }

    /// XORs `other` into these words, word by word.
    mutating func formXOR(_ other: ChainingValue) {
      words.0 ^= other.words.0
      words.1 ^= other.words.1
      words.2 ^= other.words.2
      words.3 ^= other.words.3
      words.4 ^= other.words.4
      words.5 ^= other.words.5
      words.6 ^= other.words.6
      words.7 ^= other.words.7
    }

    /// Writes the eight words big-endian (the digest's byte order) to 32 bytes at `output`.
    func store(bigEndianTo output: UnsafeMutableRawPointer) {
      output.storeBytes(of: words.0.bigEndian, toByteOffset: 0, as: UInt32.self)
      output.storeBytes(of: words.1.bigEndian, toByteOffset: 4, as: UInt32.self)
      output.storeBytes(of: words.2.bigEndian, toByteOffset: 8, as: UInt32.self)
      output.storeBytes(of: words.3.bigEndian, toByteOffset: 12, as: UInt32.self)
      output.storeBytes(of: words.4.bigEndian, toByteOffset: 16, as: UInt32.self)
      output.storeBytes(of: words.5.bigEndian, toByteOffset: 20, as: UInt32.self)
      output.storeBytes(of: words.6.bigEndian, toByteOffset: 24, as: UInt32.self)
      output.storeBytes(of: words.7.bigEndian, toByteOffset: 28, as: UInt32.self)
    }
  }

  /// Runs the compression function of `engine` over `blocks` consecutive 64-byte blocks at
  /// `input` (any alignment).
  @inline(__always)
  static func compress(
    _ state: inout ChainingValue, _ input: UnsafeRawPointer, blocks: Int, engine: Engine
  ) {
    #if arch(x86_64)
      if engine == .cpuExtensions {
        withUnsafeMutablePointer(to: &state.words) { tuple in
          tuple.withMemoryRebound(to: UInt32.self, capacity: 8) { words in
            hwc_sha256_compress_extensions(words, input, blocks)
          }
        }
        return
      }
    #endif
    compressPortable(&state, input, blocks: blocks)
  }

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

  /// The portable compression function over `blocks` consecutive 64-byte blocks at `input`.
  ///
  /// The message schedule lives in one stack-allocated 64-word buffer reused for every block.
  static func compressPortable(
    _ state: inout ChainingValue, _ input: UnsafeRawPointer, blocks: Int
  ) {
    // K0…K63 of FIPS 180-4 §4.2.2, one table shared with the C engine.
    let k = UnsafeBufferPointer(start: hwc_sha256_round_constants(), count: 64)
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      var block = input
      var (h0, h1, h2, h3, h4, h5, h6, h7) = state.words
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
      state.words = (h0, h1, h2, h3, h4, h5, h6, h7)
    }
  }
}
