#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Database {
  /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`), leaving a `WriterNote` next to
  /// the register while it holds the lock, so that other commands wait for it, saying what they
  /// wait for, instead of giving up. The note is written once the lock is taken (never over
  /// the note of a writer still holding it) and removed when the transaction has ended.
  ///
  /// `command` is a noun phrase (`a complaint import`), `user` the acting user's name: the note
  /// holds nothing else but the process id and the start time.
  public func longWrite<T>(command: String, user: String, _ body: () throws -> T) throws -> T {
    let noted = path != ":memory:" && !path.isEmpty
    defer { if noted { WriterNote.removeOwn(databasePath: path) } }
    return try transaction(.immediate) {
      if noted {
        try WriterNote(user: user, command: command, started: Int(time(nil)))
          .write(databasePath: path)
      }
      return try body()
    }
  }
}
