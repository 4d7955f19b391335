#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a national register keeps its files: `DIR/national.sqlite` and `DIR/offices/CODE.sqlite`
/// (each office's verified replica), with `DIR/offices/CODE.sqlite.tmp` only while a bundle is
/// being accepted.
public struct NationalFolder: Sendable {
  /// The folder given with `--national` (or `HWC_NATIONAL`).
  public let path: String

  public init(_ path: String) {
    self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
  }

  /// The national register's own database.
  public var database: String { path + "/national.sqlite" }

  /// The folder of the offices' replicas.
  public var offices: String { path + "/offices" }

  /// The replica of office `code`.
  public func replica(_ code: String) -> String { offices + "/" + code + ".sqlite" }

  /// Where a bundle's snapshot is written and verified before it replaces the replica.
  public func pendingReplica(_ code: String) -> String { replica(code) + ".tmp" }

  /// True when `path` exists.
  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// True when `path` is a folder.
  static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  /// The names in folder `path` other than `.` and `..`; nil when it cannot be read.
  static func entries(_ path: String) -> [String]? {
    guard let directory = opendir(path) else { return nil }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// The folder holding `path` (`.` for a bare name).
  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// Flushes the file or folder at `path` to disk; false when it cannot be opened or synced.
  @discardableResult
  static func sync(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return fsync(fd) == 0
  }

  /// Marks the SQLite file at `path`, which has no `-wal` beside it, as a rollback-journal
  /// database: header bytes 18 and 19 (file format write and read versions) from 2 (WAL) to 1,
  /// what `PRAGMA journal_mode = DELETE` writes (SQLite file format, §1.3.3). A replica so marked
  /// is opened read-only without a `-wal` or `-shm` file made beside it, and stays byte for byte
  /// what was accepted.
  static func useRollbackJournal(_ path: String) throws {
    let fd = open(path, O_RDWR | O_CLOEXEC)
    guard fd >= 0 else { throw NationalError("cannot open \(path)") }
    defer { close(fd) }
    var versions: [UInt8] = [0, 0]
    // Anything else is not a WAL database: opening it as a register refuses it.
    guard pread(fd, &versions, 2, 18) == 2, versions == [2, 2] else { return }
    let legacy: [UInt8] = [1, 1]
    guard pwrite(fd, legacy, 2, 18) == 2, fsync(fd) == 0 else {
      throw NationalError("cannot write \(path)")
    }
  }
}
