import HWCCore
import HWCDomain
import HWCRegister
import HWCRules

/// `hwc inspect`, `hwc inspection import`, `hwc assess`.
enum RulesCommands {
  static let specs = [inspect, inspectionImport, assess]

  static let inspect = CommandSpec(
    ["inspect"], abstract: "Record a field inspection (inspector of the district)",
    discussion: """
      The verified items are what the assessment uses. --protected says whether the livestock
      were corralled or herded at the time of a predation (unprotected losses are paid at a
      reduced rate). disease_spread is paid only with a vet certificate. A re-inspection (before
      assessment, or after an appeal) is recorded as a new inspection; the latest counts.
      """,
    arguments: [ArgumentSpec("ID", "complaint id, e.g. KAZ-2026-0001")],
    options: inspectionOptions("inspection date"), traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let code = invocation.argument(0)!
    let id = try register.inspect(code: code, inspectionDraft(invocation), actor: actor)
    if invocation.json {
      invocation.console.print(
        JSON.object([("id", .int(id)), ("complaint", .string(code.uppercased()))]))
    } else {
      invocation.console.print("recorded inspection #\(id) of \(code.uppercased())")
    }
    return 0
  }

  /// The options of an inspection typed at the command line (`inspect`, `reinspect`).
  static func inspectionOptions(_ date: String) -> [OptionSpec] {
    [
      OptionSpec("date", "YYYY-MM-DD", date, required: true),
      OptionSpec("item", "KEY=QTY", "a verified item", required: true, repeating: true),
      OptionSpec("protected", "yes|no", "livestock protected at the time", required: true),
      OptionSpec("vet-certificate", "NO", "veterinary certificate number"),
      OptionSpec("finding", "TEXT", "what the inspector found"),
    ]
  }

  /// The inspection `inspectionOptions` gave.
  static func inspectionDraft(_ invocation: Invocation) -> InspectionDraft {
    InspectionDraft(
      date: invocation.value("date") ?? "", items: invocation.values("item"),
      protected: invocation.value("protected") ?? "",
      vetCertificate: invocation.value("vet-certificate"), finding: invocation.value("finding"))
  }

  static let inspectionImport = CommandSpec(
    ["inspection", "import"], abstract: "Import field inspection forms from a CSV file",
    discussion: """
      UTF-8 CSV with a header row: complaint, date, protected, vet_certificate, finding, items
      (items as key=qty;key=qty). Same rules as complaint import: all rows or none by default,
      every bad row listed as FILE:LINE: column: problem, --skip-invalid --rejects FILE,
      --dry-run; importing the same file again changes nothing. Once imported, each row is
      listed as FILE:LINE, the complaint's ref and id, and `new` or `already recorded`.
      """,
    arguments: [ArgumentSpec("FILE.csv", "the file to import")], options: ImportRunner.options,
    traits: [.database, .mutating, .json]
  ) { invocation in
    try ImportRunner.run(invocation, noun: "inspections", matched: "already recorded") {
      register, actor, options, observer in
      try register.importInspections(
        path: invocation.argument(0)!, options: options, actor: actor, observer: observer)
    }
  }

