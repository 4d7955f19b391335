#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if canImport(Glibc)
  private let systemWrite = Glibc.write
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  private let systemWrite = Darwin.write
  private let systemRead = Darwin.read
#endif

/// A small note a long writer leaves next to the register while it holds the write lock, so
/// that a command waiting for the lock can say what it waits for.
///
/// The file is `REGISTER-writer`, readable by its owner only, written whole under a temporary
/// name and renamed into place. It holds who (the user's name), what (a fixed command label),
/// when (the start, in seconds since 1970) and which process: never a national ID or a secret.
/// A note whose process is gone is stale: waiters ignore it and the next long writer replaces it.
public struct WriterNote: Sendable, Equatable {
  /// The process holding the lock.
  public let pid: Int32
  /// The user it acts for.
  public let user: String
  /// What it is doing, as a noun phrase: `a complaint import`.
  public let command: String
  /// When it took the lock, in seconds since 1970.
  public let started: Int

  public init(pid: Int32 = getpid(), user: String, command: String, started: Int) {
    self.pid = pid
    self.user = WriterNote.plain(user)
    self.command = WriterNote.plain(command)
    self.started = started
  }

  /// Where the note of the register at `databasePath` lives.
  public static func path(for databasePath: String) -> String { databasePath + "-writer" }

  /// One line per field, `key=value`.
  var text: String {
    "pid=\(pid)\nuser=\(user)\ncommand=\(command)\nstarted=\(started)\n"
  }

  /// The note next to the register, or nil when there is none or it cannot be read.
  public static func read(databasePath: String) -> WriterNote? {
    guard let text = readSmallFile(path(for: databasePath)) else { return nil }
    var fields: [Substring: Substring] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { fields[parts[0]] = parts[1] }
    }
    guard let pid = fields["pid"].flatMap({ Int32($0) }), pid > 0,
      let user = fields["user"], let command = fields["command"],
      let started = fields["started"].flatMap({ Int($0) })
    else { return nil }
    return WriterNote(pid: pid, user: String(user), command: String(command), started: started)
  }

  /// Writes the note next to the register, replacing any (a stale one included).
  public func write(databasePath: String) throws(SQLiteError) {
    let final = WriterNote.path(for: databasePath)
    let temporary = final + ".\(pid)"
    let fd = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw SQLiteError(
        code: 14, message: "cannot write the writer note \(final)", sql: nil, file: final,
        systemErrno: errno)
    }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
    close(fd)
    guard written == bytes.count, rename(temporary, final) == 0 else {
      unlink(temporary)
      throw SQLiteError(
        code: 14, message: "cannot write the writer note \(final)", sql: nil, file: final,
        systemErrno: errno)
    }
  }

  /// Removes the note next to the register if it is this process's own (a waiter that took the
  /// lock since may already have written its own).
  public static func removeOwn(databasePath: String) {
    guard let note = read(databasePath: databasePath), note.pid == getpid() else { return }
    unlink(path(for: databasePath))
  }

  /// True while the process that wrote the note is running.
  public var holderIsAlive: Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }

  /// `waiting for a complaint import by saule, started 14:02 (pid 4121)…`, in local time.
  public var waitingLine: String {
    var seconds = time_t(started)
    var parts = tm()
    localtime_r(&seconds, &parts)
    let hour = parts.tm_hour < 10 ? "0\(parts.tm_hour)" : "\(parts.tm_hour)"
    let minute = parts.tm_min < 10 ? "0\(parts.tm_min)" : "\(parts.tm_min)"
    return "waiting for \(command) by \(user), started \(hour):\(minute) (pid \(pid))…"
  }

  /// `text` without control characters, so a note stays one field per line.
  private static func plain(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 }))
  }

  /// The first few kilobytes of a file as UTF-8, or nil when it cannot be opened.
  private static func readSmallFile(_ path: String) -> String? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
    guard count > 0 else { return nil }
    return String(decoding: buffer[..<count], as: UTF8.self)
  }
}
