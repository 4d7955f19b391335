import HWCCore
import HWCDomain
import HWCRegister
import HWCReports

/// `hwc report controls`.
enum ControlsReportCommand {
  static let specs = [controls]

  static let controls = CommandSpec(
    ["report", "controls"], abstract: "Print the fraud-controls report of a quarter",
    discussion: """
      Per inspector: complaints they inspected first, the share verified at the full claimed
      quantity, re-inspections by another inspector and the share that found less, and the
      median amount against the district's. Per village: complaints, the share at full claim,
      the median amount against the district's distribution, flags. Outliers (at least 5
      complaints and a median amount 1.5 times the district's, or a share at full claim 25
      points above it) are marked and listed first. Then claimants with more than N complaints
      in a season (the calendar year of the incident; --repeat N, default 3; national IDs
      masked) and flagged complaints approved or paid nonetheless. Complaints are counted by
      registration date in the quarter, as in the quarterly report. --format csv prints one row
      per figure (section,row,field,value); --format json (or --json) the report value itself.
      Amounts in CSV and JSON are integer minor units.
      """,
    options: [
      OptionSpec("quarter", "YYYY-Qn", "the quarter, e.g. 2026-Q3", required: true),
      OptionSpec("district", "D", "only this district"),
      OptionSpec(
        "repeat", "N", "list claimants with more than N complaints in a season (default 3)"),
      ReportOptions.lang,
      OptionSpec("format", "text|csv|json", "output format (default text)"),
      ReportOptions.templates,
    ],
    traits: [.database, .json]
  ) { invocation in
    let format = try invocation.reportFormat()
    let setup = try invocation.reportSetup("controls")
    let quarter = try Quarter(invocation.value("quarter")!)
    let limit =
      try invocation.wholeNumber("repeat", field: .repeatLimit, minimum: 1)
      ?? ControlsReport.defaultRepeatLimit
    let register = try invocation.openRegister()
    let report = try ControlsReport.build(
      register: register, quarter: quarter, district: invocation.value("district"),
      words: setup.vocabulary, repeatLimit: limit, today: register.clock.today)
    invocation.console.print(try report.render(format, setup: setup))
    invocation.warnMissingWords(setup)
    return 0
  }
}
