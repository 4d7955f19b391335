#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on a folder: `offices/` while a bundle is accepted, or while a stopped
/// acceptance is finished or undone, so that no two processes touch a `.tmp` replica at once.
struct FolderLock {
  private let fd: Int32

  /// Takes the lock on `path`, waiting for another process that holds it.
  static func wait(_ path: String) throws -> FolderLock {
    guard let lock = try take(path, flags: LOCK_EX) else {
      throw NationalError("cannot lock the folder \(path)")
    }
    return lock
  }

  /// Takes the lock on `path` when no other process holds it; nil when one does.
  static func attempt(_ path: String) throws -> FolderLock? {
    try take(path, flags: LOCK_EX | LOCK_NB)
  }

  private static func take(_ path: String, flags: Int32) throws -> FolderLock? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw NationalError("cannot open the folder \(path)") }
    while flock(fd, flags) != 0 {
      let failure = errno
      if failure == EINTR { continue }
      close(fd)
      if failure == EWOULDBLOCK { return nil }
      throw NationalError("cannot lock the folder \(path)")
    }
    return FolderLock(fd: fd)
  }

  /// Releases the lock.
  func release() {
    flock(fd, LOCK_UN)
    close(fd)
  }
}
