import HWCCore
import HWCDomain
import HWCRegister
import HWCReports

/// `hwc report fund`, `hwc receipt`, `hwc letter`.
enum DocumentCommands {
  static let specs: [CommandSpec] = [fund, receipt, letter]

  static let fund = CommandSpec(
    ["report", "fund"], abstract: "Print a conservancy buffer fund's statement for a season",
    discussion: """
      Opening balance on 1 January (credited before the season minus paid before it), premiums
      from herd insurance, contributions by source, payouts paid, and the closing balance on
      31 December (to date while the season runs), each split into available and reserved for
      approved, unpaid payouts; then the payouts, the approvals still unpaid, and the members
      and insured heads of the season. Money belongs to the season of the day it moved. The
      statement checks opening + premiums + contributions - paid = closing.
      """,
    options: [
      OptionSpec("conservancy", "C", "the conservancy", required: true),
      OptionSpec("season", "YYYY", "the season (calendar year; default: this one)"),
      ReportOptions.lang, ReportOptions.templates,
    ],
    traits: [.database, .json]
  ) { invocation in
    let setup = try invocation.reportSetup("fund")
    let statement = try FundStatement.build(
      invocation.openRegister(), conservancy: invocation.value("conservancy")!,
      season: invocation.value("season") ?? String(invocation.clock.today.year))
    return try printDocument(invocation, json: statement.json, setup: setup) {
      try statement.render(setup)
    }
  }

  static let receipt = CommandSpec(
    ["receipt"], abstract: "Print the herder's receipts for one or more complaints",
    discussion: """
      What was registered (claimant with the national ID masked, place, damage, species, claimed
      items), by whom and when, the status, and what happens next. Several ids, or --imported
      with the complaint file of an import, print several receipts, each on its own page (a
      form feed between them); rows of the file whose ref is not registered are named on
      standard error. --json prints the same facts with codes and English names (an array for
      several receipts).
      """,
    arguments: [
      ArgumentSpec("ID", "complaint id, e.g. KAZ-2026-0001", required: false, repeating: true)
    ],
    options: [
      OptionSpec(
        "imported", "FILE.csv",
        "the receipts of every complaint the file's rows created or matched (by ref)"),
      ReportOptions.documentLang, ReportOptions.templates,
    ],
    traits: [.database, .json]
  ) { invocation in
    let register = try invocation.openRegister()
    var codes = invocation.arguments
    if let file = invocation.value("imported") {
      let found = try register.complaintCodes(importedFrom: file)
      guard !found.codes.isEmpty else {
        throw DomainError.notFound("no row of \(file) has the ref of a registered complaint")
      }
      codes += found.codes
      if !found.missing.isEmpty {
        let shown = found.missing.prefix(10).map(String.init).joined(separator: ", ")
        let more = found.missing.count > 10 ? " and \(found.missing.count - 10) more" : ""
        invocation.console.error(
          "hwc: \(found.missing.count) row(s) of \(file) have no registered complaint (line "
            + shown + more + "); no receipt for them")
      }
    }
    guard !codes.isEmpty else {
      throw UsageError("give a complaint ID or --imported FILE.csv", spec: invocation.spec)
    }
    let receipts = try codes.map { try Receipt.build(register, code: $0) }
    // Each receipt in its claimant's language unless --lang chooses one; one setup per language.
    var setups: [String: ReportSetup] = [:]
    let chosen = try receipts.map { receipt in
      let lang = receipt.complaint.claimantLang ?? ""
      if let setup = setups[lang] { return setup }
      let setup = try invocation.reportSetup("receipt", preferred: receipt.complaint.claimantLang)
      setups[lang] = setup
      return setup
    }
    if codes.count == 1 {
      return try printDocument(invocation, json: receipts[0].json, setup: chosen[0]) {
        try receipts[0].render(chosen[0])
      }
    }
    return try printDocument(invocation, json: .array(receipts.map(\.json)), setup: chosen[0]) {
      // A form feed starts each receipt after the first on a new page.
      try zip(receipts, chosen).map { try withoutTrailingNewlines($0.render($1)) }
        .joined(separator: "\n\u{0C}")
    }
  }

  /// `text` without the line breaks it ends with.
  private static func withoutTrailingNewlines(_ text: String) -> String {
    var text = text
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  static let letter = CommandSpec(
    ["letter"], abstract: "Print the decision letter for a complaint",
    discussion: """
      The decision (pending, eligible, not eligible, rejected, approved or paid), with the reason,
      the assessed lines, the explanation step by step under plain headings, and how to appeal
      (within 30 days, at the district office or the conservancy). The explanation is printed as
      the register recorded it. --json prints the same facts with codes and English names.
      """,
    arguments: [ArgumentSpec("ID", "complaint id, e.g. KAZ-2026-0001")],
    options: [ReportOptions.documentLang, ReportOptions.templates],
    traits: [.database, .json]
  ) { invocation in
    let letter = try DecisionLetter.build(invocation.openRegister(), code: invocation.argument(0)!)
    let setup = try invocation.reportSetup("letter", preferred: letter.complaint.claimantLang)
    return try printDocument(invocation, json: letter.json, setup: setup) {
      try letter.render(setup)
    }
  }

  /// Prints the JSON document with `--json`, the rendered text otherwise. The text is rendered
  /// completely before anything is printed, so a template error prints nothing on stdout.
  static func printDocument(
    _ invocation: Invocation, json: JSON, setup: ReportSetup, text: () throws -> String
  ) throws -> Int32 {
    if invocation.json {
      invocation.console.print(json)
    } else {
      invocation.console.print(try text())
      invocation.warnMissingWords(setup)
    }
    return 0
  }
}
