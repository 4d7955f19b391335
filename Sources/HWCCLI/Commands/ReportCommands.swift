import HWCCore
import HWCDomain
import HWCRegister
import HWCReports

/// `hwc report quarterly`.
enum ReportCommands {
  static let specs = [quarterly]

  static let quarterly = CommandSpec(
    ["report", "quarterly"], abstract: "Print the quarterly conflict report",
    discussion: """
      Complaints by district, damage type and species; verified losses; compensation assessed,
      approved, paid and outstanding per payer with budget and fund balances; decisions and
      reasons; processing times; hotspots; flagged duplicates; wildlife-crime incidents; change
      against the previous quarter and a year before. Complaints are counted by registration
      date, decisions and money by the date they happened. --format csv prints one row per
      figure (section,row,field,value); --format json (or --json) the report value itself. All
      three come from one report value. Amounts in CSV and JSON are integer minor units.
      """,
    options: [
      OptionSpec("quarter", "YYYY-Qn", "the quarter, e.g. 2026-Q3", required: true),
      OptionSpec("district", "D", "only this district (and its conservancies)"),
      ReportOptions.lang,
      OptionSpec("format", "text|csv|json", "output format (default text)"),
      ReportOptions.templates,
    ],
    traits: [.database, .json]
  ) { invocation in
    let format = try invocation.reportFormat()
    let setup = try invocation.reportSetup("quarterly")
    let quarter = try Quarter(invocation.value("quarter")!)
    let register = try invocation.openRegister()
    let report = try QuarterlyReport.build(
      register: register, quarter: quarter, district: invocation.value("district"),
      words: setup.vocabulary, today: register.clock.today)
    invocation.console.print(try report.render(format, setup: setup))
    invocation.warnMissingWords(setup)
    return 0
  }
}
