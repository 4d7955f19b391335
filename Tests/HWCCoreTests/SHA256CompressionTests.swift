import Foundation
import Testing

@testable import HWCCore

/// The two compression engines of `SHA256`: the run-time choice, and the CPU-extension engine
/// checked against the portable one on many lengths and ways of feeding the message.
@Suite("SHA-256 compression engines")
struct SHA256CompressionTests {
  /// A hasher of `engine` fed `bytes` in pieces whose sizes `random` draws (0 to 200 bytes, or
  /// now and then a large piece), so whole-block runs start at every alignment.
  static func digest(
    _ bytes: [UInt8], engine: SHA256.Engine, using random: inout SplitMix64
  ) -> [UInt8] {
    var hasher = SHA256(engine: engine)
    var start = 0
    while start < bytes.count {
      let largest = random.chance(percent: 10) ? bytes.count - start : min(200, bytes.count - start)
      let size = random.int(0...largest)
      bytes[start..<(start + size)].withUnsafeBytes { hasher.update($0) }
      start += size
    }
    return hasher.finalize()
  }

  #if os(Linux)
    @Test("The CPU extensions are chosen exactly when /proc/cpuinfo lists sha_ni")
    func engineFollowsCPUInfo() throws {
      let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
      let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
      let hasSHA = flags.split(separator: " ").contains("sha_ni")
      #expect(SHA256.Engine.fastest == (hasSHA ? .cpuExtensions : .portable))
    }
  #elseif !arch(x86_64)
    @Test("Without x86 SHA extensions the portable engine is chosen")
    func portableElsewhere() {
      #expect(SHA256.Engine.fastest == .portable)
    }
  #endif

  @Test("Both engines give the published FIPS 180-4 digests")
  func publishedVectorsOnBothEngines() {
    for engine in [SHA256.Engine.portable, .fastest] {
      for vector in SHA256Tests.publishedVectors {
        var hasher = SHA256(engine: engine)
        hasher.update(vector.message)
        #expect(SHA256.hex(hasher.finalize()) == vector.digest, "\(engine) \(vector.name)")
      }
      var hasher = SHA256(engine: engine)
      hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
      #expect(
        SHA256.hex(hasher.finalize())
          == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "\(engine)")
    }
  }

  @Test("The fastest engine equals the portable one for every length 0…1,100 and random pieces")
  func fastestEqualsPortable() {
    var random = SplitMix64(seed: 0x5348_4132_3536)
    let message = (0..<1_100).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    for length in 0...1_100 {
      let bytes = Array(message[0..<length])
      let portable = SHA256.digest(bytes, engine: .portable)
      let fastest = Self.digest(bytes, engine: .fastest, using: &random)
      #expect(fastest == portable, "length \(length)")
      #expect(Self.digest(bytes, engine: .portable, using: &random) == portable, "length \(length)")
    }
  }

  @Test("Whole blocks read in place at every alignment give the same digest")
  func unalignedInput() {
    var random = SplitMix64(seed: 7)
    let message = (0..<(4_096 + 16)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    let expected = SHA256.digest(Array(message[16...]), engine: .portable)
    for offset in 0..<16 {
      let shifted = Array(message[(16 - offset)...])
      shifted.withUnsafeBytes { raw in
        var hasher = SHA256()
        hasher.update(UnsafeRawBufferPointer(rebasing: raw[offset...]))
        #expect(hasher.finalize() == expected, "offset \(offset)")
      }
    }
  }
}

extension SHA256 {
  /// The one-shot digest of `bytes` computed by `engine`.
  static func digest(_ bytes: [UInt8], engine: Engine) -> [UInt8] {
    var hasher = SHA256(engine: engine)
    hasher.update(bytes)
    return hasher.finalize()
  }
}
