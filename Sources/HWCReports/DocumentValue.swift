import HWCCore
import HWCTemplates

extension TemplateValue {
  /// What a template sees of a document's JSON value: the same names and values, so the text
  /// and the JSON of a document cannot drift apart.
  init(_ json: JSON) {
    switch json {
    case .null: self = .null
    case .bool(let flag): self = .bool(flag)
    case .int(let number): self = .integer(number)
    case .string(let text): self = .string(text)
    case .array(let items): self = .list(items.map(TemplateValue.init))
    case .object(let fields):
      self = .object(Dictionary(fields.map { ($0.0, TemplateValue($0.1)) }) { _, last in last })
    }
  }

  /// This object with `fields` added, or replacing the JSON's: the names, words and number
  /// writing of the reader's language, which only the text shows.
  func adding(_ fields: [String: TemplateValue]) -> TemplateValue {
    guard case .object(let own) = self else { return self }
    return .object(own.merging(fields) { _, added in added })
  }
}
