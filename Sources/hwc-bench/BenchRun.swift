import Foundation
import HWCBench
import HWCCore
import HWCDomain
import HWCRegister

/// One bench run, in order: generate, set up, import (and its baseline), inspect, assess,
/// decide, report (and its baseline), verify, check, single commands, file size.
struct BenchRun {
  let plan: BenchPlan
  /// The `hwc` executable (release build).
  let hwc: String
  /// The working folder, emptied first.
  let out: String
  /// How many eligible complaints are approved twice and paid.
  let decisions: Int
  let spawner: Spawner
  var figures = BenchFigures()
  /// The quarter `hwc report quarterly` was timed on (the national report uses it too).
  var reportedQuarter = ""
  /// The command (its first two words) whose process had the largest resident set so far.
  var peakCommand = ""

  init(plan: BenchPlan, hwc: String, out: String, decisions: Int) {
    self.plan = plan
    self.hwc = hwc
    self.out = out
    self.decisions = decisions
    self.spawner = Spawner(scratch: out)
    BenchUsers.secrets = out + "/secrets"
    figures.rows = plan.rows
  }

  var register: String { out + "/register.sqlite" }

  /// Prints a progress line (the table and the JSON line come last).
  func note(_ text: String) {
    print("bench: " + text)
    fflush(nil)
  }

  mutating func run() throws -> BenchFigures {
    let files = FileManager.default
    try? files.removeItem(atPath: out)
    try files.createDirectory(atPath: out, withIntermediateDirectories: true)
    let complaints = out + "/complaints.csv"
    let inspections = out + "/inspections.csv"
    let summary = try BenchGenerator(plan: plan).write(
      complaints: complaints, inspections: inspections)
    note(
      "generated \(summary.rows) complaint rows (\(summary.claimants) claimants, "
        + "\(summary.duplicates) second forms, years "
        + "\(summary.years.keys.sorted().map(String.init).joined(separator: ", "))) and "
        + "\(summary.inspections) inspection forms in \(out)")

    try setUp()
    let imported = try runHWC(
      ["complaint", "import", complaints] + BenchUsers.actor(BenchUsers.officer))
    figures.importSeconds = imported.seconds
    figures.bytesImported = try fileBytes(register)
    let flagged = try facts(register).flaggedComplaints
    note("imported in \(seconds(imported)); \(flagged) complaints flagged as possible duplicates")
    try importBaseline(complaints)

    let inspected = try runHWC(
      ["inspection", "import", inspections] + BenchUsers.actor(BenchUsers.inspector))
    figures.inspectSeconds = inspected.seconds
    let assessed = try runHWC(
      ["assess", "--pending"] + BenchUsers.actor(BenchUsers.committee[0]))
    figures.assessSeconds = assessed.seconds
    let assessments = try facts(register)
    figures.assessed = assessments.assessments
    let eligible = assessments.eligibleAssessments
    note(
      "inspected in \(seconds(inspected)); assessed \(figures.assessed) in \(seconds(assessed)), "
        + "\(eligible) eligible")

    try decide()
    try report()
    figures.verifySeconds = try runHWC(["audit", "verify"]).seconds
    figures.checkSeconds = try runHWC(["check"]).seconds
    try singleCommands(summary)
    figures.bytesFinal = try fileBytes(register)
    try measureNational(quarter: reportedQuarter)
    note(
      "largest resident set \(BenchFigures.format(Double(figures.peakKiB) / 1024, 1)) MB: "
        + "hwc \(peakCommand)")
    return figures
  }

  /// A fresh register with its users, and the saiga emergencies the steppe districts declared.
  private mutating func setUp() throws {
    try BenchUsers.writeSecrets()
    try runHWC(["init"] + BenchUsers.initialAdmin())
    for addition in BenchUsers.additions() { try runHWC(["user", "add"] + addition) }
    for district in BenchPlaces.districts where district.landscape == .steppe {
      for year in plan.firstIncident.year...plan.lastIncident.year {
        var periods = [("\(year)-04-01", "\(year)-05-31")]
        if year % 2 == 0 { periods.append(("\(year)-09-15", "\(year)-10-31")) }
        for (index, period) in periods.enumerated() {
          try runHWC(
            [
              "emergency", "declare", "--district", district.name, "--from", period.0, "--to",
              period.1, "--decree", "WKO \(year)-\(district.code)-\(index + 1)",
            ] + BenchUsers.actor(BenchUsers.admin))
        }
      }
    }
  }

