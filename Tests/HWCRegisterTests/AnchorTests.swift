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
    let third = try fixture.sealed + 3
    try Tamper.register(
      at: fixture.path, "UPDATE audit_entry SET action = 'edited' WHERE id = \(third)")
    try Tamper.rewriteChain(at: fixture.path, from: third)
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
