import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a connection waits while another process holds the register's write lock: it keeps
/// waiting as long as a live long writer's `WriterNote` says who holds it, says once, after
/// about a second, what it waits for, and gives up only when no live holder has been seen for
/// `giveUpSeconds` (a short writer with no note, or a crashed one, or another tool).
final class BusyWait {
  /// The register whose writer note is read.
  let databasePath: String
  /// How long to keep trying with no live noted holder.
  var giveUpSeconds: Double
  /// How long to wait before saying what the wait is for.
  let announceAfterSeconds = 1.0
  /// Where the waiting line goes; nil says nothing.
  var notice: ((String) -> Void)?

  private var start = 0.0
  private var lastSeenAlive = 0.0
  private var lastLook = 0.0
  private var announced = false
  private var holder: WriterNote?

  init(databasePath: String, giveUpSeconds: Double) {
    self.databasePath = databasePath
    self.giveUpSeconds = giveUpSeconds
  }

  /// Installs this wait as the busy handler of `handle`; `self` must outlive the connection.
  func install(on handle: OpaquePointer) {
    sqlite3_busy_handler(
      handle,
      { context, count in
        guard let context else { return 0 }
        let wait = Unmanaged<BusyWait>.fromOpaque(context).takeUnretainedValue()
        return wait.shouldRetry(count: count) ? 1 : 0
      }, Unmanaged.passUnretained(self).toOpaque())
  }

  /// SQLite's busy callback: `count` is 0 on the first call of a new wait. Sleeps a little and
  /// returns true to try again, false to give up (the statement then fails with SQLITE_BUSY).
  func shouldRetry(count: Int32) -> Bool {
    let now = BusyWait.seconds()
    if count == 0 {
      start = now
      lastSeenAlive = now
      lastLook = -1
      announced = false
    }
    if now - lastLook >= 0.25 {
      lastLook = now
      holder = WriterNote.read(databasePath: databasePath).flatMap {
        $0.holderIsAlive ? $0 : nil
      }
      if holder != nil { lastSeenAlive = now }
    }
    if !announced, now - start >= announceAfterSeconds {
      announced = true
      notice?(holder?.waitingLine ?? "waiting for another command writing to the register…")
    }
    if holder == nil, now - lastSeenAlive > giveUpSeconds { return false }
    usleep(count < 20 ? 2_000 : 10_000)
    return true
  }

  /// A monotonic clock, in seconds.
  private static func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }
}
