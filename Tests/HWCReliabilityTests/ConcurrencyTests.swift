import Foundation
import HWCTestSupport
import Testing

/// Many built `hwc` processes on one register at once, each a different user with a passphrase
/// file: officers registering and importing complaints, officers assessing, committee members
/// approving. Every command succeeds (writers wait their turn), the row counts are exact and
/// the ledger holds.
@Suite(.serialized) struct ConcurrencyTests {
  /// How many processes of each kind run at once.
  struct Mix {
    let registering: Int
    let importing: Int
    let assessing: Int
    let approving: Int
    var total: Int { registering + importing + assessing + approving }
  }

  static let mix =
    Reliability.long
    ? Mix(registering: 14, importing: 6, assessing: 14, approving: 16)
    : Mix(registering: 2, importing: 2, assessing: 2, approving: 2)
  static let importRows = 200

  /// An import file of new claimants, distinct from every other file's (year of birth `file`).
  static func importFile(_ office: Office, _ file: Int) -> String {
    var text = SpecCSV.complaintHeader
    for (row, iin) in GeneratedIIN.first(importRows, bornFrom: 1940 + file, sex: .female)
      .enumerated()
    {
      text += "IMP\(file)-\(row),\(iin),Herder \(file)-\(row),Zhanibek,,Borsy,hay_loss,saiga,"
      text += "2026-05-\(10 + file % 18),2026-05-28,hay=2\n"
    }
    return office.folder.write("import-\(file).csv", text)
  }

  @Test func processesRegisteringImportingAssessingAndApprovingAtOnceAllSucceed() throws {
    _ = Reliability.generator("concurrent processes")  // nothing random: the seed is printed
    let mix = Self.mix
    let officers = (0..<(mix.registering + mix.assessing)).map {
      ("officer\($0)", ["officer@Kaztalov"])
    }
    let importers = (0..<mix.importing).map { ("importer\($0)", ["officer@Zhanibek"]) }
    let members = (0..<mix.approving).map { ("member\($0)", ["committee@Kaztalov"]) }
    let office = try Office(
      users: officers + importers + members + [
        ("marat", ["inspector@Kaztalov"]), ("tolkyn", ["treasurer@Kaztalov"]),
      ])
    // Complaints to register against, to assess (inspected) and to approve (assessed): two
    // members approve each of the last, so half of the approvals reserve money.
    let targets = mix.assessing + (mix.approving + 1) / 2
    let csv = office.folder.write("base.csv", KillTests.attacks(targets + 1, refPrefix: "B"))
    try office.setup(["complaint", "import", csv] + office.acting("officer0"))
    let codes = (1...targets).map { String(format: "KAZ-2026-%04d", $0) }
    for (index, code) in codes.enumerated() {
      try office.setup(
        [
          "inspect", code, "--date", "2026-06-03", "--item", "sheep_goat.adult=3", "--protected",
          "yes",
        ] + office.acting("marat"))
      if index >= mix.assessing { try office.setup(["assess", code] + office.acting("officer0")) }
    }
    try office.setup(
      ["budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "100000000"]
        + office.acting("tolkyn"))
    let yerlan = GeneratedIIN.first(1, bornFrom: 1972, sex: .male)[0]
    var commands: [[String]] = []
    for index in 0..<mix.registering {
      commands.append(
        [
          "complaint", "register", "--claimant", yerlan, "--district", "Kaztalov", "--type",
          "hay_loss", "--species", "saiga", "--incident-date",
          String(format: "2026-03-%02d", 1 + index % 28), "--reported-date", "2026-04-01",
          "--item", "hay=1",
        ] + office.acting("officer\(index)"))
    }
    for file in 0..<mix.importing {
      commands.append(
        ["complaint", "import", Self.importFile(office, file)] + office.acting("importer\(file)"))
    }
    for index in 0..<mix.assessing {
      commands.append(
        ["assess", codes[index]] + office.acting("officer\(mix.registering + index)"))
    }
    for index in 0..<mix.approving {
      commands.append(
        ["approve", codes[mix.assessing + index / 2]] + office.acting("member\(index)"))
    }
    let before = (
      complaints: try office.count("complaint"), assessments: try office.count("assessment")
    )
    let started = Date()
    let children = try commands.enumerated().map { index, words in
      try office.spawn(words, "process-\(index)")
    }
    let outcomes = try children.map { try $0.wait() }
    let seconds = Date().timeIntervalSince(started)
    for (words, outcome) in zip(commands, outcomes) {
      #expect(outcome.code == 0, "\(words.prefix(3)): \(outcome)")
      let text = (outcome.out + outcome.err).lowercased()
      #expect(!text.contains("locked") && !text.contains("busy"), "\(words.prefix(3)): \(outcome)")
    }
    #expect(
      try office.count("complaint")
        == before.complaints + mix.registering + mix.importing * Self.importRows)
    #expect(try office.count("assessment") == before.assessments + mix.assessing)
    #expect(try office.count("approval") == mix.approving)
    #expect(try office.count("ledger_transfer", "kind = 'reservation'") == mix.approving / 2)
    try office.expectSound(office.db, "after \(mix.total) processes")
    Reliability.report(
      "concurrent processes",
      "\(mix.total) processes at once (\(mix.registering) registering, \(mix.importing) importing "
        + "\(Self.importRows) rows each, \(mix.assessing) assessing, \(mix.approving) approving) "
        + "in \(String(format: "%.1f", seconds)) s; \(outcomes.filter { $0.code == 0 }.count) "
        + "succeeded, exact row counts, ledger ok")
  }
}
