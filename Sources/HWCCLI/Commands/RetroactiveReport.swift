import HWCCore
import HWCRegister
import HWCRules

/// What `hwc policy set --retroactive` prints: the value and the assessments it made out of date.
enum RetroactiveReport {
  /// A policy value as `policy set --json` prints it.
  static func fields(_ value: PolicyValue) -> [(String, JSON)] {
    [
      ("scheme", .string(value.scheme.rawValue)), ("key", .string(value.key)),
      ("value", .string(value.text)), ("effective_from", .string(value.effectiveFrom.description)),
    ]
  }

  /// Prints the value set and the assessments it made out of date (text or JSON).
  static func print(_ invocation: Invocation, register: Register, value: PolicyValue) throws
    -> Int32
  {
    let stale = try register.outOfDateAssessments(
      scheme: value.scheme, key: value.key, from: value.effectiveFrom)
    if invocation.json {
      invocation.console.print(
        JSON.object(fields(value) + [("out_of_date", .array(stale.map(\.json)))]))
      return 0
    }
    var lines = [
      "\(value.scheme.rawValue) \(value.key) = \(value.text) from \(value.effectiveFrom) "
        + "(retroactive); no stored assessment was changed"
    ]
    if stale.isEmpty {
      lines.append("no assessment is out of date")
    } else {
      lines.append(
        "\(stale.count) assessment(s) out of date; approving them needs a re-assessment "
          + "(hwc assess ID):")
      for item in stale {
        lines.append(
          "  \(item.complaint)  \(item.status.rawValue)  \(Money.text(item.amountMinor, item.currency))"
            + "  " + item.changes.map(\.text).joined(separator: "; "))
      }
    }
    invocation.console.print(lines.joined(separator: "\n"))
    return 0
  }
}
