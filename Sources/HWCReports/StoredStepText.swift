import HWCRules

/// The English text of a stored explanation step, rebuilt from its structure (step, rule,
/// values) with hwc's own English words — never an override directory's, so a register reads
/// the same wherever it is opened. `hwc` sets `Register.explanationText` to it: a step whose
/// text it rebuilds exactly is stored without the text (issue #12, about half of a register).
public enum StoredStepText {
  /// The renderer; nil when hwc's English words cannot be read (texts are then stored whole).
  public static let english: StepWords? = try? StepWords(
    lang: "en", library: ReportSetup(lang: "en").templates, reference: nil)

  /// `Register.explanationText`: the English text of a line of an assessment under a scheme;
  /// nil when the words cannot be read. The renderer is made on first use, so a command that
  /// stores and reads no assessment never parses the words.
  public static let rebuild: @Sendable (ExplanationLine, Scheme) -> String? = { line, scheme in
    english?.text(line, scheme: scheme)
  }
}
