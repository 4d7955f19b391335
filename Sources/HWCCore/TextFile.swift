#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be written.
public struct FileError: Error, CustomStringConvertible {
  public let path: String
  public let reason: String
  public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes a text file through a temporary file renamed into place, so a reader never sees half
/// of it and a failure leaves any earlier file untouched.
public final class TextFile {
  public let path: String
  private let temporary: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []

  /// Starts writing `path` (created with `mode`).
  public init(path: String, mode: mode_t = 0o644) throws {
    self.path = path
    self.temporary = path + ".tmp-\(getpid())"
    descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    // A leftover temporary file keeps its old mode through O_TRUNC: set the one asked for.
    guard descriptor >= 0 else {
      throw FileError(path: path, reason: String(cString: strerror(errno)))
    }
    guard fchmod(descriptor, mode) == 0 else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      descriptor = -1
      unlink(temporary)
      throw FileError(path: path, reason: reason)
    }
    buffer.reserveCapacity(1 << 16)
  }

  deinit {
    if descriptor >= 0 {
      close(descriptor)
      unlink(temporary)
    }
  }

  /// Appends text.
  public func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { try flush() }
  }

  private func flush() throws {
    var offset = 0
    while offset < buffer.count {
      let written = buffer[offset...].withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress, $0.count)
      }
      guard written > 0 else {
        throw FileError(path: path, reason: String(cString: strerror(errno)))
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs and renames the file into place.
  public func commit() throws {
    try flush()
    guard fsync(descriptor) == 0, close(descriptor) == 0 else {
      throw FileError(path: path, reason: String(cString: strerror(errno)))
    }
    descriptor = -1
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw FileError(path: path, reason: reason)
    }
  }

  /// Writes `text` to `path` in one go.
  public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws {
    let file = try TextFile(path: path, mode: mode)
    try file.write(text)
    try file.commit()
  }
}
