import HWCCore
import HWCDomain
import HWCRules
import HWCStore
import Testing

@testable import HWCRegister

/// `assess --pending` audits the states it writes without reading them back (issue #12): the
/// states built from the values written (`AuditStateWritten`), the states of a batch read by
/// range (`AuditStateRange`) and the chain's head and command remembered for one transaction
/// (`AuditLog.AppendMemory`) give the entries the one-by-one reads would, and the chain holds
/// through a rollback to a savepoint and a change of command.
@Suite struct AuditStateWrittenTests {
  /// Inspected, not yet assessed complaints of both schemes: Yerlan's wolf losses in Kaztalov
  /// (kz-state; one reported late, so ineligible) and Asel's snow-leopard losses in Shamshy
  /// (kg-buffer; 10 sheep insured). Returns the fixture and the codes, kz-state ones first.
  func pending() throws -> (Fixture, [String]) {
    let fixture = try Fixture.money()
    try fixture.withoutReinspection()
    _ = try fixture.register.insureHerd(
      nationalID: Fixture.asel, season: "2026", livestockClass: "sheep_goat", heads: "10",
      actor: fixture.actor("bakyt"))
    let tests = AssessPendingTests()
    var codes = [
      try tests.inspectedOnly(fixture) { $0.items = ["sheep_goat.adult=5"] },
      try tests.inspectedOnly(fixture) { $0.reportedDate = "2026-06-05" },
      try tests.inspectedOnly(fixture) { $0.items = ["sheep_goat.adult=2", "cattle.adult=1"] },
    ]
    for items in [["sheep_goat.adult=3"], ["sheep_goat.adult=12"]] {
      codes.append(try fixture.bufferComplaint(items: items, inspectedOn: "2026-06-05"))
    }
    return (fixture, codes)
  }

  /// The digest of the newest audit entry of row `id` of `kind`.
  func loggedDigest(_ db: Database, _ kind: AuditedKind, _ id: Int) throws -> [UInt8]? {
    try db.prepare(
      "SELECT digest FROM audit_entry WHERE kind = ? AND row = ? ORDER BY id DESC LIMIT 1"
    ).first(with: [kind.code, id]) { $0.blob("digest") }
  }

  @Test func theDigestsOfABatchAreThoseOfTheStatesReadBack() throws {
    let (fixture, _) = try pending()
    let db = fixture.register.db
    for officer in ["dauren", "bakyt"] {
      var errors: [String] = []
      _ = try fixture.register.assessPending(actor: fixture.actor(officer), batch: 3) {
        errors.append($0)
      }
      #expect(errors.isEmpty)
    }
    // Every outcome of both schemes was written by the batch.
    let kinds = try db.prepare("SELECT DISTINCT scheme || ':' || outcome FROM assessment")
      .map { $0.text(0) }
    #expect(
      Set(kinds).isSuperset(of: ["kz-state:eligible", "kz-state:ineligible", "kg-buffer:eligible"]),
      "\(kinds)")
    let reader = AuditStateReader(db: db)
    for (name, table) in [("assessment", "assessment"), ("complaint", "complaint")] {
      let kind = AuditedKind.named(name)
      let ids = try db.prepare("SELECT id FROM \(table) ORDER BY id").map { $0.int(0) }
      #expect(ids.count == 5)
      for id in ids {
        let read = try #require(try reader.state(kind, row: id))
        #expect(try loggedDigest(db, kind, id) == read.digest(kind), "\(name) \(id)")
      }
    }
    // Each move to assessed or ineligible names its event row (`TransitionChange.known`).
    let changes = try db.prepare(
      "SELECT change FROM audit_entry WHERE kind = 3 AND action = 'assessed' ORDER BY id"
    ).map { $0.text(0) }
    #expect(changes.count == 5)
    #expect(changes.allSatisfy { $0.hasPrefix(TransitionChange.prefix) }, "\(changes)")
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test func anAssessmentsStateBuiltFromItsValuesIsTheStateReadBack() throws {
    let (fixture, codes) = try pending()
    let register = fixture.register
    let kind = AuditedKind.named("assessment")
    for code in [codes[0], codes[1], codes[3]] {
      let complaint = try register.header(code: code)
      let actor = try fixture.actor(complaint.conservancyID == nil ? "dauren" : "bakyt")
      guard let input = try register.assessmentInput(complaint) else {
        Issue.record("no input for \(code)")
        continue
      }
      let assessment = try RulesEngine.assess(input, policy: try register.policy())
      let (id, built) = try register.db.transaction {
        let set = try register.assessments.policySet(for: assessment)
        return try register.assessments.write(
          assessment, complaintID: complaint.id, inspectionID: nil, actorID: actor.id,
          at: "2026-06-15T09:30:00Z", policySetID: set.id)
      }
      let read = try #require(try AuditStateReader(db: register.db).state(kind, row: id))
      #expect(built == read, "\(code)")
      #expect(built.digest(kind) == read.digest(kind), "\(code)")
    }
  }

  @Test func statesReadByRangeAreThoseReadOneByOne() throws {
    let (fixture, _) = try pending()
    _ = try fixture.register.assessPending(actor: fixture.actor("dauren")) { _ in }
    let db = fixture.register.db
    let kind = AuditedKind.named("complaint")
    let states = try AuditStateRange(db: db).states(kind, from: 2, to: 5)
    #expect(states.keys.sorted() == [2, 3, 4, 5])
    for (id, state) in states {
      #expect(state == (try AuditStateReader(db: db).state(kind, row: id)), "complaint \(id)")
    }
  }

