/// Assesses a complaint under its scheme: pure, facts and policy in, assessment out.
public enum RulesEngine {
  /// Runs the scheme's steps in the order SPEC §5 gives them. A Kyrgyz loss outside any
  /// conservancy has no scheme that pays it: ineligible, not covered.
  public static func assess(_ input: AssessmentInput, policy: Policy) throws(PolicyError)
    -> Assessment
  {
    switch input.scheme {
    case .kzState: return try KZStateRules(input: input, policy: policy).assess()
    case .kgBuffer where input.conservancy == nil: return notCovered(input)
    case .kgBuffer: return try KGBufferRules(input: input, policy: policy).assess()
    }
  }

  /// The assessment of a loss no scheme covers (`Coverage.payer` is nil).
  static func notCovered(_ input: AssessmentInput) -> Assessment {
    let reason = "not covered: no scheme pays losses in Kyrgyzstan outside a conservancy"
    return Assessment(
      complaint: input.complaint, scheme: input.scheme, outcome: .ineligible, reason: reason,
      reasonCode: .notCovered, currency: input.scheme.currency, amountMinor: 0, lines: [],
      explanation: [
        ExplanationLine(
          step: .eligibility, rule: "outside_conservancy", values: ["district": input.district],
          text: reason)
      ],
      policyValues: [], policyDate: input.incidentDate, payer: nil)
  }
}
