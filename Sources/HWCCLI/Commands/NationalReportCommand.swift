import HWCCore
import HWCDomain
import HWCNational
import HWCRegister
import HWCReports

/// `hwc national report quarterly`: the quarterly report over every office's replica.
enum NationalReportCommand {
  static let specs = [quarterly]

  static let quarterly = CommandSpec(
    ["national", "report", "quarterly"],
    abstract: "Print the quarterly conflict report of every office together",
    discussion: """
      The quarterly report (see hwc report quarterly) built over the verified replica of every
      office in the national register, opened read-only: counts and money are summed, medians
      and percentiles come from the pooled complaints (never averaged), hotspots and flags are
      merged. A table of offices follows: the chain head each office's figures were read from,
      the date of its last bundle, and whether it is overdue — its last bundle was made on or
      before the quarter's last day (while the quarter is not over: more than 30 days ago), or
      it sent none. The report is anchored to the national register's chain.
      """,
    options: [
      NationalCommands.folderOption,
      OptionSpec("quarter", "YYYY-Qn", "the quarter, e.g. 2026-Q3", required: true),
      OptionSpec("district", "D", "only this district (and its conservancies)"),
      ReportOptions.lang,
      OptionSpec("format", "text|csv|json", "output format (default text)"),
      ReportOptions.templates,
    ],
    traits: [.json]
  ) { invocation in
    let format = try invocation.reportFormat()
    let setup = try invocation.reportSetup("national")
    let quarter = try Quarter(invocation.value("quarter")!)
    let national = try invocation.openNational(readOnly: true)
    let offices = try national.offices().map { office in
      NationalReport.Office(
        code: office.code, districts: office.districts, lastBundle: office.lastBundleCreatedAt,
        replica: try office.replicaPath.map { try Register.open(path: $0, readOnly: true) })
    }
    guard offices.contains(where: { $0.replica != nil }) else {
      throw NationalError(
        "no office has sent a bundle to \(national.folder.path) yet, so there are no figures; "
          + "accept one with 'hwc national accept BUNDLE'")
    }
    let report = try NationalReport.build(
      offices: offices, nationalAnchor: try national.chainAnchor()?.description, quarter: quarter,
      district: invocation.value("district"), words: setup.vocabulary,
      today: invocation.clock.today)
    invocation.console.print(try report.render(format, setup: setup))
    invocation.warnMissingWords(setup)
    return 0
  }
}
