import HWCCore
import HWCStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension NationalRegister {
  /// Finishes or undoes what a stopped `national accept` left in `offices/`.
  ///
  /// Acceptance commits first and renames after (see `accept`): a `CODE.sqlite.tmp` whose
  /// SHA-256 is the one the office's last acceptance recorded was committed, and is renamed over
  /// the replica now (rolled forward); any other `.tmp` was never committed and is removed
  /// (rolled back). Either way the replica and `national.sqlite` agree afterwards. The caller
  /// holds the lock on `offices/` (`FolderLock`).
  func reconcileReplicas() throws {
    let pending = (NationalFolder.entries(folder.offices) ?? []).filter {
      $0.hasSuffix(".sqlite.tmp")
    }
    for name in pending {
      let code = String(name.dropLast(".sqlite.tmp".count))
      let path = folder.pendingReplica(code)
      let recorded = try office(code)?.replicaSHA256
      for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
      if let recorded, NationalFolder.sha256(of: path).map(SHA256.hex) == recorded {
        guard rename(path, folder.replica(code)) == 0 else {
          throw NationalError("cannot finish replacing the replica \(folder.replica(code))")
        }
      } else {
        unlink(path)
      }
      NationalFolder.sync(folder.offices)
    }
  }
}

extension NationalFolder {
  /// The SHA-256 of the file at `path`, read in chunks; nil when it cannot be read.
  static func sha256(of path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var hasher = SHA256()
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { return nil }
      if count == 0 { break }
      chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }
    return hasher.finalize()
  }
}
