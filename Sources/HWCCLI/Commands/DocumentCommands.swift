import HWCCore
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
      OptionSpec("season", "YYYY", "the season (calendar year)", required: true),
      ReportOptions.lang, ReportOptions.templates,
    ],
    traits: [.database, .json]
  ) { invocation in
    let setup = try invocation.reportSetup("fund")
    let statement = try FundStatement.build(
      invocation.openRegister(), conservancy: invocation.value("conservancy")!,
      season: invocation.value("season")!)
    return try printDocument(invocation, json: statement.json, setup: setup) {
      try statement.render(setup)
    }
  }

  static let receipt = CommandSpec(
    ["receipt"], abstract: "Print the herder's receipt for a complaint",
    discussion: """
      What was registered (claimant with the national ID masked, place, damage, species, claimed
      items), by whom and when, the status, and what happens next. --json prints the same facts
      with codes and English names.
      """,
    arguments: [ArgumentSpec("ID", "complaint id, e.g. KAZ-2026-0001")],
    options: [ReportOptions.documentLang, ReportOptions.templates],
    traits: [.database, .json]
  ) { invocation in
    let receipt = try Receipt.build(invocation.openRegister(), code: invocation.argument(0)!)
    let setup = try invocation.reportSetup("receipt", preferred: receipt.complaint.claimantLang)
    return try printDocument(invocation, json: receipt.json, setup: setup) {
      try receipt.render(setup)
    }
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
