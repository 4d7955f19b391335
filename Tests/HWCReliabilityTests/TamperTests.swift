import Foundation
import HWCStore
import HWCTestSupport
import Testing

/// Tampering with a register's rows and audit log as someone with `sqlite3` could (guard
/// triggers dropped and made again): every case is caught by `hwc audit verify` and `hwc check`,
/// which exit 1 naming the entity or entry, national IDs masked. Complements the cases of
/// `CLIMaintenanceTests`, `CLIEdgeTests`, `AuditTests` and `SchemaCheckTests`.
@Suite(.serialized) struct TamperTests {
  /// One tampering: its SQL and the names of which `audit verify` and `check` must give one.
  struct Case: CustomStringConvertible {
    let description: String
    let sql: String
    let names: [String]
  }

  /// A masked national ID as messages show it.
  static func masked(_ id: String) -> String {
    String(id.prefix(2)) + String(repeating: "*", count: id.count - 4) + String(id.suffix(2))
  }

  /// The payment office with KAZ-2026-0001 and -0002 paid and -0003 approved by one member
  /// (the last audit entry).
  static func office() throws -> Office {
    let office = try PaymentKillTests.office()
    for words in PaymentKillTests.stream(office).prefix(7) { try office.setup(words) }
    return office
  }

  static func cases(_ office: Office) throws -> [Case] {
    let raw = try Database(path: office.db, create: false)
    func value(_ sql: String) throws -> Int { try raw.scalar(Int.self, sql) ?? -1 }
    func complaint(_ code: String) -> String { "(SELECT id FROM complaint WHERE code = '\(code)')" }
    let payment = try value(
      "SELECT id FROM ledger_transfer WHERE kind = 'payment' AND complaint_id = \(complaint("KAZ-2026-0001"))"
    )
    let lastPayment = try value("SELECT max(id) FROM ledger_transfer WHERE kind = 'payment'")
    let assessment = try value(
      "SELECT id FROM assessment WHERE complaint_id = \(complaint("KAZ-2026-0003"))")
    let approvals = try value("SELECT max(id) FROM approval")
    let transfers = try value("SELECT max(id) FROM ledger_transfer")
    let entries = try value("SELECT max(id) FROM ledger_entry")
    let last = try value("SELECT max(id) FROM audit_entry")
    // An entry's command (who, when) is stored once; altering it is named at its first entry.
    func firstOfCommand(_ entry: Int) throws -> Int {
      try value(
        """
        SELECT min(id) FROM audit_entry
        WHERE command_id = (SELECT command_id FROM audit_entry WHERE id = \(entry))
        """)
    }
    func command(_ entry: Int) -> String {
      "(SELECT command_id FROM audit_entry WHERE id = \(entry))"
    }
    let claimant = try #require(
      try raw.scalar(
        String.self,
        "SELECT national_id FROM claimant WHERE id = (SELECT claimant_id FROM complaint WHERE code = 'KAZ-2026-0004')"
      ))
    let herder = "claimant:\(masked(claimant))"
    let forged = String(claimant.prefix(6)) + "999999"
    return [
      Case(
        description: "a complaint's incident date edited",
        sql: "UPDATE complaint SET incident_date = '2026-05-01' WHERE code = 'KAZ-2026-0002'",
        names: ["complaint:KAZ-2026-0002"]),
      Case(
        description: "a complaint's status edited",
        sql: "UPDATE complaint SET status = 'paid' WHERE code = 'KAZ-2026-0003'",
        names: ["complaint:KAZ-2026-0003"]),
      Case(
        description: "a claimant's village edited",
        sql: "UPDATE claimant SET village = 'Elsewhere' WHERE national_id = '\(claimant)'",
        names: [herder]),
      Case(
        description: "a claimant's national ID edited",
        sql: "UPDATE claimant SET national_id = '\(forged)' WHERE national_id = '\(claimant)'",
        names: [herder, "claimant:\(masked(forged))"]),
      Case(
        description: "an assessment's amount multiplied by ten",
        sql: "UPDATE assessment SET amount_minor = amount_minor * 10 WHERE id = \(assessment)",
        names: ["assessment:\(assessment)"]),
      Case(
        description: "a payment's amount doubled on both sides",
        sql:
          "UPDATE ledger_entry SET amount_minor = amount_minor * 2 WHERE transfer_id = \(payment)",
        names: ["transfer:\(payment)"]),
      Case(
        description: "a payment's bank reference edited",
        sql: "UPDATE ledger_transfer SET reference = 'HALYK-FORGED' WHERE id = \(payment)",
        names: ["transfer:\(payment)"]),
      Case(
        description: "a complaint inserted",
        sql: """
          CREATE TEMP TABLE forged AS SELECT * FROM complaint WHERE code = 'KAZ-2026-0004';
          UPDATE forged SET id = id + 1000, code = 'KAZ-2026-0099', seq = 99, external_ref = 'FORGED';
          INSERT INTO complaint SELECT * FROM forged;
          """,
        names: ["complaint:KAZ-2026-0099"]),
      Case(
        description: "an allocation inserted with its entries",
        sql: """
          CREATE TEMP TABLE forged AS SELECT * FROM ledger_transfer WHERE kind = 'allocation';
          UPDATE forged SET id = \(transfers + 1);
          INSERT INTO ledger_transfer SELECT * FROM forged;
          CREATE TEMP TABLE lines AS SELECT * FROM ledger_entry
            WHERE transfer_id = (SELECT id FROM ledger_transfer WHERE kind = 'allocation' LIMIT 1);
          UPDATE lines SET id = id + \(entries), transfer_id = \(transfers + 1);
          INSERT INTO ledger_entry SELECT * FROM lines;
          """,
        names: ["transfer:\(transfers + 1)"]),
      Case(
        description: "a second approval inserted",
        sql: """
          INSERT INTO approval (complaint_id, assessment_id, member_id, at)
          SELECT \(complaint("KAZ-2026-0003")), \(assessment), id, '2026-06-10T00:00:00Z'
          FROM app_user WHERE name = 'bolat'
          """,
        names: ["approval:\(approvals + 1)"]),
      Case(
        description: "a complaint deleted",
        sql: "DELETE FROM complaint WHERE code = 'KAZ-2026-0004'",
        names: ["complaint:KAZ-2026-0004"]),
      Case(
        description: "a claimant deleted",
        sql: "DELETE FROM claimant WHERE national_id = '\(claimant)'", names: [herder]),
      Case(
        description: "an assessment deleted",
        sql: "DELETE FROM assessment WHERE id = \(assessment)",
        names: ["assessment:\(assessment)"]),
      Case(
        description: "a payment deleted with its entries",
        sql: """
          DELETE FROM ledger_entry WHERE transfer_id = \(lastPayment);
          DELETE FROM ledger_transfer WHERE id = \(lastPayment)
          """,
        names: ["transfer:\(lastPayment)"]),
      Case(
        description: "an audit entry's time altered",
        sql: "UPDATE audit_command SET at = '2020-01-01T00:00:00Z' WHERE id = \(command(5))",
        names: ["#\(try firstOfCommand(5))"]),
      Case(
        description: "an audit entry's actor altered",
        sql: "UPDATE audit_command SET actor = 'admin' WHERE id = \(command(last - 3))",
        names: ["#\(try firstOfCommand(last - 3))"]),
      Case(
        description: "an audit entry's action altered",
        sql: "UPDATE audit_entry SET action = 'create' WHERE id = \(last - 2)",
        names: ["#\(last - 2)"]),
      Case(
        description: "an audit entry inserted at the end",
        sql: """
          CREATE TEMP TABLE forged AS SELECT * FROM audit_entry WHERE id = 5;
          UPDATE forged SET id = \(last + 1), hash = randomblob(32);
          INSERT INTO audit_entry SELECT * FROM forged;
          """,
        names: ["#\(last + 1)"]),
      Case(
        description: "an audit entry deleted",
        sql: "DELETE FROM audit_entry WHERE id = \(last - 6)",
        names: ["#\(last - 6)", "#\(last - 5)"]),
      Case(
        description: "the last audit entry deleted",
        sql: "DELETE FROM audit_entry WHERE id = \(last)",
        names: ["approval:\(approvals)", "complaint:KAZ-2026-0003", "#\(last)"]),
      Case(
        description: "two audit entries swapped",
        sql: """
          UPDATE audit_entry SET id = -1 WHERE id = \(last - 9);
          UPDATE audit_entry SET id = \(last - 9) WHERE id = \(last - 8);
          UPDATE audit_entry SET id = \(last - 8) WHERE id = -1;
          """,
        names: ["#\(last - 9)", "#\(last - 8)"]),
    ]
  }

  @Test func everyTamperingIsNamedByAuditVerifyAndCheck() throws {
    _ = Reliability.generator("tampering")  // nothing random: the seed is printed
    let office = try Self.office()
    try office.expectSound(office.db, "before tampering")
    let ids = try Database(path: office.db, create: false).prepare(
      "SELECT national_id FROM claimant"
    ).map { $0.text("national_id") }
    let cases = try Self.cases(office)
    for (number, tampering) in cases.enumerated() {
      let register = try office.copy(to: "tampered-\(number).sqlite")
      try Tamper.anyRow(at: register, tampering.sql)
      for words in [["audit", "verify"], ["check"]] {
        let outcome = office.run(words, register: register)
        let context = "\(tampering): hwc \(words.joined(separator: " "))"
        #expect(outcome.code == 1, "\(context): \(outcome)")
        // `check` prints every section, the audit chain's too; its sentence names the first.
        #expect(
          tampering.names.contains { (outcome.out + outcome.err).contains($0) },
          "\(context) names none of \(tampering.names): \(outcome)")
        for id in ids {
          #expect(!(outcome.out + outcome.err).contains(id), "\(context): \(outcome)")
        }
      }
    }
    Reliability.report(
      "tampering",
      "\(cases.count) tamperings of rows and audit entries: every one named by "
        + "audit verify and check (exit 1), no full national ID shown")
  }
}