  static let assess = CommandSpec(
    ["assess"], abstract: "Assess an inspected complaint, or print its assessment",
    discussion: """
      Applies the scheme of the complaint's place — kz-state in Kazakhstan, kg-buffer in a Kyrgyz
      conservancy — with the policy values in force on the incident date, and stores the result,
      the values used and a line-by-line explanation. On a complaint already assessed it prints
      the latest assessment, unless a retroactive policy change made it out of date: then it
      assesses it again. --pending assesses every inspected, not yet assessed complaint the
      actor may assess, and says how many of other districts and conservancies it skipped; it
      exits 0 when it assessed all of its own, and 1 only when one of them could not be
      assessed (a policy value missing, named on standard error) — every other one still is.
      """,
    arguments: [ArgumentSpec("ID", "complaint id", required: false)],
    options: [
      OptionSpec("explain", nil, "print the step-by-step explanation"),
      OptionSpec("pending", nil, "assess every inspected, not yet assessed complaint"),
    ],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let console = invocation.console
    if invocation.flag("pending") {
      guard invocation.argument(0) == nil else {
        throw UsageError("give either ID or --pending, not both", spec: invocation.spec)
      }
      let (register, actor) = try invocation.openForChange()
      let summary = try register.assessPending(actor: actor) { console.error("hwc: \($0)") }
      if invocation.json {
        console.print(
          JSON.object([
            ("assessed", .int(summary.assessed)), ("eligible", .int(summary.eligible)),
            ("ineligible", .int(summary.ineligible)), ("failed", .int(summary.failed)),
            ("skipped", .int(summary.skipped)),
            (
              "skipped_by_place",
              .array(
                summary.skippedByPlace.sorted { $0.key < $1.key }.map {
                  .object([
                    ($0.key.kind, .string($0.key.name)), ("complaints", .int($0.value)),
                    ("reason", .string("not your \($0.key.kind)")),
                  ])
                })
            ),
          ]))
      } else {
        console.print(
          "assessed \(summary.assessed) complaints: \(summary.eligible) eligible, "
            + "\(summary.ineligible) ineligible"
            + (summary.failed > 0 ? "; \(summary.failed) could not be assessed" : ""))
        for (place, count) in summary.skippedByPlace.sorted(by: { $0.key < $1.key }) {
          console.print("skipped \(count) complaints of \(place.name): not your \(place.kind)")
        }
      }
      // Exit 1 only when something the actor may do was refused (a missing policy value); the
      // complaints of other places are not the actor's to assess.
      return summary.failed > 0 ? 1 : 0
    }
    guard let code = invocation.argument(0) else {
      throw UsageError("give a complaint ID or --pending", spec: invocation.spec)
    }
    let register = try invocation.openRegister()
    let existing = try register.latestAssessment(code: code)
    let complaint = try register.complaint(code: code)
    // An assessment made out of date by a retroactive policy change is made again when an actor
    // is named; printed without one, it says so.
    let outOfDate = try register.needsReassessment(code: code)
    let reassess = outOfDate && invocation.proven != nil
    if complaint.status == ComplaintStatus.inspected.rawValue || existing == nil || reassess {
      let actor = try invocation.actor(in: register)
      _ = try register.assess(code: code, actor: actor)
    }
    guard let stored = try register.latestAssessment(code: code) else { return 1 }
    if invocation.json {
      console.print(AssessmentText.json(stored))
    } else {
      console.print(
        AssessmentText.summary(
          stored, explain: invocation.flag("explain"), zone: register.officeZone))
      if let line = ReinspectionText.status(try register.reinspectionDraws(code: code)) {
        console.print("re-inspection \(line)")
      }
      if outOfDate, !reassess {
        console.print(
          "out of date: a retroactive policy change; re-assess it with 'hwc assess \(stored.assessment.complaint) --as USER'"
        )
      }
    }
    return 0
  }
}

/// How an assessment is printed.
enum AssessmentText {
  static func json(_ stored: StoredAssessment) -> JSON {
    let a = stored.assessment
    return .object([
      ("complaint", .string(a.complaint)), ("scheme", .string(a.scheme.rawValue)),
      ("outcome", .string(a.outcome.rawValue)), ("reason", .optional(a.reason)),
      ("reason_code", .optional(a.reasonCode?.rawValue)),
      ("currency", .string(a.currency)), ("amount_minor", .int(a.amountMinor)),
      (
        "lines",
        .array(
          a.lines.map { line in
            .object([
              ("item", .string(line.item)),
              ("quantity", .string(Decimal2.format(line.quantityCenti))),
              ("rate", .string(line.rate)), ("amount_minor", .int(line.amountMinor)),
              ("note", .string(line.note)),
            ])
          })
      ),
      ("policy_date", .string(a.policyDate.description)), ("payer", .optional(a.payer)),
      ("policy", .array(stored.policyLines.map(JSON.string))),
      ("explanation", .array(stored.explanationLines.map(JSON.string))),
      ("assessed_at", .string(stored.assessedAt)), ("assessed_by", .string(stored.assessedBy)),
    ])
  }

  /// The assessment as printed, times local to `zone`.
  static func summary(_ stored: StoredAssessment, explain: Bool, zone: OfficeZone) -> String {
    let a = stored.assessment
    var lines = [
      "\(a.complaint): \(a.outcome.rawValue), \(Money.text(a.amountMinor, a.currency)) "
        + "(\(a.scheme.rawValue), policy of \(a.policyDate))"
    ]
    if let reason = a.reason { lines.append("reason: \(reason)") }
    if let payer = a.payer, a.outcome == .eligible { lines.append("payer: \(payer)") }
    if explain {
      lines.append("")
      lines.append("explanation")
      for (index, line) in stored.explanationLines.enumerated() {
        lines.append("  \(index + 1). \(line)")
      }
      lines.append("policy values used")
      for line in stored.policyLines { lines.append("  \(line)") }
      lines.append("assessed \(zone.display(stored.assessedAt)) by \(stored.assessedBy)")
    }
    return lines.joined(separator: "\n")
  }
}

/// Money in minor units as `141,552 KZT` (or `141,552.50 KZT`).
enum Money {
  static func text(_ minor: Int, _ currency: String) -> String {
    Arithmetic.money(minor, currency)
  }
}
