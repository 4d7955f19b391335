import HWCDomain
import HWCStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Register {
  /// What `hwc backup` wrote: a copy of the register that passed every check.
  public struct BackupResult: Sendable {
    /// Where the copy is: the path asked for.
    public let path: String
    /// The copy's size in bytes.
    public let bytes: Int
    /// Time taken to copy, check and publish the copy, in seconds.
    public let seconds: Double
    /// Of `seconds`, the time taken to write the copy; the rest went on checking it.
    public let copySeconds: Double
    /// The checks the copy passed, as `check()` names them.
    public let checked: [String]
    /// Audit entries in the copy, all verified.
    public let auditEntries: Int
    /// The copy's last audit entry as an anchor; nil when its log is empty.
    public let anchor: AuditAnchor?
  }

  /// Refuses a target that exists, or whose folder is missing or may not be written — before
  /// the register is opened, so a refused backup touches nothing (not even the register's WAL).
  public static func checkBackupTarget(_ path: String) throws {
    _ = try BackupFile.folder(of: path)
  }

  /// Writes a consistent, checked copy of the register to `path`, a new file, while others
  /// keep writing (`hwc backup`).
  ///
  /// The copy is one snapshot (`Database.backup(to:)`), written beside `path` under a
  /// temporary name, opened as a register and checked as `check()` does, synced, and only
  /// then given the name `path` (a hard link, so an existing file is never replaced). On any
  /// failure the temporary file is removed and `path` does not exist.
  public func backup(to path: String) throws -> BackupResult {
    try backup(to: path, beforeCheck: { _ in })
  }

  /// `backup(to:)`, calling `beforeCheck` with the temporary copy's path once it is written
  /// and before it is checked. A test seam: a throw there is a failure half-way.
  func backup(to path: String, beforeCheck: (String) throws -> Void) throws -> BackupResult {
    let start = ContinuousClock.now
    let folder = try BackupFile.folder(of: path)
    // "./" keeps a bare name from reading as a `file:` URI.
    let partial = (path.contains("/") ? "" : "./") + path + ".partial-\(getpid())"
    try BackupFile.create(partial, for: path)
    var published = false
    defer { BackupFile.remove(partial, keepingMain: published) }
    do {
      try db.backup(to: partial)
    } catch {
      throw BackupFile.failure(path, "could not be written (\(BackupFile.reason(error)))")
    }
    let copied = start.duration(to: .now)
    try beforeCheck(partial)
    let (checked, anchor) = try checkCopy(at: partial, for: path)
    guard BackupFile.sync(partial) else {
      throw BackupFile.failure(path, "could not be written to disk (\(BackupFile.lastError()))")
    }
    try BackupFile.publish(partial, as: path)
    published = true
    _ = BackupFile.sync(folder)
    var info = stat()
    let bytes = stat(path, &info) == 0 ? Int(info.st_size) : 0
    func seconds(_ duration: Duration) -> Double {
      Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    return BackupResult(
      path: path, bytes: bytes, seconds: seconds(start.duration(to: .now)),
      copySeconds: seconds(copied), checked: checked, auditEntries: anchor?.entry ?? 0,
      anchor: anchor)
  }

  /// Opens the copy at `partial` as a register and checks it; the names of the checks it
  /// passed and its last audit entry. The copy's connection is closed when this returns.
  func checkCopy(at partial: String, for path: String) throws -> ([String], AuditAnchor?) {
    let items: [CheckItem]
    let anchor: AuditAnchor?
    do {
      let copy = try Register.open(path: partial, clock: clock, command: command)
      items = try copy.check()
      // The chain was just verified whole, so its last entry's number is its length.
      anchor = try copy.auditAnchor()
    } catch {
      throw BackupFile.failure(path, "could not be checked (\(BackupFile.reason(error)))")
    }
    if let failed = items.first(where: { $0.problem != nil }) {
      throw BackupFile.failure(
        path,
        "failed its check, \(failed.name): \(failed.problem ?? "?") "
          + "(the register itself is likely damaged: run 'hwc check')")
    }
    return (items.map(\.name), anchor)
  }
}

/// The files of a backup (and of a bundle, `OfficeBundle.write`): the target's folder, the
/// temporary copy beside it, publishing it.
enum BackupFile {
  /// A refusal or failure about the target `path`, in one sentence.
  static func failure(_ path: String, _ what: String) -> DomainError {
    .invalid(field: .file, "the copy to \(path) \(what); nothing was kept")
  }

  /// The folder `path` goes in, after checking that `path` does not exist yet and that the
  /// folder exists and may be written.
  static func folder(of path: String) throws -> String {
    var info = stat()
    if lstat(path, &info) == 0 {
      throw DomainError.invalid(field: .file, "\(path) already exists; choose a new file name")
    }
    let folder = folderName(of: path)
    func refusal(_ why: String) -> DomainError {
      .invalid(field: .file, "cannot back up to \(path): \(why)")
    }
    guard stat(folder, &info) == 0 else {
      switch errno {
      case ENOENT:
        throw refusal(
          "the folder \(folder) does not exist; create it first or choose another folder")
      case ENOTDIR: throw refusal("\(folder) is not a folder")
      case EACCES: throw refusal("you may not open the folder \(folder)")
      default: throw refusal("the folder \(folder) cannot be used (\(lastError()))")
      }
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw refusal("\(folder) is not a folder") }
    guard access(folder, W_OK | X_OK) == 0 else {
      throw refusal("you may not write in the folder \(folder); choose a folder you may write to")
    }
    return folder
  }

  /// The folder part of `path`: `.` for a bare name, `/` for a file at the root.
  static func folderName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// Creates the empty temporary file `partial`, readable by its owner only.
  static func create(_ partial: String, for path: String) throws {
    let fd = open(partial, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard fd < 0 else {
      close(fd)
      return
    }
    let why: String
    switch errno {
    case EACCES, EPERM, EROFS: why = "you may not write in its folder"
    case ENOSPC, EDQUOT: why = "the disk is full"
    case EEXIST: why = "\(partial) is in the way (left by an interrupted backup? remove it)"
    default: why = lastError()
    }
    throw DomainError.invalid(field: .file, "cannot back up to \(path): \(why)")
  }

  /// Gives the finished copy its name, never replacing a file that appeared meanwhile.
  static func publish(_ partial: String, as path: String) throws {
    if link(partial, path) == 0 {
      unlink(partial)
      return
    }
    var info = stat()
    if errno == EEXIST || lstat(path, &info) == 0 {
      throw failure(path, "could not take its name: \(path) was made meanwhile")
    }
    // A file system without hard links: the name was free a moment ago.
    guard rename(partial, path) == 0 else {
      throw failure(path, "could not be renamed to \(path) (\(lastError()))")
    }
  }

  /// Removes the temporary copy (unless `keepingMain`, when it was published) and the
  /// write-ahead log and shared-memory files SQLite may have left beside it.
  static func remove(_ partial: String, keepingMain: Bool) {
    if !keepingMain { unlink(partial) }
    for suffix in ["-wal", "-shm", "-journal"] { unlink(partial + suffix) }
  }

  /// Flushes the file or folder at `path` to disk; false when it could not be.
  static func sync(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return fsync(fd) == 0
  }

  /// SQLite's message alone for a SQLite error; the description for anything else.
  static func reason(_ error: any Error) -> String {
    (error as? SQLiteError)?.message ?? "\(error)"
  }

  /// The text of the last system error (`errno`).
  static func lastError() -> String { String(cString: strerror(errno)) }
}
