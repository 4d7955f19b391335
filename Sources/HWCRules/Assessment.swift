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

/// One step of the explanation, in the order the policy evaluates them.
public struct ExplanationLine: Sendable, Equatable {
  /// `eligibility`, `lines`, `reduction`, `cap`, `minimum`, `payer`.
  public let step: String
  public let text: String

  public init(step: String, text: String) {
    self.step = step
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
  /// Why it is ineligible (nil when eligible).
  public let reason: String?
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
    complaint: String, scheme: Scheme, outcome: Outcome, reason: String?, currency: String,
    amountMinor: Int, lines: [AssessmentLine], explanation: [ExplanationLine],
    policyValues: [PolicyValue], policyDate: CalendarDate, payer: String?
  ) {
    self.complaint = complaint
    self.scheme = scheme
    self.outcome = outcome
    self.reason = reason
    self.currency = currency
    self.amountMinor = amountMinor
    self.lines = lines
    self.explanation = explanation
    self.policyValues = policyValues
    self.policyDate = policyDate
    self.payer = payer
  }
}
