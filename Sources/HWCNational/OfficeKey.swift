#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An office's key: 32 random bytes, with which it authenticates its bundles (HMAC-SHA256).
enum OfficeKey {
  /// 32 random bytes from `/dev/urandom`.
  static func random() throws -> [UInt8] {
    let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw NationalError("cannot read /dev/urandom for a new key") }
    defer { close(fd) }
    var key = [UInt8](repeating: 0, count: 32)
    var filled = 0
    while filled < key.count {
      let count = key.withUnsafeMutableBytes {
        read(fd, $0.baseAddress! + filled, $0.count - filled)
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { throw NationalError("cannot read /dev/urandom for a new key") }
      filled += count
    }
    return key
  }
}
