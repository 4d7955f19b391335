import Foundation
import HWCStore

/// A writer note left by a process that has ended: what a crashed import leaves behind.
public enum StaleWriterNote {
  /// Writes, next to the register at `databasePath`, the note of a process that ran and ended
  /// (`/bin/true`), and returns it.
  @discardableResult
  public static func write(databasePath: String) throws -> WriterNote {
    let ended = Process()
    ended.executableURL = URL(fileURLWithPath: "/bin/true")
    try ended.run()
    ended.waitUntilExit()
    let note = WriterNote(
      pid: ended.processIdentifier, user: "gone", command: "a complaint import", started: 0)
    try note.write(databasePath: databasePath)
    return note
  }
}
