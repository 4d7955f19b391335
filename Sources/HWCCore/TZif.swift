#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the offsets of a zone from a compiled tz database file (TZif, RFC 8536): the
/// transition times and the UTC offset of each local time type. Daylight-saving rules given only
/// in the footer (for instants after the last transition) are not applied: the last offset
/// stays in force, which is exact for every zone of the region.
enum TZif {
  /// The periods of `identifier` under `zoneinfo`, or nil when there is no such readable file.
  static func periods(zoneinfo: String, identifier: String) -> [OfficeZone.Period]? {
    // An identifier is a path below the folder: `Area/City`, never `..` or absolute.
    let parts = identifier.split(separator: "/", omittingEmptySubsequences: false)
    guard !identifier.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }),
      identifier.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/_-+".contains($0)) }),
      let bytes = contents(of: zoneinfo + "/" + identifier)
    else { return nil }
    return parse(bytes)
  }

  /// The periods in a TZif file's bytes (the 64-bit block of version 2 and later, else the
  /// 32-bit block), or nil when the bytes are not such a file.
  static func parse(_ bytes: [UInt8]) -> [OfficeZone.Period]? {
    guard var header = Header(bytes, at: 0) else { return nil }
    var start = 44
    var width = 4
    if header.version >= UInt8(ascii: "2") {
      start += header.length(timeWidth: 4)
      guard let second = Header(bytes, at: start) else { return nil }
      header = second
      start += 44
      width = 8
    }
    let times = start
    let indices = times + header.transitions * width
    let types = indices + header.transitions
    guard header.types > 0, types + header.types * 6 <= bytes.count else { return nil }
    func offset(ofType type: Int) -> Int { signed(bytes, at: types + type * 6, width: 4) }
    var periods = [OfficeZone.Period(from: Int.min, offset: offset(ofType: 0))]
    for index in 0..<header.transitions {
      let type = Int(bytes[indices + index])
      guard type < header.types else { return nil }
      periods.append(
        OfficeZone.Period(
          from: signed(bytes, at: times + index * width, width: width), offset: offset(ofType: type)
        ))
    }
    return periods
  }

  /// The counts of a TZif header (RFC 8536 §3.1).
  struct Header {
    let version: UInt8
    let utIndicators, standardIndicators, leapSeconds, transitions, types, characters: Int

    init?(_ bytes: [UInt8], at offset: Int) {
      guard offset + 44 <= bytes.count, Array(bytes[offset..<offset + 4]) == Array("TZif".utf8)
      else { return nil }
      version = bytes[offset + 4]
      func count(_ index: Int) -> Int { TZif.signed(bytes, at: offset + 20 + index * 4, width: 4) }
      (utIndicators, standardIndicators, leapSeconds) = (count(0), count(1), count(2))
      (transitions, types, characters) = (count(3), count(4), count(5))
      guard
        [utIndicators, standardIndicators, leapSeconds, transitions, types, characters]
          .allSatisfy({ $0 >= 0 && $0 < 1_000_000 })
      else { return nil }
    }

    /// The length of the data block that follows the header, for times of `timeWidth` bytes.
    func length(timeWidth: Int) -> Int {
      transitions * timeWidth + transitions + types * 6 + characters
        + leapSeconds * (timeWidth + 4) + standardIndicators + utIndicators
    }
  }

  /// A big-endian two's-complement integer of `width` bytes; 0 past the end.
  static func signed(_ bytes: [UInt8], at offset: Int, width: Int) -> Int {
    guard offset >= 0, offset + width <= bytes.count else { return 0 }
    var value: UInt64 = 0
    for index in 0..<width { value = value << 8 | UInt64(bytes[offset + index]) }
    let shift = UInt64(64 - width * 8)
    return Int(Int64(bitPattern: value << shift) >> Int64(shift))
  }

  /// The whole file at `path` (at most 1 MiB), or nil.
  static func contents(of path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { _ = close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16_384)
    while bytes.count < 1_048_576 {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { return nil }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return nil
  }
}
