import HWCCore
import HWCDomain
import HWCRegister

/// `hwc complaint withdraw|correct`, `hwc claimant correct`: corrections are new events that
/// keep the old values, never silent overwrites.
enum CorrectionCommands {
  static let specs = [withdraw, correctComplaint, correctClaimant]

  static let reason = OptionSpec("reason", "TEXT", "why (kept in the history)", required: true)

  /// Prints what a correction did: `json`, or `title` and one line per changed field.
  static func report(
    _ invocation: Invocation, json: JSON, _ title: String, _ changes: [FieldChange]
  ) -> Int32 {
    invocation.console.print(
      invocation.json
        ? json.text(pretty: true)
        : ([title] + changes.map { "  \($0.text)" }).joined(separator: "\n"))
    return 0
  }

  static let withdraw = CommandSpec(
    ["complaint", "withdraw"], abstract: "Withdraw a complaint at the claimant's request (officer)",
    discussion: """
      Allowed until the complaint is paid. An approved complaint's reserved amount is released
      to its budget or fund by a reversing transfer in the same transaction, as a rejection or an
      appeal releases it. A withdrawn complaint is never assessed, approved or paid.
      """,
    arguments: [ArgumentSpec("ID", "complaint id, e.g. KAZ-2026-0001")], options: [reason],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let done = try register.withdrawComplaint(
      code: invocation.argument(0)!, reason: invocation.value("reason")!, actor: actor)
    var released: JSON = .null
    var line = "withdrew complaint \(done.complaint) (was \(done.from.rawValue))"
    if let amount = done.releasedMinor, let currency = done.currency {
      released = .int(amount)
      line += "; \(Money.text(amount, currency)) reserved for it released"
    }
    if invocation.json {
      invocation.console.print(
        JSON.object([
          ("id", .string(done.complaint)), ("status", .string(ComplaintStatus.withdrawn.rawValue)),
          ("from", .string(done.from.rawValue)), ("released_minor", released),
        ]))
    } else {
      invocation.console.print(line)
    }
    return 0
  }

  static let correctComplaint = CommandSpec(
    ["complaint", "correct"], abstract: "Correct a complaint's details before inspection (officer)",
    discussion: """
      Corrects what was mistyped at registration; give only the details that change. --item
      replaces the claimed items as a whole. The corrected complaint is checked as a
      registration is and flagged again for possible duplicates. The old and new values are kept
      in the complaint's history (hwc complaint show). After an inspection the details are
      corrected through an appeal (hwc appeal), which reopens the complaint.
      """,
    arguments: [ArgumentSpec("ID", "complaint id, e.g. KAZ-2026-0001")],
    options: [
      OptionSpec("village", "V", "the village"),
      OptionSpec("item", "KEY=QTY", "a claimed item (replaces them all)", repeating: true),
      OptionSpec("species", "S", "the species"),
      OptionSpec("type", "T", "the damage type"),
      OptionSpec("incident-date", "YYYY-MM-DD", "when the loss happened"),
      OptionSpec("reported-date", "YYYY-MM-DD", "when it was reported"),
      OptionSpec("conservancy", "C", "conservancy where the loss happened (Kyrgyzstan)"),
      OptionSpec("ref", "REF", "field-form number"),
      reason,
    ],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let items = invocation.values("item")
    let correction = ComplaintCorrection(
      village: invocation.value("village"), items: items.isEmpty ? nil : items,
      species: invocation.value("species"), type: invocation.value("type"),
      incidentDate: invocation.value("incident-date"),
      reportedDate: invocation.value("reported-date"),
      conservancy: invocation.value("conservancy"), ref: invocation.value("ref"))
    let (complaint, changes) = try register.correctComplaint(
      code: invocation.argument(0)!, correction, reason: invocation.value("reason")!, actor: actor)
    return report(
      invocation, json: complaint.json, "corrected complaint \(complaint.code)", changes)
  }

  static let correctClaimant = CommandSpec(
    ["claimant", "correct"], abstract: "Correct a claimant's details (officer of the district)",
    discussion: """
      Give only the details that change. --herd replaces the declared herd as a whole (a class
      left out is declared with 0 heads). The national ID is never corrected: a wrong one is
      another person. The old and new values are kept and shown by hwc claimant show.
      """,
    arguments: [ArgumentSpec("NATIONAL_ID", "the claimant's IIN or PIN")],
    options: [
      OptionSpec("name", "N", "full name"),
      OptionSpec("village", "V", "village"),
      OptionSpec("herd", "CLASS=HEADS", "declared herd (replaces it)", repeating: true),
      OptionSpec("district", "D", "home district (same country)"),
      OptionSpec("conservancy", "C", "conservancy the claimant belongs to (Kyrgyzstan)"),
      OptionSpec(
        "lang", "LANG", "preferred language of the claimant's receipt and letter (kk, ky, ru, en)"
      ),
      reason,
    ],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let herd = invocation.values("herd")
    let correction = ClaimantCorrection(
      name: invocation.value("name"), village: invocation.value("village"),
      herd: herd.isEmpty ? nil : herd, district: invocation.value("district"),
      conservancy: invocation.value("conservancy"), lang: invocation.value("lang"))
    let (claimant, changes) = try register.correctClaimant(
      nationalID: invocation.argument(0)!, correction, reason: invocation.value("reason")!,
      actor: actor)
    return report(
      invocation, json: claimant.json, "corrected claimant \(claimant.name) (\(claimant.maskedID))",
      changes)
  }
}
