import HWCCore
import HWCDomain
import HWCRegister
import HWCTemplates

/// The herder's receipt for a complaint (`hwc receipt ID`): what was registered, by whom and
/// when, its status, and what happens next.
///
/// Built once from the register; rendered as text through `templates/receipt.LANG.txt` or as
/// JSON, so the two always agree.
public struct Receipt: Sendable, Equatable {
  /// The day the receipt was printed.
  public let printedOn: String
  public let complaint: DocumentComplaint
  /// The audit chain's head when the receipt was printed (`N:HASH`, see `AuditAnchor`).
  public let anchor: String?

  /// The receipt for complaint `code` as the register holds it today; an unknown id is refused
  /// naming the `ID` argument.
  public static func build(_ register: Register, code: String) throws -> Receipt {
    Receipt(
      printedOn: register.clock.today.description,
      complaint: try DocumentComplaint.load(register, code: code),
      anchor: try register.auditAnchor()?.description)
  }

  /// The names and values `receipt.LANG.txt` sees: the JSON's, with the complaint's names and
  /// words in the language of `words`.
  public func context(_ words: Words) -> TemplateValue {
    TemplateValue(json).adding(complaint.localized(words))
  }

  /// The receipt as text in the language of `setup`.
  public func render(_ setup: ReportSetup) throws -> String {
    try setup.render("receipt", context(setup.vocabulary))
  }

  /// The receipt as one JSON document: codes, English names, the national ID masked.
  public var json: JSON {
    .object(
      [("document", .string("receipt")), ("printed_on", .string(printedOn))] + complaint.json
        + [("anchor", .optional(anchor))])
  }
}
