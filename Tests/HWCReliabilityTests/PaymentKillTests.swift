import Foundation
import HWCTestSupport
import Testing

/// SIGKILL at seeded random moments of a committee's approvals and a treasurer's payments, one
/// built `hwc` after another: a payment is either recorded with its ledger entries and audit
/// entry or absent, a complaint is reserved and paid at most once, no budget is over-committed.
@Suite(.serialized) struct PaymentKillTests {
  /// Complaints assessed at 155,700 KZT each; the budget covers all but the last.
  static let complaints = 4
  static let amountMinor = 15_570_000

  /// An office whose Kaztalov complaints KAZ-2026-0001… are inspected and assessed, with a 2026
  /// budget one complaint short.
  static func office() throws -> Office {
    let office = try Office(users: [
      ("dauren", ["officer@Kaztalov"]), ("marat", ["inspector@Kaztalov"]),
      ("aliya", ["committee@Kaztalov"]), ("bolat", ["committee@Kaztalov"]),
      ("tolkyn", ["treasurer@Kaztalov"]),
    ])
    let csv = office.folder.write("field.csv", KillTests.attacks(complaints, refPrefix: "P"))
    try office.setup(["complaint", "import", csv] + office.acting("dauren"))
    for code in codes {
      try office.setup(
        [
          "inspect", code, "--date", "2026-06-03", "--item", "sheep_goat.adult=3", "--protected",
          "yes",
        ] + office.acting("marat"))
      try office.setup(["assess", code] + office.acting("dauren"))
    }
    let budget = (complaints - 1) * amountMinor / 100 + 50_000
    try office.setup(
      ["budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "\(budget)"]
        + office.acting("tolkyn"))
    return office
  }

  static let codes = (1...complaints).map { "KAZ-2026-000\($0)" }

  /// The stream: each complaint approved by two members, then paid.
  static func stream(_ office: Office) -> [[String]] {
    codes.enumerated().flatMap { index, code in
      [
        ["approve", code] + office.acting("aliya"), ["approve", code] + office.acting("bolat"),
        ["pay", code, "--reference", "HALYK-\(index)"] + office.acting("tolkyn"),
      ]
    }
  }

  /// Runs the stream on `register`, killing the command running `moment` seconds in; returns
  /// whether a kill landed and how many commands ended on their own.
  static func run(_ office: Office, on register: String, killingAt moment: Double?) throws -> (
    killed: Bool, finished: Int
  ) {
    let started = Date()
    var finished = 0
    for (index, words) in stream(office).enumerated() {
      let child = try office.spawn(words, "stream-\(index)", register: register)
      if let moment, KillTests.kill(child, after: moment - Date().timeIntervalSince(started)) {
        _ = try child.wait()
        return (true, finished)
      }
      _ = try child.wait()
      finished += 1
    }
    return (false, finished)
  }

  /// Records an issue unless every payment and reservation of `register` is whole and unique.
  static func expectWhole(_ office: Office, _ register: String, _ context: String) throws {
    try office.expectSound(register, context)
    func count(_ table: String, _ filter: String) throws -> Int {
      try office.count(table, filter, register: register)
    }
    // Every transfer has at least two entries that sum to zero.
    let broken = try count(
      "ledger_transfer t",
      "(SELECT count(*) FROM ledger_entry e WHERE e.transfer_id = t.id) < 2 "
        + "OR (SELECT sum(amount_minor) FROM ledger_entry e WHERE e.transfer_id = t.id) != 0")
    #expect(broken == 0, "\(context): \(broken) transfers without balanced entries")
    for kind in ["reservation", "payment"] {
      let twice = try count(
        "(SELECT complaint_id FROM ledger_transfer WHERE kind = '\(kind)' GROUP BY complaint_id "
          + "HAVING count(*) > 1)", "1")
      #expect(twice == 0, "\(context): \(twice) complaints with more than one \(kind)")
    }
    let paid = try count("complaint", "status = 'paid'")
    let payments = try count("ledger_transfer", "kind = 'payment'")
    #expect(paid == payments, "\(context): \(paid) paid complaints, \(payments) payments")
    let reserved = try count("ledger_transfer", "kind = 'reservation'")
    #expect(reserved <= complaints - 1, "\(context): \(reserved) reservations, budget for 3")
    let shown = office.run(
      ["budget", "show", "--district", "Kaztalov", "--year", "2026", "--json"], register: register)
    let budget = try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any]
    let available = try #require(budget?["available_minor"] as? Int, "\(context): \(shown)")
    #expect(available >= 0, "\(context): the budget is over-committed: \(shown.out)")
  }

  @Test func approvalsAndPaymentsKilledAtRandomMomentsAreWholeOrAbsent() throws {
    var random = Reliability.generator("payment kills")
    let kills = Reliability.count(short: 3, long: 40)
    let office = try Self.office()
    let whole = try office.copy(to: "whole.sqlite")
    let started = Date()
    let full = try Self.run(office, on: whole, killingAt: nil)
    let duration = Date().timeIntervalSince(started)
    #expect(full.finished == Self.complaints * 3)
    try Self.expectWhole(office, whole, "the whole stream")
    #expect(try office.count("ledger_transfer", "kind = 'payment'", register: whole) == 3)
    var landed = 0
    var payments = 0
    for kill in 1...kills {
      let register = try office.copy(to: "kill-\(kill).sqlite")
      defer { KillTests.remove(register) }
      let moment = random.real(0...1) * duration
      let run = try Self.run(office, on: register, killingAt: moment)
      if run.killed { landed += 1 }
      let context =
        "kill \(kill) at \(String(format: "%.3f", moment)) s, command \(run.finished + 1)"
      try Self.expectWhole(office, register, context)
      payments += try office.count("ledger_transfer", "kind = 'payment'", register: register)
    }
    Reliability.report(
      "payment kills",
      "\(kills) SIGKILLs in a stream of \(Self.complaints * 3) approvals and payments "
        + "(\(String(format: "%.1f", duration)) s); \(landed) landed in a running hwc; "
        + "\(payments) payments survived, each whole; no budget over-committed")
  }
}