  @Test func anEntryAfterARollbackToASavepointChainsOnTheLastEntryKept() throws {
    let (fixture, codes) = try pending()
    let register = fixture.register
    let dauren = try fixture.actor("dauren")
    struct Refusal: Error {}
    try register.db.transaction {
      _ = try register.assess(code: codes[0], actor: dauren)
      #expect(throws: Refusal.self) {
        try register.db.savepoint {
          _ = try register.assess(code: codes[1], actor: dauren)
          throw Refusal()
        }
      }
      _ = try register.assess(code: codes[2], actor: dauren)
    }
    #expect(try register.complaint(code: codes[1]).status == "inspected")
    #expect(try register.complaint(code: codes[2]).status == "assessed")
    let ids = try register.db.prepare("SELECT id FROM audit_entry ORDER BY id").map { $0.int(0) }
    #expect(ids == Array(1...ids.count))
    #expect(try register.verifyAudit().problem == nil)
  }

  @Test func commandsChangedWithinOneTransactionAreEachRecorded() throws {
    let (fixture, codes) = try pending()
    let register = fixture.register
    let dauren = try fixture.actor("dauren")
    let commands = ["assess one", "assess two", "assess one"]
    try register.db.transaction {
      for (code, command) in zip(codes, commands) {
        register.command = command
        _ = try register.assess(code: code, actor: dauren)
      }
    }
    for (code, command) in zip(codes, commands) {
      let id = try register.header(code: code).id
      let recorded = try register.db.prepare(
        """
        SELECT c.command FROM audit_entry e JOIN audit_command c ON c.id = e.command_id
        WHERE e.kind = 3 AND e.row = ? ORDER BY e.id DESC LIMIT 1
        """
      ).first(with: [id]) { $0.text(0) }
      #expect(recorded == command, "\(code)")
    }
    #expect(try register.verifyAudit().problem == nil)
  }

  @Test func aRememberedLineLendsItsAnswerOnlyToAnEqualLine() {
    let memory = AssessmentStore.Memory()
    let line = ExplanationLine(
      step: .eligibility, rule: "inspected", values: ["date": "2026-06-10"],
      text: "inspected on 2026-06-10: ok")
    var asked = 0
    #expect(
      memory.rebuilds(line, .kzState) {
        asked += 1
        return true
      })
    // Remembered: the renderer is not asked again for the same line.
    #expect(
      memory.rebuilds(line, .kzState) {
        asked += 1
        return false
      })
    #expect(asked == 1)
    // Another text, other values or another scheme: asked, and its own answer kept.
    let otherText = ExplanationLine(
      step: .eligibility, rule: "inspected", values: ["date": "2026-06-10"],
      text: "inspected on 10 June 2026: ok")
    let otherValues = ExplanationLine(
      step: .eligibility, rule: "inspected", values: ["date": "2026-06-11"],
      text: "inspected on 2026-06-10: ok")
    #expect(
      !memory.rebuilds(otherText, .kzState) {
        asked += 1
        return false
      })
    #expect(
      !memory.rebuilds(otherValues, .kzState) {
        asked += 1
        return false
      })
    #expect(
      !memory.rebuilds(line, .kgBuffer) {
        asked += 1
        return false
      })
    #expect(asked == 4)
  }

  @Test func aBatchStoresEmptyOnlyTheTextsTheRendererRebuildsExactly() throws {
    let fixture = try Fixture.money()
    try fixture.withoutReinspection()
    let tests = AssessPendingTests()
    let codes = try ["2026-06-10", "2026-06-11", "2026-06-10"].map { date in
      try tests.inspectedOnly(fixture, inspectedOn: date) { _ in }
    }
    // A renderer that words the inspection step of 10 June only, and nothing else.
    fixture.register.explanationText = { line, _ in
      line.rule == "inspected" ? "inspected on 2026-06-10: ok" : nil
    }
    _ = try fixture.register.assessPending(actor: fixture.actor("dauren")) { _ in }
    let db = fixture.register.db
    for (code, date) in zip(codes, ["2026-06-10", "2026-06-11", "2026-06-10"]) {
      let id = try #require(
        try db.scalar(
          Int.self,
          "SELECT a.id FROM assessment a JOIN complaint c ON c.id = a.complaint_id WHERE c.code = ?",
          with: [code]))
      let blob = try #require(
        try db.prepare("SELECT explanation FROM assessment WHERE id = ?").first(with: [id]) {
          $0.blob(0)
        })
      let stored = try #require(ExplanationCodec.decode(blob))
      let inspected = try #require(stored.first { $0.rule == "inspected" })
      #expect(inspected.text == (date == "2026-06-10" ? "" : "inspected on \(date): ok"), "\(code)")
      #expect(stored.filter { $0.rule != "inspected" }.allSatisfy { !$0.text.isEmpty })
      let read = try #require(try fixture.register.latestAssessment(code: code))
      #expect(read.explanationLines.contains("eligibility: inspected on \(date): ok"), "\(code)")
    }
    #expect(try fixture.register.verifyAudit().problem == nil)
  }
}
