/// PBKDF2 with HMAC-SHA256 as the pseudorandom function (RFC 8018 §5.2; vectors of RFC 7914 §11).
public enum PBKDF2 {
  /// Derives `length` bytes from `password` and `salt` with `iterations` rounds.
  ///
  /// The key's padded inner and outer states are computed once; every iteration after the first
  /// is then two SHA-256 compressions on a fixed 64-byte block, with no allocation.
  public static func sha256(
    password: [UInt8], salt: [UInt8], iterations: Int, length: Int
  ) -> [UInt8] {
    precondition(iterations > 0 && length > 0)
    let prf = HMACSHA256(key: password)
    var derived: [UInt8] = []
    derived.reserveCapacity(length + 32)
    var blockIndex: UInt32 = 1
    while derived.count < length {
      let counter = withUnsafeBytes(of: blockIndex.bigEndian) { Array($0) }
      derived += prf.chainedXOR(first: prf.authenticate(salt + counter), iterations: iterations)
      blockIndex += 1
    }
    return Array(derived.prefix(length))
  }
}

extension HMACSHA256 {
  /// PBKDF2's function F after its first MAC: U1 XOR U2 XOR … XOR Un, where U(i+1) is the MAC of
  /// U(i) and `first` is U1.
  ///
  /// A 32-byte message under a precomputed key state fits one padded block: each MAC compresses
  /// that block from the inner state, writes the result over the block's first 32 bytes, and
  /// compresses it again from the outer state.
  func chainedXOR(first: [UInt8], iterations: Int) -> [UInt8] {
    precondition(first.count == 32)
    let engine = inner.engine
    let innerState = inner.state
    let outerState = outer.state
    return withUnsafeTemporaryAllocation(byteCount: SHA256.blockSize, alignment: 16) { block in
      let base = block.baseAddress!
      block.initializeMemory(as: UInt8.self, repeating: 0)
      first.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: 32) }
      // The padding of a 96-byte message (the key block and 32 bytes): 0x80, then 768 in bits.
      block[32] = 0x80
      base.storeBytes(of: UInt64(768).bigEndian, toByteOffset: 56, as: UInt64.self)
      var sum = SHA256.ChainingValue(bigEndianFrom: base)
      for _ in 1..<max(iterations, 1) {
        var state = innerState
        SHA256.compress(&state, base, blocks: 1, engine: engine)
        state.store(bigEndianTo: base)
        state = outerState
        SHA256.compress(&state, base, blocks: 1, engine: engine)
        state.store(bigEndianTo: base)
        sum.formXOR(state)
      }
      return [UInt8](unsafeUninitializedCapacity: 32) { output, initialized in
        sum.store(bigEndianTo: UnsafeMutableRawPointer(output.baseAddress!))
        initialized = 32
      }
    }
  }
}
