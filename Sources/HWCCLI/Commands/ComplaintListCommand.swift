import HWCCore
import HWCDomain
import HWCRegister

extension ComplaintCommands {
  /// `hwc complaint list`: filters, newest first, one page at a time, 100 columns wide.
  static let list = CommandSpec(
    ["complaint", "list"], abstract: "List complaints, newest first, a page at a time",
    discussion: """
      Every filter narrows the list; complaints are ordered by reported date, newest first
      (--oldest-first to reverse), and printed 50 at a time (--limit, --offset): the last line
      says which are shown of how many match, and the --offset of the next page. Long names are
      shortened with … so that a row fits 100 columns. --json prints the page as an array with
      every field of each complaint (the claimant's national ID masked, amounts in minor units).
      """,
    options: [
      OptionSpec("district", "D", "only this district"),
      OptionSpec(
        "status", "S", "only this status", choices: ComplaintStatus.allCases.map(\.rawValue)),
      OptionSpec("quarter", "YYYY-Qn", "only those reported in this quarter"),
      OptionSpec("claimant", "NATIONAL_ID", "only this claimant's (IIN or PIN, checked first)"),
      OptionSpec("ref", "REF", "only the one with this field-form ref"),
      OptionSpec("village", "V", "only this village"),
      OptionSpec("type", "T", "only this damage type"),
      OptionSpec("species", "S", "only this species"),
      OptionSpec("from", "DATE", "only incidents on or after this date"),
      OptionSpec("to", "DATE", "only incidents on or before this date"),
      OptionSpec("flag", nil, "only flagged complaints (possible duplicates, above the herd)"),
      OptionSpec("oldest-first", nil, "oldest first instead of newest first"),
      OptionSpec("limit", "N", "at most N complaints (default 50)"),
      OptionSpec("offset", "N", "skip the first N (the next page: the offset the list gives)"),
    ],
    traits: [.database, .json]
  ) { invocation in
    var filter = ComplaintFilter()
    for (option, field) in textFilters { filter[keyPath: field] = invocation.value(option) }
    filter.flaggedOnly = invocation.flag("flag")
    filter.oldestFirst = invocation.flag("oldest-first")
    filter.limit = try invocation.wholeNumber("limit", field: .limit, minimum: 1) ?? 50
    filter.offset = try invocation.wholeNumber("offset", field: .offset, minimum: 0) ?? 0
    let page = try invocation.openRegister().complaintPage(filter)
    if invocation.json {
      invocation.console.print(JSON.array(page.complaints.map(\.json)))
      return 0
    }
    invocation.console.print(
      ComplaintListText.table(page.complaints) + ComplaintListText.footer(page))
    return 0
  }
}

extension ComplaintCommands {
  /// The options of `hwc complaint list` whose text goes to a filter as typed.
  fileprivate static var textFilters: [(String, WritableKeyPath<ComplaintFilter, String?>)] {
    [
      ("district", \.district), ("status", \.status), ("quarter", \.quarter),
      ("claimant", \.claimant), ("ref", \.ref), ("village", \.village), ("type", \.type),
      ("species", \.species), ("from", \.from), ("to", \.to),
    ]
  }
}

/// The text of `hwc complaint list`: a table no wider than 100 columns, and a paging line.
enum ComplaintListText {
  /// The columns, each with the most characters a cell may take before it is shortened: with
  /// two spaces between them, a row is at most 100 characters.
  private static let columns: [(header: String, limit: Int)] = [
    ("id", 14), ("ref", 10), ("claimant", 14), ("type", 13), ("species", 10),
    ("incident", 10), ("status", 10), ("flags", 5),
  ]

  /// The complaints as a table (headers even when there are none).
  static func table(_ complaints: [Register.ComplaintSummary]) -> String {
    var table = TextTable(columns.map(\.header), rightAligned: [columns.count - 1])
    for c in complaints {
      let cells = [
        c.code, c.ref ?? "", c.claimantName, c.type, c.species, c.incidentDate,
        c.status.rawValue, c.flags == 0 ? "" : String(c.flags),
      ]
      table.add(zip(cells, columns).map { shortened($0, to: $1.limit) })
    }
    return table.text
  }

  /// `text` cut to `limit` characters, its last one `…` when anything was cut.
  static func shortened(_ text: String, to limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }

  /// `showing 1–50 of 5,615 (next: --offset 50)`: which complaints are shown, of how many.
  static func footer(_ page: ComplaintPage) -> String {
    let total = NumberStyle.english.integer(page.total)
    guard !page.complaints.isEmpty else {
      return page.total == 0
        ? "no complaints match"
        : "showing none of \(total): --offset \(page.offset) is past the last"
    }
    let first = page.offset + 1
    let last = page.offset + page.complaints.count
    var line =
      "showing \(NumberStyle.english.integer(first))–\(NumberStyle.english.integer(last)) "
      + "of \(total)"
    if last < page.total { line += " (next: --offset \(last))" }
    return line
  }
}
