import HWCCore

/// One payable line: quantity × rate, rounded half-up to whole currency units.
public struct AssessmentLine: Sendable, Equatable {
  public let item: String
  /// Quantity used (verified, or payable heads for kg-buffer), in hundredths.
  public let quantityCenti: Int
  /// The rate as an auditor reads it, e.g. `12 MRP × 3,932 KZT` or `7,000 KGS × 80%`.
  public let rate: String
  public let amountMinor: Int
  /// Why the line is what it is (e.g. `2 of 3 heads payable: insured heads exhausted`).
  public let note: String

  public init(item: String, quantityCenti: Int, rate: String, amountMinor: Int, note: String) {
    self.item = item
    self.quantityCenti = quantityCenti
    self.rate = rate
    self.amountMinor = amountMinor
    self.note = note
  }
}

/// The steps of SPEC §5, in the order the policy evaluates them, as the explanation names them.
public enum ExplanationStep: String, Sendable, CaseIterable, Hashable {
  case eligibility, lines, reduction, cap, minimum, payer
}

/// Why an assessment is ineligible, as a code the reports group by and documents word in the
/// reader's language; the reason's English text is stored beside it.
public enum ReasonCode: String, Sendable, CaseIterable, Hashable {
  /// Reported after the deadline for the damage type.
  case lateReport = "late_report"
  /// No inspection was recorded.
  case notInspected = "not_inspected"
  /// Disease spread without a veterinary certificate.
  case noVetCertificate = "no_vet_certificate"
  /// Saiga damage outside a declared emergency.
  case noEmergency = "no_emergency"
  /// No scheme covers the damage type or the place.
  case notCovered = "not_covered"
  /// Not a member of the conservancy with a paid premium for the season.
  case notMember = "not_member"
  /// The conservation clause: a poaching or retaliatory killing suspended payments.
  case suspended
  /// The result is below the minimum payment.
  case belowMinimum = "below_minimum"
}

/// One line of the explanation: the step, the rule it applies, the values it used, and the
/// English text an auditor reads. `rule` and `values` are enough to word it in another language.
public struct ExplanationLine: Sendable, Hashable {
  public let step: ExplanationStep
  /// What the line checks or computes, e.g. `deadline`, `line`, `cap_reached` (see `Worksheet`).
  public let rule: String
  /// The figures and names the line uses, by name (dates `YYYY-MM-DD`, amounts in minor units,
  /// quantities in hundredths, policy values with `*_from` dates).
  public let values: [String: String]
  public let text: String

  public init(step: ExplanationStep, rule: String, values: [String: String] = [:], text: String) {
    self.step = step
    self.rule = rule
    self.values = values
    self.text = text
  }
}

/// The result of assessing one complaint, with everything an auditor needs to redo it.
public struct Assessment: Sendable, Equatable {
  public enum Outcome: String, Sendable {
    case eligible, ineligible
  }

  public let complaint: String
  public let scheme: Scheme
  public let outcome: Outcome
  /// Why it is ineligible (nil when eligible), in English.
  public let reason: String?
  /// The reason as a code (nil when eligible).
  public let reasonCode: ReasonCode?
  public let currency: String
  /// The amount payable, in minor units (0 when ineligible).
  public let amountMinor: Int
  public let lines: [AssessmentLine]
  public let explanation: [ExplanationLine]
  /// Every policy value the assessment used, with the date it took effect.
  public let policyValues: [PolicyValue]
  /// The date whose policy applied: the incident date.
  public let policyDate: CalendarDate
  /// Who pays: `Kaztalov budget 2026`, `Shamshy buffer fund`.
  public let payer: String?

  public init(
    complaint: String, scheme: Scheme, outcome: Outcome, reason: String?,
    reasonCode: ReasonCode? = nil, currency: String,
    amountMinor: Int, lines: [AssessmentLine], explanation: [ExplanationLine],
    policyValues: [PolicyValue], policyDate: CalendarDate, payer: String?
  ) {
    self.complaint = complaint
    self.scheme = scheme
    self.outcome = outcome
    self.reason = reason
    self.reasonCode = reasonCode
    self.currency = currency
    self.amountMinor = amountMinor
    self.lines = lines
    self.explanation = explanation
    self.policyValues = policyValues
    self.policyDate = policyDate
    self.payer = payer
  }
}
