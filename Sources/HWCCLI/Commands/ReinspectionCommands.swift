import HWCCore
import HWCDomain
import HWCRegister
import HWCRules

/// `hwc reinspect` and `hwc audit draws` (SPEC §13).
enum ReinspectionCommands {
  static let specs = [reinspect, draws]

  static let reinspect = CommandSpec(
    ["reinspect"], abstract: "Record a re-inspection of an assessed complaint (inspector)",
    discussion: """
      A second inspection of an assessed complaint, before its approval: required when the
      re-inspection draw selected it or its amount reached the threshold (see hwc audit draws).
      When the policy reinspect_other_inspector is 1, it must be recorded by another inspector
      than the one whose inspection the assessment used. If it verifies less of any item, the
      complaint is re-assessed with it at once and the old and new amounts are printed;
      otherwise the assessment stands.
      """,
    arguments: [ArgumentSpec("ID", "complaint id, e.g. KAZ-2026-0001")],
    options: RulesCommands.inspectionOptions("re-inspection date"),
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let result = try register.reinspect(
      code: invocation.argument(0)!, RulesCommands.inspectionDraft(invocation), actor: actor)
    if invocation.json {
      invocation.console.print(result.json)
    } else if result.foundLess {
      invocation.console.print(
        "recorded re-inspection #\(result.inspectionID) of \(result.complaint): it found less; "
          + "re-assessed \(Money.text(result.amountBefore, result.currency)) → "
          + "\(Money.text(result.amountAfter, result.currency))"
          + (result.outcome == .eligible ? "" : " (\(result.outcome?.rawValue ?? ""))"))
    } else {
      invocation.console.print(
        "recorded re-inspection #\(result.inspectionID) of \(result.complaint): it confirms the "
          + "assessment (\(Money.text(result.amountBefore, result.currency)))")
    }
    return 0
  }

  static let draws = CommandSpec(
    ["audit", "draws"], abstract: "Recompute every re-inspection draw and say if it was honoured",
    discussion: """
      Each eligible assessment is a draw: its seed is the hash of the last audit entry recorded
      before the start (Monday 00:00, office time) of the week it was recorded in, and its
      score the first 8 bytes of SHA-256(seed ‖ complaint id) / 2^64; it is sampled when the
      score is below reinspect_rate. A re-inspection is required when sampled or when the amount
      reaches reinspect_threshold; it is honoured by a re-inspection (hwc reinspect) by another
      inspector. Anyone holding the register can recompute every draw. A warning names each
      seed with audit entries recorded in the hour before its week began.
      """,
    options: [
      OptionSpec("from", "DATE", "only assessments recorded on or after this date"),
      OptionSpec("to", "DATE", "only assessments recorded on or before this date"),
      OptionSpec("district", "D", "only this district"),
      OptionSpec("pending", nil, "only required draws not yet honoured"),
    ],
    traits: [.database, .json]
  ) { invocation in
    let register = try invocation.openRegister()
    let from = try invocation.value("from").map { try CalendarDate($0, field: .from) }
    let to = try invocation.value("to").map { try CalendarDate($0, field: .to) }
    let district = try invocation.value("district").map {
      try register.reference.requireDistrict($0)
    }
    let pendingOnly = invocation.flag("pending")
    var totals = DrawsText.Totals()
    var listed: [JSON] = []
    // In text each draw is printed as it is read, and none is held; --json gathers the list.
    try register.eachReinspectionDraw(from: from, to: to, district: district) { draw in
      guard !pendingOnly || !draw.honoured else { return }
      totals.add(draw)
      if invocation.json {
        listed.append(DrawsText.json(draw))
      } else {
        invocation.console.print(DrawsText.line(draw))
      }
    }
    let summary = totals.summary
    if invocation.json {
      invocation.console.print(
        JSON.object([
          ("draws", .array(listed)),
          ("summary", .object(summary.map { ($0.key, .int($0.count)) })),
        ]))
      return 0
    }
    for warning in totals.warnings { invocation.console.print(warning) }
    invocation.console.print(summary.map { "\($0.count) \($0.label)" }.joined(separator: ", "))
    return 0
  }
}
