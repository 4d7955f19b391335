import HWCCore

/// The working papers of one assessment: policy values used, explanation so far, and lines.
///
/// Both schemes fill one in step by step; the steps they share (deadline, inspection, cap,
/// minimum) live here so they read the same in every explanation.
struct Worksheet {
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

  /// Records one line of the explanation: its step, the rule it applies, the values it used
  /// (for wording it in another language) and its English text.
  mutating func explain(
    _ step: ExplanationStep, _ rule: String, _ values: [String: String] = [:], _ text: String
  ) {
    explanation.append(ExplanationLine(step: step, rule: rule, values: values, text: text))
  }

  /// A policy value as explanation values: `key`, `key_from`.
  static func values(_ name: String, _ value: PolicyValue) -> [String: String] {
    [name: value.text, name + "_from": value.effectiveFrom.description]
  }

  /// `3,932 KZT` for 393200 minor units.
  func money(_ minor: Int) -> String { "\(Arithmetic.centi(minor)) \(scheme.currency)" }

  /// Where a value came from, as an auditor looks it up: `mrp from 2025-01-01`.
  static func source(_ value: PolicyValue) -> String { "\(value.key) from \(value.effectiveFrom)" }

  /// `3 days`, `1 day`.
  static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

  // MARK: Shared eligibility checks (each returns the reason when it fails)

  /// Reported within the deadline `key` (in days): day N is in time, day N + 1 is not.
  mutating func checkDeadline(_ key: String) throws(PolicyError) -> (ReasonCode, String)? {
    let limit = try value(key)
    let elapsed = input.incidentDate.days(to: input.reportedDate)
    let facts =
      "reported \(Worksheet.days(elapsed)) after the incident "
      + "(\(input.incidentDate) to \(input.reportedDate)); the limit is \(limit.text) "
      + "(\(Worksheet.source(limit)))"
    var values = Worksheet.values("limit_days", limit)
    values["days"] = String(elapsed)
    values["incident_date"] = input.incidentDate.description
    values["reported_date"] = input.reportedDate.description
    values["key"] = key
    guard elapsed * 100 <= limit.centi else {
      explain(.eligibility, "deadline_missed", values, "\(facts): ineligible")
      return (
        .lateReport,
        "reported \(Worksheet.days(elapsed)) after the incident; the limit is \(limit.text)"
      )
    }
    explain(.eligibility, "deadline_met", values, "\(facts): ok")
    return nil
  }

  /// An inspection is recorded; its verified items are what the lines use.
  mutating func checkInspected() -> (ReasonCode, String)? {
    guard let inspection = input.inspection else {
      explain(.eligibility, "not_inspected", [:], "no inspection recorded: ineligible")
      return (.notInspected, "not inspected")
    }
    explain(
      .eligibility, "inspected", ["date": inspection.date.description],
      "inspected on \(inspection.date): ok")
    return nil
  }

  // MARK: Cap and minimum

  /// Cuts `amount` to what is left of the household cap after `alreadyApprovedMinor`.
  mutating func applyCap(
    _ amount: Int, capMinor: Int, capText: String, capValues: [String: String]
  ) -> Int {
    let already = input.alreadyApprovedMinor
    let remaining = max(0, capMinor - already)
    var values = capValues
    values["cap_minor"] = String(capMinor)
    values["already_minor"] = String(already)
    values["remaining_minor"] = String(remaining)
    explain(
      .cap, "cap", values,
      "\(capText); already approved \(money(already)); remaining \(money(remaining))")
    let figures = ["amount_minor": String(amount), "remaining_minor": String(remaining)]
    guard amount > remaining else {
      explain(
        .cap, "cap_not_reached", figures,
        "cap not reached: \(money(amount)) is within \(money(remaining))")
      return amount
    }
    explain(
      .cap, "cap_reached", figures,
      "cap reached: \(money(amount)) cut by \(money(amount - remaining)) to \(money(remaining))")
    return remaining
  }

  /// A result below the minimum is not paid; a result equal to it is.
  mutating func checkMinimum(
    _ amount: Int, minimumMinor: Int, minimumText: String, minimumValues: [String: String]
  ) -> (ReasonCode, String)? {
    var values = minimumValues
    values["minimum_minor"] = String(minimumMinor)
    values["amount_minor"] = String(amount)
    guard amount >= minimumMinor else {
      explain(
        .minimum, "below_minimum", values,
        "\(minimumText): \(money(amount)) is below it: ineligible")
      return (.belowMinimum, "below minimum")
    }
    explain(.minimum, "minimum_met", values, "\(minimumText): \(money(amount)) is not below it: ok")
    return nil
  }

  // MARK: Results

  /// The assessment when a step refuses: amount 0, the explanation and lines so far kept.
  func ineligible(_ reason: (code: ReasonCode, text: String)) -> Assessment {
    assessment(outcome: .ineligible, reason: reason, amountMinor: 0, payer: nil)
  }

  /// The assessment of a payable amount and who pays it.
  mutating func eligible(amountMinor: Int, payer: String) -> Assessment {
    explain(
      .payer, "payer", ["payer": payer, "amount_minor": String(amountMinor)],
      "paid from the \(payer): \(money(amountMinor))")
    return assessment(outcome: .eligible, reason: nil, amountMinor: amountMinor, payer: payer)
  }

  private func assessment(
    outcome: Assessment.Outcome, reason: (code: ReasonCode, text: String)?, amountMinor: Int,
    payer: String?
  ) -> Assessment {
    Assessment(
      complaint: input.complaint, scheme: scheme, outcome: outcome, reason: reason?.text,
      reasonCode: reason?.code, currency: scheme.currency, amountMinor: amountMinor, lines: lines,
      explanation: explanation, policyValues: policyValues, policyDate: input.incidentDate,
      payer: payer)
  }
}