  /// The `sqlite3` tool loading the same CSV into the same tables of a fresh `hwc init` register.
  private mutating func importBaseline(_ csv: String) throws {
    let baseline = out + "/baseline.sqlite"
    try runHWC(["init"] + BenchUsers.initialAdmin(), on: baseline)
    let script = out + "/baseline-import.sql"
    try BaselineScript.script(csv: csv).write(toFile: script, atomically: true, encoding: .utf8)
    let loaded = try spawner.run("sqlite3", ["-batch", baseline], input: script)
    guard loaded.status == 0, loaded.stderr.isEmpty else {
      throw BenchError(description: "the sqlite3 baseline import failed: \(loaded.stderr)")
    }
    figures.importBaselineSeconds = loaded.seconds
    let count = try facts(baseline).complaints
    note("baseline: sqlite3 loaded \(count) complaints in \(seconds(loaded))")
  }

  /// Two distinct committee members approve, and a treasurer pays, a share of the eligible
  /// complaints, after the treasurer has allocated the budgets (and funds) they need.
  private mutating func decide() throws {
    // Read, then released (closing the file) before the first `hwc` below writes.
    let eligible = try Register.open(path: register).decidableComplaints()
    let count = min(decisions, eligible.count)
    guard count > 0 else {
      note("no eligible complaint to decide")
      return
    }
    let step = eligible.count / count
    let chosen = (0..<count).map { eligible[$0 * step] }
    // The re-inspections their draws require, each confirming the inspection the complaint was
    // assessed with (read, then released before the first write).
    var reinspections: [String: (items: [String], protected: Bool)] = [:]
    do {
      let reader = try Register.open(path: register)
      try reader.snapshot {
        for complaint in chosen {
          reinspections[complaint.code] = try reader.benchReinspection(code: complaint.code)
        }
      }
    }
    var needs: [[String]: Int] = [:]
    for complaint in chosen {
      let key =
        complaint.scheme == .kzState
        ? [
          "budget", "allocate", "--district", complaint.district, "--year",
          String(complaint.incidentYear),
        ]
        : ["fund", "contribute", "--conservancy", complaint.conservancy ?? "", "--source", "state"]
      needs[key, default: 0] += complaint.amountMinor
    }
    for (command, minor) in needs.sorted(by: { $0.key.joined() < $1.key.joined() }) {
      try runHWC(
        command + ["--amount", String(minor / 100 + 1_000)]
          + BenchUsers.actor(BenchUsers.treasurer))
    }
    var refused: [String] = []
    for (index, complaint) in chosen.enumerated() {
      let code = complaint.code
      let reinspect = reinspections[code].map { found in
        ["reinspect", code, "--date", Clock.system.today.description]
          + found.items.flatMap { ["--item", $0] }
          + ["--protected", found.protected ? "yes" : "no"]
          + BenchUsers.actor(BenchUsers.reinspector)
      }
      let steps =
        (reinspect.map { [$0] } ?? [])
        + BenchUsers.committee.map { ["approve", code] + BenchUsers.actor($0) }
        + [
          ["pay", code, "--reference", "BENCH-PAY-\(index + 1)"]
            + BenchUsers.actor(BenchUsers.treasurer)
        ]
      for arguments in steps {
        let done = try runHWC(arguments, mustSucceed: false)
        figures.decideSeconds += done.seconds
        if done.status != 0 {
          refused.append("\(code): \(done.stderr.trimmingSpaces)")
          break
        }
      }
    }
    note(
      "decided \(count) of \(eligible.count) eligible complaints (\(reinspections.count) "
        + "re-inspections the draws required, two approvals and a payment each) in \(BenchFigures.format(figures.decideSeconds, 3)) s"
        + (refused.isEmpty ? "" : "; \(refused.count) refused, first: \(refused[0])"))
  }

