import HWCCore
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// `audit verify` shares its work with a second connection (`SnapshotPartner`): what that could
/// get wrong. The digests it computes are `AuditState`'s, a write committed while the two
/// connections start reading is no false alarm, and a tamper in the part the second connection
/// reads is found and named as the sequential check names it.
@Suite struct AuditVerifySnapshotTests {
  let directory = TemporaryDirectory()

  /// The partner does every part (the chain and all the kinds) whenever it shares the snapshot.
  static let partnerOnly = Register.AuditVerifySharing(callerCompares: false)

  /// The chain walk and the state comparison run one after the other on `register`'s own
  /// connection, as `AuditSeal` still runs them.
  func sequential(_ register: Register) throws -> Register.AuditVerification {
    try register.db.transaction(.deferred) {
      let chain = try AuditChainCheck(db: register.db).run()
      if let problem = chain.problem {
        return Register.AuditVerification(entries: chain.entries, rows: 0, problem: problem)
      }
      var rows = 0
      var problem: String?
      try AuditStateCheck(db: register.db).run { difference in
        problem = try difference.problem(in: register.db)
        return false
      } counted: {
        rows = $0
      }
      return Register.AuditVerification(entries: chain.entries, rows: rows, problem: problem)
    }
  }

  @Test func eachDigestIsTheDigestOfEveryEntitysState() throws {
    let scenario = try ControlsScenario(path: directory.file("hwc.sqlite"))
    let db = scenario.register.db
    let reader = AuditStateReader(db: db)
    var compared: [Int: Int] = [:]
    for kind in AuditedKind.all where !kind.wholeTable {
      try reader.eachDigest(kind) { row, digest in
        let state = try #require(try reader.state(kind, row: row))
        #expect(digest == state.digest(kind), "\(kind.name) #\(row)")
        compared[kind.code, default: 0] += 1
      }
    }
    // Complaints with items, events and flags; inspections with items; assessments; transfers
    // with their ledger entries: the child cursors ran over rows of every sort.
    for code in [1, 2, 3, 5, 9, 11, 12] { #expect(compared[code, default: 0] > 0, "kind \(code)") }
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM complaint_flag") ?? 0 > 0)
  }

  @Test func theSharedVerificationIsTheSequentialOne() throws {
    let path = directory.file("hwc.sqlite")
    let scenario = try ControlsScenario(path: path)
    let expected = try sequential(scenario.register)
    #expect(expected.problem == nil && expected.entries > 0 && expected.rows > 0)
    for sharing in [Register.AuditVerifySharing.both, Self.partnerOnly] {
      let result = try scenario.register.verifyAudit(schemaDifferences: nil, sharing: sharing)
      #expect(result.entries == expected.entries)
      #expect(result.rows == expected.rows)
      #expect(result.problem == nil)
    }
  }

  @Test func aWriteCommittedWhileTheConnectionsStartIsNoFalseAlarm() throws {
    let fixture = try Fixture()
    let register = fixture.register
    _ = try register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    let before = try register.verifyAudit()
    let path = fixture.path
    let draft = fixture.draft { $0.incidentDate = "2026-05-20" }
    // Between the caller's first read and the partner's, another process registers a complaint.
    let sharing = Register.AuditVerifySharing(callerCompares: false) {
      do {
        let writer = try Register.open(path: path, clock: Fixture.clock)
        _ = try writer.registerComplaint(draft, actor: try writer.actor(named: "dauren"))
      } catch {
        Issue.record(error)
      }
    }
    let result = try register.verifyAudit(schemaDifferences: nil, sharing: sharing)
    // The partner stood aside: everything was read on the caller's snapshot, before the write.
    #expect(result.problem == nil)
    #expect(result.entries == before.entries)
    #expect(result.rows == before.rows)
    let after = try register.verifyAudit()
    #expect(after.problem == nil)
    #expect(after.entries > before.entries && after.rows == before.rows + 1)
  }

  @Test(arguments: [
    "UPDATE audit_entry SET action = 'edited' WHERE id = (SELECT max(id) FROM audit_entry) - 5",
    "DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry) - 7",
    "UPDATE complaint SET status = 'approved' WHERE id = (SELECT max(id) FROM complaint)",
    "UPDATE inspection_item SET quantity_centi = quantity_centi + 100 WHERE inspection_id = 1",
    "UPDATE assessment SET amount_minor = amount_minor + 1 WHERE id = (SELECT max(id) FROM assessment)",
    "DELETE FROM approval WHERE id = (SELECT min(id) FROM approval)",
    "INSERT INTO complaint_item(complaint_id, item, quantity_centi) VALUES (1, 'horse.adult', 100)",
  ])
  func aTamperInThePartnersShareIsNamedAsBefore(sql: String) throws {
    let path = directory.file("hwc.sqlite")
    _ = try ControlsScenario(path: path)
    try Tamper.anyRow(at: path, sql)
    let register = try Register.open(path: path, clock: Fixture.clock)
    let expected = try sequential(register)
    #expect(expected.problem != nil)
    for sharing in [Register.AuditVerifySharing.both, Self.partnerOnly] {
      let result = try register.verifyAudit(schemaDifferences: nil, sharing: sharing)
      #expect(result.problem == expected.problem)
      #expect(result.entries == expected.entries)
      #expect(result.rows == expected.rows)
    }
  }
}
