import HWCCore
import HWCRegister
import HWCRules

extension DrawTally {
  /// The tally's fields as the quarterly report's Controls section and the controls report's
  /// draws section print them; the differences by currency in scheme order, minor units.
  var fields: [(String, JSON)] {
    let currencies = Scheme.allCases.map(\.currency).filter { difference[$0] != nil }
    return [
      ("made", .int(made)), ("sampled", .int(sampled)), ("above_threshold", .int(aboveThreshold)),
      ("required", .int(required)), ("honoured", .int(honoured)), ("pending", .int(pending)),
      ("reinspections", .int(reinspections)), ("changed", .int(changed)),
      (
        "difference",
        .array(
          currencies.map {
            .object([("currency", .string($0)), ("difference_minor", .int(difference[$0]!))])
          })
      ),
    ]
  }
}

extension QuarterlyReport {
  /// The Controls section: draws made, honoured and pending in the quarter, and the
  /// re-inspections that changed the amount, how many and by how much per currency.
  static func controls(_ tally: DrawTally) -> JSON { .object(tally.fields) }
}

extension ControlsReport {
  /// The draws section: the tally, then the draws still waiting for a re-inspection and the
  /// re-inspections that changed the amount (each once), in assessment order.
  static func draws(
    _ draws: (tally: DrawTally, pending: [ReinspectionDraw], changed: [ReinspectionDraw])
  ) -> JSON {
    .object(
      draws.tally.fields + [
        (
          "pending_rows",
          .array(
            draws.pending.map { draw in
              .object([
                ("complaint", .string(draw.complaint)),
                ("assessed_on", .string(draw.assessedOn.description)),
                ("amount_minor", .int(draw.amountMinor)), ("currency", .string(draw.currency)),
                ("sampled", .bool(draw.sampled)), ("above_threshold", .bool(draw.aboveThreshold)),
                ("seed", .string(draw.seedLabel)),
                // Marks for the text table, in no language.
                ("sampled_mark", .string(draw.sampled ? "●" : "")),
                ("above_threshold_mark", .string(draw.aboveThreshold ? "●" : "")),
              ])
            })
        ),
        (
          "changed_rows",
          .array(
            draws.changed.map { draw in
              let again = draw.reinspection!
              return .object([
                ("complaint", .string(draw.complaint)), ("date", .string(again.date.description)),
                ("inspector", .string(again.inspector)), ("currency", .string(draw.currency)),
                ("before_minor", .int(again.amountBefore)),
                ("after_minor", .int(again.amountAfter)),
                ("difference_minor", .int(again.amountAfter - again.amountBefore)),
              ])
            })
        ),
      ])
  }
}
