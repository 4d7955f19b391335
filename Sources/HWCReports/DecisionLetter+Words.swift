import HWCRules

/// What the letter words from the assessment's stored structure in the reader's language.
extension DecisionLetter {
  /// The rules' reason in the words' language; the committee's or the appeal's as recorded.
  func reasonText(_ steps: StepWords, _ words: Words) -> String? {
    guard let code = reasonCode, let scheme else { return reason }
    let all = explanation.flatMap(\.lines)
    return steps.reason(code, explanation: all, scheme: scheme)
      ?? (steps.words.lang == "en" ? reason : words.reason(code))
  }

  /// The explanation's steps with their lines worded; the payer step says "to be paid" until
  /// the amount is paid, and is left out when nothing will be paid.
  func explanation(_ steps: StepWords) -> [(Step, [String])] {
    guard let scheme else { return explanation.map { ($0, $0.lines.map(\.text)) } }
    let variant: String? =
      switch decision {
      case .paid: nil
      case .eligible, .approved: "due"
      default: "unpaid"
      }
    return explanation.compactMap { step in
      guard step.step != .payer || variant != "unpaid" else { return nil }
      return (step, step.lines.map { steps.text($0, scheme: scheme, variant: variant) })
    }
  }

  /// The rate of each assessed line from its line step; as recorded when the steps have no
  /// structure.
  func rates(_ steps: StepWords) -> [String] {
    let lineSteps = explanation.flatMap(\.lines).filter { StepWords.lineRules.contains($0.rule) }
    return lines.enumerated().map { index, line in
      guard let scheme, index < lineSteps.count else { return line.rate }
      return steps.rate(lineSteps[index], scheme: scheme) ?? line.rate
    }
  }
}
