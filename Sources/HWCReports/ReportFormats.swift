import HWCCore
import HWCTemplates

/// How a report is printed.
public enum ReportFormat: String, Sendable, CaseIterable {
  /// Plain text from the report's template, for printing.
  case text
  /// One row per figure: `section,row,field,value`, for spreadsheets.
  case csv
  /// The report value itself.
  case json
}

extension JSON {
  /// The same value as the templates see it.
  public var templateValue: TemplateValue {
    switch self {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .int(let number): .integer(number)
    case .string(let text): .string(text)
    case .array(let items): .list(items.map(\.templateValue))
    case .object(let pairs):
      .object(Dictionary(pairs.map { ($0.0, $0.1.templateValue) }, uniquingKeysWith: { $1 }))
    }
  }

  /// Every figure as a CSV row `section,row,field,value`: `section` is the top-level name, `row`
  /// names the list items on the way (`districts:KAZ`), `field` the rest of the path.
  public var csv: String {
    var out = CSVWriter.row(["section", "row", "field", "value"])
    guard case .object(let sections) = self else { return out }
    func walk(_ value: JSON, _ section: String, _ row: [String], _ path: [String]) {
      switch value {
      case .object(let pairs):
        for (key, child) in pairs { walk(child, section, row, path + [key]) }
      case .array(let items):
        for (index, item) in items.enumerated() {
          let name = path.joined(separator: ".") + ":" + (item.rowKey ?? String(index + 1))
          walk(item, section, row + [name], [])
        }
      case .null:
        out += CSVWriter.row([section, row.joined(separator: "/"), path.joined(separator: "."), ""])
      case .bool(let flag):
        out += CSVWriter.row([
          section, row.joined(separator: "/"), path.joined(separator: "."), flag ? "true" : "false",
        ])
      case .int(let number):
        out += CSVWriter.row([
          section, row.joined(separator: "/"), path.joined(separator: "."), String(number),
        ])
      case .string(let text):
        out += CSVWriter.row([
          section, row.joined(separator: "/"), path.joined(separator: "."), text,
        ])
      }
    }
    for (name, value) in sections { walk(value, name, [], []) }
    return out
  }

  /// The identifying field of a list item, if it has one.
  var rowKey: String? {
    guard case .object(let pairs) = self else { return nil }
    for key in ["code", "key", "account", "currency", "village", "conservancy", "complaint"] {
      if let (_, value) = pairs.first(where: { $0.0 == key }), case .string(let text) = value {
        return text
      }
    }
    return nil
  }
}

extension JSON {
  /// This report value in `format`; text goes through template `template` of `setup`'s language.
  func render(_ format: ReportFormat, template: String, setup: ReportSetup) throws -> String {
    switch format {
    case .json: return text(pretty: true) + "\n"
    case .csv: return csv
    case .text: return try setup.render(template, templateValue)
    }
  }
}

extension QuarterlyReport {
  /// The report in `format`; text goes through template `quarterly` of `setup`'s language.
  public func render(_ format: ReportFormat, setup: ReportSetup) throws -> String {
    try value.render(format, template: "quarterly", setup: setup)
  }
}
