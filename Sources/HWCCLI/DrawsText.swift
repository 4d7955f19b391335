import HWCCore
import HWCRegister
import HWCRules

/// How `hwc audit draws` prints re-inspection draws.
enum DrawsText {
  /// One draw: complaint, date, seed, score against the rate, why it is required, and the
  /// re-inspection that honoured it or PENDING.
  static func line(_ draw: ReinspectionDraw) -> String {
    var text =
      "\(draw.complaint) assessed \(draw.assessedOn) seed \(draw.seedLabel) "
      + "score \(fixed(draw.score, 6)) rate \(draw.rate.map { fixed($0, 2) } ?? "missing")"
    var why: [String] = []
    if draw.sampled { why.append("sampled") }
    if draw.aboveThreshold {
      why.append(
        "above threshold \(draw.thresholdMinor.map { Money.text($0, draw.currency) } ?? "")")
    }
    if let missing = draw.missingPolicy { why.append("\(missing) missing") }
    text += why.isEmpty ? "" : " " + why.joined(separator: ", ")
    guard draw.required else { return text + "; not required" }
    guard let done = draw.reinspection else { return text + "; required: PENDING" }
    return text
      + "; required: honoured \(done.date) by \(done.inspector), "
      + "\(Money.text(done.amountBefore, draw.currency)) → "
      + "\(Money.text(done.amountAfter, draw.currency))"
  }

  /// A draw as JSON.
  static func json(_ draw: ReinspectionDraw) -> JSON {
    .object([
      ("complaint", .string(draw.complaint)), ("assessed_on", .string(draw.assessedOn.description)),
      ("scheme", .string(draw.scheme.rawValue)), ("amount_minor", .int(draw.amountMinor)),
      ("currency", .string(draw.currency)), ("seed_entry", .int(draw.seedPosition)),
      ("seed_hash", .string(draw.seedHash)), ("week_start", .string(draw.weekStart.description)),
      ("entries_in_hour_before_seed", .int(draw.entriesInHourBeforeSeed)),
      ("score", .string(fixed(draw.score, 6))), ("rate", .optional(draw.rate.map { fixed($0, 2) })),
      ("threshold_minor", .optional(draw.thresholdMinor)), ("sampled", .bool(draw.sampled)),
      ("above_threshold", .bool(draw.aboveThreshold)),
      ("missing_policy", .optional(draw.missingPolicy)), ("required", .bool(draw.required)),
      ("honoured", .bool(draw.honoured)),
      (
        "reinspection",
        draw.reinspection.map { done in
          .object([
            ("date", .string(done.date.description)), ("inspector", .string(done.inspector)),
            ("amount_before_minor", .int(done.amountBefore)),
            ("amount_after_minor", .int(done.amountAfter)), ("found_less", .bool(done.foundLess)),
          ])
        } ?? .null
      ),
    ])
  }

  /// The counts under the list and the warnings about seeds, gathered one draw at a time, so
  /// that a list of hundreds of thousands of draws is printed without holding it.
  struct Totals {
    private var draws = 0
    private var sampled = 0
    private var aboveThreshold = 0
    private var honoured = 0
    private var pending = 0
    private var warned: Set<Int> = []
    /// A warning for each seed with audit entries in the hour before its week began: someone
    /// may have written them to grind the seed.
    private(set) var warnings: [String] = []

    /// Counts `draw`.
    mutating func add(_ draw: ReinspectionDraw) {
      draws += 1
      if draw.sampled { sampled += 1 }
      if draw.aboveThreshold { aboveThreshold += 1 }
      if draw.required && draw.honoured { honoured += 1 }
      if !draw.honoured { pending += 1 }
      guard draw.entriesInHourBeforeSeed > 0, warned.insert(draw.seedPosition).inserted else {
        return
      }
      warnings.append(
        "warning: \(draw.entriesInHourBeforeSeed) audit entries were recorded in the hour "
          + "before the week of \(draw.weekStart) began (seed entry \(draw.seedLabel)); check "
          + "that they were not written to steer the draw")
    }

    /// The counts under the list: key (JSON), label (text) and count.
    var summary: [(key: String, label: String, count: Int)] {
      [
        ("draws", "draws", draws), ("sampled", "sampled", sampled),
        ("above_threshold", "above threshold", aboveThreshold), ("honoured", "honoured", honoured),
        ("pending", "pending", pending),
      ]
    }
  }

  /// `value` with `places` decimals (hwc links no Foundation's formatter).
  static func fixed(_ value: Double, _ places: Int) -> String {
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((value * Double(scale)).rounded())
    let fraction = String(scaled % scale)
    return "\(scaled / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
  }
}
