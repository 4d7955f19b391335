import HWCCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension OfficeBundle {
  /// The longest header (three lines) a reader accepts, in bytes.
  static let maximumHeader = 1 << 20
  /// Bytes read or copied at a time.
  static let chunk = 1 << 20

  /// Reads the bundle's header: its manifest, its HMAC's hex and where its snapshot starts.
  /// Checks the form only, not the HMAC nor the snapshot (`verify` does).
  public static func read(path: String) throws(BundleProblem) -> (
    manifest: Manifest, hmacHex: String, snapshotOffset: Int
  ) {
    let header = try readHeader(path: path)
    return (header.manifest, header.hmacHex, header.snapshotOffset)
  }

  /// `read(path:)` with the manifest line exactly as the file holds it: the bytes the HMAC
  /// covers, not a re-serialisation.
  static func readHeader(path: String) throws(BundleProblem) -> (
    manifestLine: String, manifest: Manifest, hmacHex: String, snapshotOffset: Int
  ) {
    let file = try BundleReader(path: path)
    defer { file.closeFile() }
    var header: [UInt8] = []
    var lines: [Range<Int>] = []
    var lineStart = 0
    while lines.count < 3 {
      let scanned = header.count
      let more = try file.readBytes(min(chunk, maximumHeader + 1 - header.count))
      if more.isEmpty { break }
      header += more
      for index in scanned..<header.count where header[index] == 0x0a && lines.count < 3 {
        lines.append(lineStart..<index)
        lineStart = index + 1
      }
      if lines.isEmpty, header.count >= magic.utf8.count + 1 { break }
      if header.count > maximumHeader { break }
    }
    func text(_ line: Int) -> String { String(decoding: header[lines[line]], as: UTF8.self) }
    guard let first = lines.first, Array(header[first]) == Array(magic.utf8) else {
      if lines.isEmpty, Array(magic.utf8).starts(with: header), !header.isEmpty {
        throw .truncatedHeader
      }
      throw .notABundle
    }
    guard lines.count == 3 else {
      if header.count > maximumHeader {
        throw .manifest("it is longer than \(maximumHeader) bytes")
      }
      throw .truncatedHeader
    }
    let manifest = try Manifest(line: text(1))
    let hmacLine = text(2)
    guard hmacLine.hasPrefix(hmacPrefix) else { throw .hmacLine }
    let hmacHex = String(hmacLine.dropFirst(hmacPrefix.count))
    guard isHex64(hmacHex) else { throw .hmacLine }
    return (text(1), manifest, hmacHex, lines[2].upperBound + 1)
  }

  /// Verifies the bundle at `path` under the office's 32-byte `key`: its HMAC, then its
  /// snapshot's size, then its snapshot's SHA-256. The manifest when all three hold; the first
  /// that fails as a `BundleProblem`, so a reader can say which.
  public static func verify(path: String, key: [UInt8]) throws(BundleProblem) -> Manifest {
    let (line, manifest, mac, offset) = try readHeader(path: path)
    let expected = hmacHex(manifestLine: line, key: key)
    guard ConstantTime.equal(Array(expected.utf8), Array(mac.utf8)) else {
      throw .hmacMismatch
    }
    let file = try BundleReader(path: path)
    defer { file.closeFile() }
    let size = try file.size()
    let actual = size - offset
    guard actual == manifest.snapshotBytes else {
      throw .size(expected: manifest.snapshotBytes, actual: max(actual, 0))
    }
    try file.seek(to: offset)
    var hasher = SHA256()
    while true {
      let bytes = try file.readBytes(chunk)
      if bytes.isEmpty { break }
      hasher.update(bytes)
    }
    guard SHA256.hex(hasher.finalize()) == manifest.snapshotSHA256 else { throw .digest }
    return manifest
  }

  /// Copies the bundle's snapshot to `destination`, a new file (created with mode 0600, never
  /// replacing one), exactly `snapshot_bytes` bytes. Does not verify: call `verify` first.
  public static func extractSnapshot(path: String, to destination: String) throws(BundleProblem) {
    let (manifest, _, offset) = try read(path: path)
    let file = try BundleReader(path: path)
    defer { file.closeFile() }
    try file.seek(to: offset)
    let out = open(destination, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard out >= 0 else {
      throw .unreadable("cannot create \(destination): \(BundleReader.lastError())")
    }
    var complete = false
    defer {
      close(out)
      if !complete { unlink(destination) }
    }
    var remaining = manifest.snapshotBytes
    while remaining > 0 {
      let bytes = try file.readBytes(min(chunk, remaining))
      guard !bytes.isEmpty else {
        throw .size(expected: manifest.snapshotBytes, actual: manifest.snapshotBytes - remaining)
      }
      try BundleReader.writeAll(out, bytes, to: destination)
      remaining -= bytes.count
    }
    guard fsync(out) == 0 else {
      throw .unreadable("cannot write \(destination): \(BundleReader.lastError())")
    }
    complete = true
  }
}

/// A file read through a descriptor, its failures as `BundleProblem.unreadable`.
final class BundleReader {
  private let descriptor: Int32

  init(path: String) throws(BundleProblem) {
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .unreadable(Self.lastError()) }
  }

  func closeFile() { close(descriptor) }

  /// Up to `count` bytes from the current position; fewer only at the end of the file.
  func readBytes(_ count: Int) throws(BundleProblem) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = bytes.withUnsafeMutableBytes {
        read(descriptor, $0.baseAddress! + filled, count - filled)
      }
      if got < 0, errno == EINTR { continue }
      guard got >= 0 else { throw .unreadable(Self.lastError()) }
      if got == 0 { break }
      filled += got
    }
    bytes.removeLast(count - filled)
    return bytes
  }

  func seek(to offset: Int) throws(BundleProblem) {
    guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
      throw .unreadable(Self.lastError())
    }
  }

  func size() throws(BundleProblem) -> Int {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw .unreadable(Self.lastError()) }
    return Int(info.st_size)
  }

  /// Writes all of `bytes` to the descriptor `out` (the file `path`).
  static func writeAll(_ out: Int32, _ bytes: [UInt8], to path: String) throws(BundleProblem) {
    var written = 0
    while written < bytes.count {
      let done = bytes.withUnsafeBytes {
        write(out, $0.baseAddress! + written, bytes.count - written)
      }
      if done < 0, errno == EINTR { continue }
      guard done > 0 else { throw .unreadable("cannot write \(path): \(lastError())") }
      written += done
    }
  }

  /// The text of the last system error (`errno`).
  static func lastError() -> String { String(cString: strerror(errno)) }
}
