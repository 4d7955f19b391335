import HWCCore
import HWCDomain
import HWCRegister

/// `hwc audit verify`, `hwc audit anchor` and `hwc audit log`.
enum AuditCommands {
  static let specs = [
    CommandSpec(
      ["audit", "verify"], abstract: "Recompute the audit hash chain and check every audited row",
      discussion: """
        Recomputes the SHA-256 chain over every audit entry, then compares the current state of
        every user, claimant and complaint with what its latest audit entry says it became. An
        edit made with another SQLite tool — to the log or to a record — is reported with the
        first entry or record that does not match, and the exit status is 1.

        A chain rewritten consistently after the fact passes that check; an anchor does not.
        `--anchor N:HASH` (as printed on a report, letter or receipt, or by `hwc audit anchor`)
        also checks that entry N still has that hash.
        """,
      options: [
        OptionSpec("anchor", "N:HASH", "an anchor printed earlier: entry N must still have HASH")
      ],
      traits: [.database, .json]
    ) { invocation in
      var anchor: AuditAnchor?
      if let text = invocation.value("anchor") {
        guard let parsed = AuditAnchor(text) else {
          throw DomainError.invalid(
            field: .anchor,
            "'\(text)' is not an anchor (N:HASH, the entry number and "
              + "\(AuditAnchor.digits) hex digits, as printed)")
        }
        anchor = parsed
      }
      let register = try invocation.openRegister()
      let result = try register.verifyAudit()
      let anchorProblem = try anchor.flatMap { try register.checkAnchor($0) }
      let problem = result.problem ?? anchorProblem
      if invocation.json {
        invocation.console.print(
          JSON.object([
            ("entries", .int(result.entries)), ("rows", .int(result.rows)),
            ("anchor", .optional(anchor?.description)), ("ok", .bool(problem == nil)),
            ("problem", .optional(problem)),
          ]))
      } else if problem == nil {
        invocation.console.print(
          "audit chain intact: \(result.entries) entries, \(result.rows) records match the log"
            + (anchor.map { "; anchor \($0) is held" } ?? ""))
      }
      if let problem {
        invocation.console.error("hwc: audit verification failed: \(problem)")
        return 1
      }
      return 0
    },
    CommandSpec(
      ["audit", "anchor"], abstract: "Print the audit chain's head as an anchor for a logbook",
      discussion: """
        Prints the number of the chain's last entry and the first 16 hex digits of its hash, the
        same anchor every printed document carries. Written in a paper logbook, it later proves
        with `hwc audit verify --anchor N:HASH` that the chain was not rewritten since.
        """,
      traits: [.database, .json]
    ) { invocation in
      let anchor = try invocation.openRegister().auditAnchor()
      if invocation.json {
        invocation.console.print(
          JSON.object([
            ("entry", .optional(anchor?.entry)), ("hash", .optional(anchor?.hash)),
            ("anchor", .optional(anchor?.description)),
          ]))
      } else {
        invocation.console.print(anchor.map { "anchor \($0)" } ?? "the audit log is empty")
      }
      return 0
    },
    CommandSpec(
      ["audit", "log"], abstract: "Print audit entries, oldest first (newest first with --limit)",
      discussion: """
        Each entry names the hwc user, and, for entries made since hwc recorded them, the OS
        account and host of the process (as account@host). Without --limit every entry is
        printed, oldest first; --limit N prints the N newest, newest first. An --entity of an
        unknown kind, or one with no entries, is refused (exit 1).
        """,
      options: [
        OptionSpec("entity", "KIND:ID", "only this entity, e.g. complaint:KAZ-2026-0001"),
        OptionSpec("actor", "NAME", "only entries made by this hwc user"),
        OptionSpec("limit", "N", "only the newest N entries, newest first"),
      ],
      traits: [.database, .json]
    ) { invocation in
      let limit = try invocation.wholeNumber("limit", field: .limit, minimum: 1)
      let register = try invocation.openRegister()
      let entries = try register.auditLog(
        entity: invocation.value("entity"), actor: invocation.value("actor"), limit: limit)
      if invocation.json {
        invocation.console.print(
          JSON.array(
            entries.map { entry in
              JSON.object([
                ("id", .int(entry.id)), ("at", .string(entry.at)), ("actor", .string(entry.actor)),
                ("command", .string(entry.command)),
                ("entity", .string(Masking.entity(entry.entity))),
                ("action", .string(entry.action)),
                ("before", .optional(entry.before.map(Masking.state))),
                ("after", .optional(entry.after.map(Masking.state))),
                ("change", .optional(entry.change.map(Masking.state))),
                ("digest", .optional(entry.digest)), ("hash", .string(entry.hash)),
                ("os_user", .optional(entry.osUser)), ("host", .optional(entry.host)),
              ])
            }))
        return 0
      }
      for entry in entries {
        invocation.console.print(
          "#\(entry.id) \(register.officeZone.display(entry.at)) \(entry.actor)\(origin(entry)): "
            + "\(entry.command) — "
            + "\(entry.action) " + Masking.entity(entry.entity))
        if let after = entry.after ?? (entry.action == "create" ? nil : entry.change) {
          invocation.console.print("    " + Masking.state(after))
        } else if let digest = entry.digest {
          invocation.console.print("    state sha256 \(digest.prefix(16))")
        }
      }
      return 0
    },
  ]
}

/// ` (account@host)` for an entry that records where it came from.
private func origin(_ entry: Register.AuditEntry) -> String {
  guard entry.osUser != nil || entry.host != nil else { return "" }
  return " (\(entry.osUser ?? "?")@\(entry.host ?? "?"))"
}

/// Masks national IDs in audit text (entity names and recorded states).
enum Masking {
  /// `claimant:880512300411` → `claimant:88********11`.
  static func entity(_ entity: String) -> String { NationalID.maskEntity(entity) }

  /// A logged state or change with every national ID masked: the value of `"national_id":"…"`
  /// (an old entry's state) and any run of exactly 12 or 14 digits (a change's old and new).
  static func state(_ json: String) -> String {
    NationalID.maskRuns(nationalIDValue(json))
  }

  /// Replaces the value of `"national_id":"…"` with its masked form.
  private static func nationalIDValue(_ json: String) -> String {
    let key = Array("\"national_id\":\"")
    let characters = Array(json)
    guard characters.count > key.count else { return json }
    for start in 0...(characters.count - key.count) where characters[start] == key[0] {
      guard Array(characters[start..<start + key.count]) == key else { continue }
      let valueStart = start + key.count
      guard let end = characters[valueStart...].firstIndex(of: "\"") else { return json }
      return String(characters[..<valueStart])
        + NationalID.mask(String(characters[valueStart..<end])) + String(characters[end...])
    }
    return json
  }
}
