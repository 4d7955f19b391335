import HWCTestSupport
import Testing

/// Why anchors matter, through the CLI: a chain rewritten consistently after a report was
/// printed passes `hwc audit verify`; the anchor printed on the report does not.
@Suite struct CLIAnchorRewriteTests {
  @Test func theAnchorOnAPrintedReportCatchesAChainRewrittenAfterwards() throws {
    let workspace = Workspace.standard()
    workspace.ok(Workspace.register(["--as", "dauren"]))
    let report = workspace.ok(["report", "quarterly", "--quarter", "2026-Q2"]).out
    let line = try #require(
      report.split(separator: "\n").first { $0.hasPrefix("Register anchor: ") })
    let anchor = String(line.dropFirst("Register anchor: ".count).prefix { $0 != " " })
    workspace.ok(["audit", "verify", "--anchor", anchor])

    // With the sqlite3 tool and a SHA-256 tool: change who registered the complaint in the log
    // and recompute every hash from the first entry on.
    try Tamper.register(
      at: workspace.db,
      """
      UPDATE audit_command SET actor = 'saule'
      WHERE id = (SELECT command_id FROM audit_entry WHERE kind = 3 AND action = 'create')
      """)
    try Tamper.rewriteChain(at: workspace.db, from: 1)

    let plain = workspace.run(["audit", "verify"])
    #expect(plain.code == 0, "\(plain)")
    let anchored = workspace.run(["audit", "verify", "--anchor", anchor])
    #expect(anchored.code == 1)
    #expect(
      anchored.errLines == [
        "hwc: audit verification failed: audit entry #\(anchor.prefix { $0 != ":" }) is now "
          + "\(try #require(anchoredHash(workspace, anchor))), not \(anchor.split(separator: ":")[1]) "
          + "as printed: the chain was rewritten after the anchor was printed"
      ])
  }

  /// The hash entry N now has, as `hwc audit anchor` would print it for that entry.
  func anchoredHash(_ workspace: Workspace, _ anchor: String) -> String? {
    let entry = anchor.prefix { $0 != ":" }
    let log = workspace.ok(["audit", "log", "--json"]).out
    guard let range = log.range(of: "\"id\":\(entry),") ?? log.range(of: "\"id\": \(entry),")
    else { return nil }
    let after = log[range.upperBound...]
    guard let hash = after.range(of: "\"hash\":") else { return nil }
    let value = after[hash.upperBound...].drop { $0 == " " || $0 == "\"" }
    return String(value.prefix(16))
  }
}
