import HWCCore
import HWCDomain

/// The re-inspection draws of a span counted as the controls and quarterly reports show them;
/// tallies of several registers add up (`+`), so a national report can pool them.
public struct DrawTally: Sendable, Equatable {
  /// Draws made: eligible assessments recorded in the span.
  public var made = 0
  /// Drawn by the random sample (score below the rate).
  public var sampled = 0
  /// At or above the value threshold.
  public var aboveThreshold = 0
  /// Sampled or above the threshold: a second inspection is required.
  public var required = 0
  /// Required and re-inspected by an inspector the policy allows.
  public var honoured = 0
  /// Required and not re-inspected yet.
  public var pending = 0
  /// Re-inspections honouring the span's draws (each counted once).
  public var reinspections = 0
  /// Of those, the ones that changed the amount (found less and re-assessed).
  public var changed = 0
  /// The total change of the amounts (after − before, negative when lower), minor units by
  /// currency.
  public var difference: [String: Int] = [:]

  public init() {}

  /// The draws of one or more registers: `draws`, each re-inspection counted once.
  public init(_ draws: [ReinspectionDraw]) {
    var seen = Set<Int>()
    for draw in draws { count(draw, seen: &seen) }
  }

  /// Counts one more draw; `seen` holds the re-inspections counted so far (each counts once).
  mutating func count(_ draw: ReinspectionDraw, seen: inout Set<Int>) {
    made += 1
    if draw.sampled { sampled += 1 }
    if draw.aboveThreshold { aboveThreshold += 1 }
    if draw.required { required += 1 }
    if draw.required && draw.reinspection != nil { honoured += 1 }
    if !draw.honoured { pending += 1 }
    guard let reinspection = draw.reinspection, seen.insert(reinspection.inspectionID).inserted
    else { return }
    reinspections += 1
    let change = reinspection.amountAfter - reinspection.amountBefore
    if change != 0 {
      changed += 1
      difference[draw.currency, default: 0] += change
    }
  }

  /// Two tallies added up (of two registers, or two spans that do not overlap).
  public static func + (a: DrawTally, b: DrawTally) -> DrawTally {
    var sum = a
    sum.made += b.made
    sum.sampled += b.sampled
    sum.aboveThreshold += b.aboveThreshold
    sum.required += b.required
    sum.honoured += b.honoured
    sum.pending += b.pending
    sum.reinspections += b.reinspections
    sum.changed += b.changed
    sum.difference.merge(b.difference, uniquingKeysWith: +)
    return sum
  }
}

extension ControlsFigures {
  /// The re-inspection draws of the span (eligible assessments recorded, office-local date, in
  /// it, of the district when there is one), read one at a time: their tally, the draws still
  /// waiting for a re-inspection, and those whose re-inspection changed the amount (each
  /// re-inspection once), in assessment order.
  public func draws() throws -> (
    tally: DrawTally, pending: [ReinspectionDraw], changed: [ReinspectionDraw]
  ) {
    var tally = DrawTally()
    var seen = Set<Int>()
    var pending: [ReinspectionDraw] = []
    var changed: [ReinspectionDraw] = []
    try register.eachReinspectionDraw(from: from, to: to, district: district) { draw in
      let again = draw.reinspection
      if let again, again.amountAfter != again.amountBefore,
        !seen.contains(again.inspectionID)
      {
        changed.append(draw)
      }
      tally.count(draw, seen: &seen)
      if !draw.honoured { pending.append(draw) }
    }
    return (tally, pending, changed)
  }
}
