import HWCCore
import HWCStore
import HWCTestSupport
import Testing

@testable import HWCRegister

/// Printed anchors witness the chain's head: a chain rewritten consistently after an anchor was
/// printed passes `verifyAudit` but not the anchor.
@Suite struct AnchorTests {
  /// A register with a complaint, and its anchor.
  func anchored() throws -> (Fixture, AuditAnchor) {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    return (fixture, try #require(try fixture.register.auditAnchor()))
  }

  /// Rewrites the chain from entry `from` on, as an attacker with `sqlite3` and a SHA-256 tool
  /// could: every hash recomputed, so the chain is consistent again. The log's guard triggers
  /// must already be dropped (`Tamper.register`).
  static func rewriteChain(at path: String, from first: Int) throws {
    let raw = try Database(path: path, create: false)
    var entries: [(AuditLog.Entry, String)] = []
    try raw.prepare(
      "SELECT id, at, actor, command, entity, action, before, after, prev_hash FROM audit_log "
        + "ORDER BY id"
    ).eachRow { row in
      entries.append(
        (
          AuditLog.Entry(
            id: row.int(0), at: row.text(1), actor: row.text(2), command: row.text(3),
            entity: row.text(4), action: row.text(5), before: row.optionalText(6),
            after: row.optionalText(7)), row.text(8)
        ))
    }
    var previous = entries[first - 1].1
    for (entry, _) in entries where entry.id >= first {
      let hash = AuditLog.hash(previous: previous, entry)
      try raw.run(
        "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
        with: [previous, hash, entry.id])
      previous = hash
    }
  }

  @Test func theAnchorIsTheLastEntryAndItsHashPrefix() throws {
    let (fixture, anchor) = try anchored()
    let last = try #require(try fixture.register.auditLog().last)
    #expect(anchor.entry == last.id)
    #expect(anchor.hash == String(last.hash.prefix(16)))
    #expect(anchor.description == "\(last.id):\(last.hash.prefix(16))")
    #expect(try fixture.register.checkAnchor(anchor) == nil)
  }

  @Test(arguments: ["8:0123456789abcdef", " 8:0123456789ABCDEF "])
  func anchorsParseAsPrinted(text: String) throws {
    let anchor = try #require(AuditAnchor(text))
    #expect(anchor == AuditAnchor(entry: 8, hash: "0123456789abcdef"))
  }

  @Test(arguments: [
    "", "8", "8:", ":0123456789abcdef", "0:0123456789abcdef", "8:0123456789abcde",
    "8:0123456789abcdefa", "8:0123456789abcdeg", "x:0123456789abcdef", "8:01:23456789abcdef",
  ])
  func malformedAnchorsAreRefused(text: String) {
    #expect(AuditAnchor(text) == nil)
  }

  @Test func aChainRewrittenAfterTheAnchorPassesVerifyButNotTheAnchor() throws {
    let (fixture, anchor) = try anchored()
    // The attacker changes who made entry 3 and recomputes every hash from there on.
    try Tamper.register(at: fixture.path, "UPDATE audit_log SET actor = 'saule' WHERE id = 3")
    try Self.rewriteChain(at: fixture.path, from: 3)
    let register = try Register.open(path: fixture.path, clock: Fixture.clock)
    #expect(try register.verifyAudit().problem == nil)
    let problem = try #require(try register.checkAnchor(anchor))
    #expect(problem.hasPrefix("audit entry #\(anchor.entry) is now "))
    #expect(problem.hasSuffix("the chain was rewritten after the anchor was printed"))
  }

  @Test func anAnchorBeyondTheChainSaysEntriesWereRemoved() throws {
    let (fixture, anchor) = try anchored()
    let later = AuditAnchor(entry: anchor.entry + 5, hash: anchor.hash)
    #expect(
      try fixture.register.checkAnchor(later)
        == "the register has no audit entry #\(later.entry) (its chain ends at #\(anchor.entry)): "
        + "entries were removed after the anchor \(later) was printed")
  }
}
