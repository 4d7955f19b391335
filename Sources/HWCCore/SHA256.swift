/// SHA-256 as specified by FIPS 180-4.
///
/// Feed the message with any number of `update` calls, then call `finalize()` once to obtain the
/// 32-byte digest. Full 64-byte blocks are compressed straight from the caller's memory; only a
/// trailing partial block is copied into fixed inline storage, so hashing allocates nothing on
/// the heap. The compression function runs on the CPU's SHA extensions where it has them (see
/// `SHA256+Compression.swift`), otherwise in portable Swift; both give the same digests.
public struct SHA256: Sendable {
  /// The intermediate hash value H0 through H7.
  private(set) var state: ChainingValue
  /// Bytes of a not yet complete block, kept inline (64 bytes).
  private var buffer: Block
  /// How many leading bytes of `buffer` are in use (always below 64 between calls).
  private var bufferCount: Int
  /// Total message length so far, in bytes.
  private var length: UInt64
  /// The implementation of the compression function this hasher runs.
  let engine: Engine

  /// Inline storage for one 64-byte block.
  private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

  /// The block size of SHA-256, in bytes.
  static let blockSize = 64

  /// Creates a hasher holding the initial hash value of FIPS 180-4 §5.3.3.
  public init() {
    self.init(engine: .fastest)
  }

  /// Creates a hasher that runs the given compression function (tests force `.portable`).
  init(engine: Engine) {
    state = .initial
    buffer = (0, 0, 0, 0, 0, 0, 0, 0)
    bufferCount = 0
    length = 0
    self.engine = engine
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
      Self.compress(&state, input, blocks: fullBlocks, engine: engine)
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

  /// Appends any collection of bytes (a slice, a buffer) to the message; contiguous storage is
  /// read in place, anything else is copied once.
  public mutating func update(_ bytes: some Collection<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
    if done == nil { update(Array(bytes)) }
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
    [UInt8](unsafeUninitializedCapacity: 32) { digest, initialized in
      finalize(into: UnsafeMutableRawPointer(digest.baseAddress!))
      initialized = 32
    }
  }

  /// `finalize()`, writing the 32-byte digest to `digest` (which must hold 32 bytes) instead of
  /// a new array: a loop hashing millions of messages allocates nothing.
  public mutating func finalize(into digest: UnsafeMutableRawPointer) {
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
    state.store(bigEndianTo: digest)
  }

  /// Returns the SHA-256 digest (32 bytes) of an array of bytes.
  public static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Returns the SHA-256 digest (32 bytes) of the bytes of a raw buffer, read in place.
  public static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Returns the SHA-256 digest (32 bytes) of any collection of bytes (a slice, a buffer).
  public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
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

  /// Compresses the 64 bytes held in `buffer` into the state.
  private mutating func compressBuffer() {
    var chaining = state
    withUnsafeBytes(of: &buffer) { block in
      Self.compress(&chaining, block.baseAddress!, blocks: 1, engine: engine)
    }
    state = chaining
    bufferCount = 0
  }
}
