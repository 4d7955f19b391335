import HWCCore
import HWCDomain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension OfficeBundle {
  /// The size and SHA-256 (hex) of the file at `path`.
  public static func sizeAndDigest(of path: String) throws(BundleProblem) -> (Int, String) {
    let file = try BundleReader(path: path)
    defer { file.closeFile() }
    var hasher = SHA256()
    var size = 0
    while true {
      let bytes = try file.readBytes(chunk)
      if bytes.isEmpty { break }
      size += bytes.count
      hasher.update(bytes)
    }
    return (size, SHA256.hex(hasher.finalize()))
  }

  /// Writes a bundle to `path`, a new file: `manifest` with its `snapshotBytes` and
  /// `snapshotSHA256` set from the SQLite file `snapshot`, its HMAC under `key`, then the
  /// snapshot. Written under a temporary name beside `path`, synced, then linked to `path`
  /// (an existing file is never replaced). The manifest as written.
  @discardableResult
  public static func write(
    manifest: Manifest, snapshot: String, key: [UInt8], to path: String
  ) throws -> Manifest {
    var manifest = manifest
    (manifest.snapshotBytes, manifest.snapshotSHA256) = try sizeAndDigest(of: snapshot)
    let line = manifest.line
    let header =
      magic + "\n" + line + "\n" + hmacPrefix + hmacHex(manifestLine: line, key: key) + "\n"
    let partial = (path.contains("/") ? "" : "./") + path + ".partial-\(getpid())"
    let out = open(partial, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard out >= 0 else {
      throw DomainError.invalid(
        field: .file, "cannot write \(path): \(BundleReader.lastError())")
    }
    var published = false
    defer {
      close(out)
      if !published { unlink(partial) }
    }
    try BundleReader.writeAll(out, Array(header.utf8), to: path)
    let source = try BundleReader(path: snapshot)
    defer { source.closeFile() }
    var copied = 0
    while true {
      let bytes = try source.readBytes(chunk)
      if bytes.isEmpty { break }
      try BundleReader.writeAll(out, bytes, to: path)
      copied += bytes.count
    }
    guard copied == manifest.snapshotBytes, fsync(out) == 0 else {
      throw DomainError.invalid(
        field: .file, "cannot write \(path): the snapshot changed or the disk refused it")
    }
    try BackupFile.publish(partial, as: path)
    published = true
    _ = BackupFile.sync(BackupFile.folderName(of: path))
    return manifest
  }
}
