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
  /// nil when the words cannot be read.
  public static var rebuild: ((ExplanationLine, Scheme) -> String)? {
    guard let english else { return nil }
    return { line, scheme in english.text(line, scheme: scheme) }
  }
}
