/// Assesses a complaint under its scheme: pure, facts and policy in, assessment out.
public enum RulesEngine {
  /// Runs the scheme's steps in the order SPEC §5 gives them.
  public static func assess(_ input: AssessmentInput, policy: Policy) throws(PolicyError)
    -> Assessment
  {
    switch input.scheme {
    case .kzState: return try KZStateRules(input: input, policy: policy).assess()
    case .kgBuffer: return try KGBufferRules(input: input, policy: policy).assess()
    }
  }
}