  /// `hwc report quarterly` for the quarter holding most decisions, and its own SQL replayed.
  private mutating func report() throws {
    guard let quarter = try Register.open(path: register).busiestDecisionQuarter() else {
      throw BenchError(description: "no decisions to report")
    }
    reportedQuarter = quarter
    let arguments = ["report", "quarterly", "--quarter", quarter]
    let trace = out + "/report-trace.sql"
    try? FileManager.default.removeItem(atPath: trace)
    // Untimed: captures the report's statements (and warms the cache for both timed runs).
    try runHWC(arguments, environment: ["HWC_TRACE_SQL": trace])
    figures.reportSeconds = try runHWC(arguments).seconds
    let replay = try spawner.run("sqlite3", ["-batch", register], input: trace, keepOutput: false)
    guard replay.status == 0, replay.stderr.isEmpty else {
      throw BenchError(description: "replaying the report's SQL failed: \(replay.stderr)")
    }
    figures.reportBaselineSeconds = replay.seconds
    let statements = try String(contentsOfFile: trace, encoding: .utf8)
      .split(separator: "\n").count
    note(
      "report \(quarter) in \(BenchFigures.format(figures.reportSeconds, 3)) s; its "
        + "\(statements) statements by sqlite3 in \(seconds(replay))")
  }

  /// The median whole-process time of single `complaint register` and `complaint show` runs.
  private mutating func singleCommands(_ summary: BenchSummary) throws {
    guard let claimant = summary.sampleClaimant else { return }
    let today = Clock.system.today
    var register: [Double] = []
    var show: [Double] = []
    // At the desk the officer has a live session (SPEC §11): one login, then plain commands.
    try runHWC(["login"] + BenchUsers.actor(BenchUsers.officer))
    for run in 1...15 {
      var arguments = [
        "complaint", "register", "--claimant", claimant.nationalID, "--district",
        claimant.district.name,
      ]
      if let conservancy = claimant.conservancy { arguments += ["--conservancy", conservancy] }
      arguments += [
        "--type", "livestock_predation", "--species", "wolf", "--incident-date",
        today.adding(days: -2).description, "--reported-date", today.adding(days: -1).description,
        "--item", "sheep_goat.adult=1", "--ref", "BENCH-DESK-\(run)", "--village", claimant.village,
      ]
      register.append(try runHWC(arguments + ["--as", BenchUsers.officer]).seconds)
      let code = summary.sampleCodes[run % summary.sampleCodes.count]
      show.append(try runHWC(["complaint", "show", code]).seconds)
    }
    figures.registerMilliseconds = Self.median(register) * 1000
    figures.showMilliseconds = Self.median(show) * 1000
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// Runs `hwc --db DB ARGS` (`hwc ARGS` for a national command), keeping the largest resident set seen; stops the bench when it
  /// fails, unless `mustSucceed` is false.
  @discardableResult
  mutating func runHWC(
    _ arguments: [String], on database: String? = nil, environment: [String: String] = [:],
    mustSucceed: Bool = true
  ) throws -> Finished {
    // Sessions live under $HOME/.hwc: the bench keeps its own in bench-out.
    // National commands name their folder, not a register.
    let db = arguments.first == "national" ? [] : ["--db", database ?? register]
    let done = try spawner.run(
      hwc, db + arguments,
      environment: ["HOME": out].merging(environment) { $1 })
    if done.peakKiB > figures.peakKiB {
      figures.peakKiB = done.peakKiB
      peakCommand = arguments.prefix(arguments.first == "national" ? 3 : 2).joined(separator: " ")
    }
    guard done.status == 0 || !mustSucceed else {
      throw BenchError(
        description: "hwc \(arguments.prefix(2).joined(separator: " ")) exited \(done.status): "
          + done.stderr.trimmingSpaces)
    }
    return done
  }

  /// The register's counts, read through the register (its connection closed on return).
  private func facts(_ database: String) throws -> Register.BenchFacts {
    try Register.open(path: database).benchFacts()
  }

  /// The register's size on disk, WAL included, after a checkpoint (its connection closed first).
  private func fileBytes(_ database: String) throws -> Int {
    try Register.open(path: database).checkpoint()
    return [database, database + "-wal"].reduce(0) { total, path in
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int
      return total + (size ?? 0)
    }
  }

  private func seconds(_ done: Finished) -> String {
    BenchFigures.format(done.seconds, 3) + " s"
  }
}
