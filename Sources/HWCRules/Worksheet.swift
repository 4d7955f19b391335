import HWCCore

/// The working papers of one assessment: policy values used, explanation so far, and lines.
///
/// Both schemes fill one in step by step; the steps they share (deadline, inspection, cap,
/// minimum) live here so they read the same in every explanation.
struct Worksheet {
  /// The steps of SPEC §5, as they are named in the explanation.
  enum Step: String {
    case eligibility, lines, reduction, cap, minimum, payer
  }

  let scheme: Scheme
  let input: AssessmentInput
  let policy: Policy
  private(set) var policyValues: [PolicyValue] = []
  private(set) var explanation: [ExplanationLine] = []
  var lines: [AssessmentLine] = []

  init(scheme: Scheme, input: AssessmentInput, policy: Policy) {
    self.scheme = scheme
    self.input = input
    self.policy = policy
  }

  /// The value of `key` in force on the incident date, recorded the first time it is used.
  mutating func value(_ key: String) throws(PolicyError) -> PolicyValue {
    let value = try policy.value(scheme, key, on: input.incidentDate)
    if !policyValues.contains(value) { policyValues.append(value) }
    return value
  }

  mutating func explain(_ step: Step, _ text: String) {
    explanation.append(ExplanationLine(step: step.rawValue, text: text))
  }

  /// `3,932 KZT` for 393200 minor units.
  func money(_ minor: Int) -> String { "\(Arithmetic.centi(minor)) \(scheme.currency)" }

  /// Where a value came from, as an auditor looks it up: `mrp from 2025-01-01`.
  static func source(_ value: PolicyValue) -> String { "\(value.key) from \(value.effectiveFrom)" }

  /// `3 days`, `1 day`.
  static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

  // MARK: Shared eligibility checks (each returns the reason when it fails)

  /// Reported within the deadline `key` (in days): day N is in time, day N + 1 is not.
  mutating func checkDeadline(_ key: String) throws(PolicyError) -> String? {
    let limit = try value(key)
    let elapsed = input.incidentDate.days(to: input.reportedDate)
    let facts =
      "reported \(Worksheet.days(elapsed)) after the incident "
      + "(\(input.incidentDate) to \(input.reportedDate)); the limit is \(limit.text) "
      + "(\(Worksheet.source(limit)))"
    guard elapsed * 100 <= limit.centi else {
      explain(.eligibility, "\(facts): ineligible")
      return "reported \(Worksheet.days(elapsed)) after the incident; the limit is \(limit.text)"
    }
    explain(.eligibility, "\(facts): ok")
    return nil
  }

  /// An inspection is recorded; its verified items are what the lines use.
  mutating func checkInspected() -> String? {
    guard let inspection = input.inspection else {
      explain(.eligibility, "no inspection recorded: ineligible")
      return "not inspected"
    }
    explain(.eligibility, "inspected on \(inspection.date): ok")
    return nil
  }

  // MARK: Cap and minimum

  /// Cuts `amount` to what is left of the household cap after `alreadyApprovedMinor`.
  mutating func applyCap(_ amount: Int, capMinor: Int, capText: String) -> Int {
    let already = input.alreadyApprovedMinor
    let remaining = max(0, capMinor - already)
    explain(
      .cap,
      "\(capText); already approved \(money(already)); remaining \(money(remaining))")
    guard amount > remaining else {
      explain(.cap, "cap not reached: \(money(amount)) is within \(money(remaining))")
      return amount
    }
    explain(
      .cap,
      "cap reached: \(money(amount)) cut by \(money(amount - remaining)) to \(money(remaining))")
    return remaining
  }

  /// A result below the minimum is not paid; a result equal to it is.
  mutating func checkMinimum(_ amount: Int, minimumMinor: Int, minimumText: String) -> String? {
    guard amount >= minimumMinor else {
      explain(.minimum, "\(minimumText): \(money(amount)) is below it: ineligible")
      return "below minimum"
    }
    explain(.minimum, "\(minimumText): \(money(amount)) is not below it: ok")
    return nil
  }

  // MARK: Results

  /// The assessment when a step refuses: amount 0, the explanation and lines so far kept.
  func ineligible(_ reason: String) -> Assessment {
    assessment(outcome: .ineligible, reason: reason, amountMinor: 0, payer: nil)
  }

  /// The assessment of a payable amount and who pays it.
  mutating func eligible(amountMinor: Int, payer: String) -> Assessment {
    explain(.payer, "paid from the \(payer): \(money(amountMinor))")
    return assessment(outcome: .eligible, reason: nil, amountMinor: amountMinor, payer: payer)
  }

  private func assessment(
    outcome: Assessment.Outcome, reason: String?, amountMinor: Int, payer: String?
  ) -> Assessment {
    Assessment(
      complaint: input.complaint, scheme: scheme, outcome: outcome, reason: reason,
      currency: scheme.currency, amountMinor: amountMinor, lines: lines, explanation: explanation,
      policyValues: policyValues, policyDate: input.incidentDate, payer: payer)
  }
}
