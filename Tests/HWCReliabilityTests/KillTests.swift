import Foundation
import HWCCore
import HWCTestSupport
import Testing

/// SIGKILL at seeded random moments of a complaint import and of an approval and payment
/// stream, run by the built `hwc`: after every kill the file is intact (`check`, `audit verify`,
/// `PRAGMA integrity_check`) and every command is all-done or not-done.
@Suite(.serialized) struct KillTests {
  /// A complaint CSV of `rows` wolf attacks in Kaztalov, each by a new claimant.
  static func attacks(_ rows: Int, refPrefix: String = "W") -> String {
    var text = SpecCSV.complaintHeader
    for (row, iin) in GeneratedIIN.first(rows, bornFrom: 1972, sex: .male).enumerated() {
      text += "\(refPrefix)-\(row),\(iin),Herder \(row),Kaztalov,,Aul \(row % 9),"
      text += "livestock_predation,wolf,2026-06-01,2026-06-02,sheep_goat.adult=3\n"
    }
    return text
  }

  /// Waits until `child` ends or `seconds` pass; then kills it with SIGKILL if it still runs.
  /// Returns whether the kill landed (the process was still running).
  static func kill(_ child: ChildProcess, after seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while child.process.isRunning, Date() < deadline { usleep(500) }
    guard child.process.isRunning else { return false }
    return Glibc.kill(child.process.processIdentifier, SIGKILL) == 0
  }

  /// Removes a register and its WAL and shared-memory files.
  static func remove(_ register: String) {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: register + suffix)
    }
  }

  @Test func anImportKilledAtRandomMomentsImportsAllItsRowsOrNone() throws {
    var random = Reliability.generator("import kills")
    let rows = 2_000
    let kills = Reliability.count(short: 3, long: 40)
    let office = try Office(users: [("national", ["officer"])])
    let csv = office.folder.write("field.csv", Self.attacks(rows))
    let words = ["complaint", "import", csv] + office.acting("national")
    // The full import once, on a copy, to know how long a run takes.
    let whole = try office.copy(to: "whole.sqlite")
    let started = Date()
    let done = try office.spawned(words, register: whole)
    let duration = Date().timeIntervalSince(started)
    #expect(done.code == 0, "\(done)")
    #expect(try office.count("complaint", register: whole) == rows)
    var landed = 0
    var none = 0
    for kill in 1...kills {
      let register = try office.copy(to: "kill-\(kill).sqlite")
      defer { Self.remove(register) }
      let moment = random.real(0...0.9) * duration
      let child = try office.spawn(words, "kill-\(kill)", register: register)
      let killed = Self.kill(child, after: moment)
      let outcome = try child.wait()
      if killed {
        landed += 1
        #expect(child.signalled, "kill \(kill): \(outcome)")
      }
      let context = "kill \(kill) at \(String(format: "%.3f", moment)) s of \(duration) s"
      try office.expectSound(register, context)
      let complaints = try office.count("complaint", register: register)
      let claimants = try office.count("claimant", register: register)
      #expect(complaints == 0 || complaints == rows, "\(context): \(complaints) complaints")
      #expect(claimants == complaints, "\(context): \(claimants) claimants")
      if complaints == 0 {
        none += 1
        // Not done means nothing to undo: the same import, run again, does it all.
        let again = try office.spawned(words, register: register)
        #expect(again.code == 0, "\(context): import again: \(again)")
        #expect(try office.count("complaint", register: register) == rows, "\(context)")
      }
    }
    Reliability.report(
      "import kills",
      "\(kills) SIGKILLs of a \(rows)-row import (a run takes \(String(format: "%.1f", duration)) s); "
        + "\(landed) landed while it ran, \(none) left no complaint, \(kills - none) all \(rows); "
        + "every file intact")
  }
}
