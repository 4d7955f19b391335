import Foundation
import HWCTestSupport
import Testing

/// Files from the office PC and input as people type it (issue #13 items 4 and 6), through the
/// CLI: accepted where the meaning is certain, otherwise refused with the form to type, and
/// nothing written on a refusal.
@Suite struct CLIOfficeInputTests {
  /// Cyrillic А–я and ASCII as Windows-1251 bytes (А is U+0410 and byte 0xC0).
  static func cp1251(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : UInt8($0.value - 0x350) }
  }

  /// A complaint file as Excel in a Russian locale saves it: `;`-separated, Windows-1251, the
  /// items quoted because they hold `;`, the district and species by their Russian names.
  static func russianExcelFile(_ workspace: Workspace, row: String = "") throws -> String {
    let path = workspace.path("field.csv")
    let text =
      Workspace.csvHeader.replacingOccurrences(of: ",", with: ";")
      + (row.isEmpty
        ? "F-7;\(Workspace.gulnara);Гульнара Сарсенова;Казталов;;Жалпактал;livestock_predation;"
          + "Волк;2026-06-01;2026-06-02;\"sheep_goat.adult=2;sheep_goat.young=1\"\n" : row)
    try Data(cp1251(text)).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func importsASemicolonWindows1251File() throws {
    let workspace = Workspace.standard()
    let csv = try Self.russianExcelFile(workspace)
    let imported = workspace.ok(["complaint", "import", csv, "--as", "dauren"])
    #expect(
      imported.out
        == "field.csv:2  F-7  KAZ-2026-0001  new\n"
        + "imported 1 complaints from 1 rows, 1 new claimants (read as Windows-1251, ;-separated)\n"
    )
    let shown = workspace.ok(["claimant", "show", Workspace.gulnara, "--json"])
    let claimant = parseJSON(shown.out) as? [String: Any]
    #expect(claimant?["name"] as? String == "Гульнара Сарсенова")
    let complaint = parseJSON(workspace.ok(["complaint", "show", "KAZ-2026-0001", "--json"]).out)
    #expect((complaint as? [String: Any])?["village"] as? String == "Жалпактал")
    #expect((complaint as? [String: Any])?["species"] as? String == "wolf")
  }

  @Test func encodingProblemsNameFileLineAndByteAndWriteNothing() throws {
    let workspace = Workspace.standard()
    let csv = try Self.russianExcelFile(workspace)
    let before = try workspace.counts()
    let forced = workspace.run([
      "complaint", "import", csv, "--encoding", "utf-8", "--as", "dauren",
    ])
    #expect(forced.code == 1)
    // Line 2 starts at byte 106, after the header; «Г» (0xC3) is byte 123.
    #expect(
      forced.err.contains(
        "field.csv:2: byte 0xC3 at offset 123 is not valid UTF-8 (a file saved as Windows-1251 "
          + "is read with --encoding cp1251)"), "\(forced.err)")
    var bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
    bytes[123] = 0x98
    try bytes.write(to: URL(fileURLWithPath: csv))
    let undefined = workspace.run([
      "complaint", "import", csv, "--encoding", "cp1251", "--as", "dauren",
    ])
    #expect(undefined.code == 1)
    #expect(
      undefined.err.contains(
        "field.csv:2: byte 0x98 at offset 123 is not a character in Windows-1251"),
      "\(undefined.err)")
    let bogus = workspace.run([
      "complaint", "import", csv, "--encoding", "koi8-r", "--as", "dauren",
    ])
    #expect(bogus.code == 2)
    #expect(bogus.err.contains("--encoding: 'koi8-r' is not utf-8 or cp1251"))
    #expect(try workspace.counts() == before)
  }

  @Test func importRowsGetTheSameSuggestions() throws {
    let workspace = Workspace.standard()
    let csv = try Self.russianExcelFile(
      workspace,
      row: "F-8;\(Workspace.yerlan);;KAZTALOV;;;livestock_predation;Wolf;1.6.2026;2026-06-02;"
        + "sheep=2\n")
    let before = try workspace.counts()
    let refused = workspace.run(["complaint", "import", csv, "--as", "dauren"])
    #expect(refused.code == 1)
    #expect(
      refused.err.contains(
        "field.csv:2: incident_date: 1.6.2026 is not a date (YYYY-MM-DD); did you mean 2026-06-01?"),
      "\(refused.err)")
    #expect(try workspace.counts() == before)
  }

  @Test func datesAmountsAndItemsInOtherFormsAreRefusedWithTheFormToType() throws {
    let workspace = Workspace.standard()
    workspace.ok(["user", "add", "tolkyn", "--role", "treasurer@Kaztalov", "--as", "admin"])
    let before = try workspace.counts()
    let cases: [([String], String)] = [
      (
        ["--incident-date", "31.12.2025"],
        "--incident-date: 31.12.2025 is not a date (YYYY-MM-DD); did you mean 2025-12-31?"
      ),
      (
        ["--reported-date", "2026-6-2"],
        "--reported-date: 2026-6-2 is not a date (YYYY-MM-DD); did you mean 2026-06-02?"
      ),
      (
        ["--item", "sheep=3"],
        "--item: 'sheep' is not an item; did you mean sheep_goat.adult? items for "
          + "livestock_predation: camel.adult, camel.young, cattle.adult"
      ),
      (["--species", "wolff"], "--species: 'wolff' is not a species; did you mean wolf?"),
      (
        ["--district", "Kaztalof"],
        "--district: 'Kaztalof' is not a district; did you mean Kaztalov?"
      ),
    ]
    for (change, message) in cases {
      var words = Workspace.register(["--as", "dauren"])
      for index in stride(from: 0, to: change.count, by: 2) {
        let at = words.firstIndex(of: change[index])!
        words[at + 1] = change[index + 1]
      }
      let refused = workspace.run(words)
      #expect(refused.code == 1, "\(change)")
      #expect(refused.err.contains(message), "\(change): \(refused.err)")
    }
    for amount in ["1 500 000", "1,500,000", "1.500.000"] {
      let refused = workspace.run([
        "budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", amount,
        "--as", "tolkyn",
      ])
      #expect(refused.code == 1)
      #expect(refused.err.contains("--amount: '\(amount)' is not a number; did you mean 1500000?"))
    }
    #expect(try workspace.counts() == before)
  }

  @Test func russianNamesAndAnyCaseAreAccepted() throws {
    let workspace = Workspace.standard()
    var words = Workspace.register(["--as", "dauren", "--ref", "F-1"])
    words[words.firstIndex(of: "--district")! + 1] = "Казталовский район"
    words[words.firstIndex(of: "--species")! + 1] = "Волк"
    workspace.ok(words)
    words = Workspace.register(["--as", "dauren", "--ref", "F-2"])
    words[words.firstIndex(of: "--district")! + 1] = "KAZTALOV"
    words[words.firstIndex(of: "--species")! + 1] = "Wolf"
    words[words.firstIndex(of: "--type")! + 1] = "Livestock Predation"
    words[words.firstIndex(of: "--item")! + 1] = "Sheep_Goat.Adult=3"
    workspace.ok(words)
    let list = parseJSON(workspace.ok(["complaint", "list", "--json"]).out) as? [[String: Any]]
    #expect(list?.map { $0["species"] as? String } == ["wolf", "wolf"])
    #expect(list?.map { $0["type"] as? String } == ["livestock_predation", "livestock_predation"])
    workspace.ok(["claimant", "list", "--district", "казталов"])
  }

  @Test func lookupsByNationalIDSayWhatIsWrongWithTheID() throws {
    let workspace = Workspace.standard()
    let typo = String(Workspace.yerlan.dropLast()) + "2"
    let before = try workspace.counts()
    let show = workspace.run(["claimant", "show", typo])
    #expect(show.code == 1)
    #expect(show.err.contains("NATIONAL_ID: The last digit of the Kazakh IIN does not match"))
    var words = Workspace.register(["--as", "dauren"])
    words[words.firstIndex(of: "--claimant")! + 1] = String(Workspace.yerlan.dropLast())
    let register = workspace.run(words)
    #expect(register.code == 1)
    #expect(
      register.err.contains("--claimant: A Kazakh IIN has 12 digits but 11"), "\(register.err)")
    let insure = workspace.run([
      "herd", "insure", "--claimant", typo, "--season", "2026", "--class", "sheep_goat", "--heads",
      "40", "--as", "bakyt",
    ])
    #expect(insure.code == 1)
    #expect(insure.err.contains("--claimant: The last digit of the Kazakh IIN does not match"))
    for outcome in [show, register, insure] {
      #expect(!outcome.err.contains(typo) && !outcome.err.contains(Workspace.yerlan))
    }
    #expect(try workspace.counts() == before)
  }
}
